import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCaller, useSession } from '../auth/session-context';
import { desksFor } from '../lib/menu';
import { LanguageSwitch } from './LanguageSwitch';

/** Header with who is signed in, the role's menu, and the desk below. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const caller = useCaller();
  const { signOut } = useSession();
  const location = useLocation();
  const desks = desksFor(caller.role);
  const scope = caller.canteenId ?? caller.supplierId ?? caller.driverId;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          data-testid="desk-menu"
          style={{ flex: 1, minWidth: 0 }}
          selectedKeys={desks.filter((d) => location.pathname.startsWith(d.path)).map((d) => d.key)}
          items={desks.map((d) => ({
            key: d.key,
            label: <Link to={d.path}>{t(`desk.${d.key}`)}</Link>,
          }))}
        />
        <Space>
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-as">
            {t(`role.${caller.role}`)} · {caller.sub}
            {scope ? ` · ${scope}` : ''}
          </Typography.Text>
          <LanguageSwitch />
          <Button size="small" onClick={signOut}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
