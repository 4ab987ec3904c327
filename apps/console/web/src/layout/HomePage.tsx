import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCaller } from '../auth/session-context';
import { homeOf } from '../lib/menu';

export function HomePage() {
  const { t } = useTranslation();
  const caller = useCaller();
  const home = homeOf(caller.role);
  if (home !== '/') return <Navigate to={home} replace />;
  return <Empty description={t('app.noDesk')} />;
}
