import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../lib/api-error';

/** The service's refusal, shown where the action was taken: code, message, unplaced fields. */
export function ActionError({ error }: { error: { error: ApiError; general?: string } | null }) {
  const { t } = useTranslation();
  if (!error || (!error.general && !error.error.separationOfDuties)) return null;
  return (
    <Alert
      role="alert"
      data-testid="action-error"
      type="error"
      showIcon
      style={{ marginTop: 8 }}
      title={
        <span>
          {error.error.separationOfDuties && <Tag color="red">{t('common.separation')}</Tag>}
          <code>{error.error.code}</code>
        </span>
      }
      description={error.general ?? error.error.message}
    />
  );
}
