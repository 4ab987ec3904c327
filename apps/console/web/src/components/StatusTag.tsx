import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  approved: 'green',
  effective: 'green',
  published: 'green',
  received: 'green',
  closed: 'green',
  delivered: 'green',
  done: 'green',
  rejected: 'red',
  quarantined: 'red',
  'written-off': 'default',
  cancelled: 'default',
  proposed: 'orange',
  'awaiting-signatures': 'orange',
  'under-appeal': 'orange',
  reopened: 'magenta',
};

/** A state in the reader's language; the service's code stays in `data-status`. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag data-status={status} data-testid={testId} color={COLORS[status] ?? 'blue'}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
