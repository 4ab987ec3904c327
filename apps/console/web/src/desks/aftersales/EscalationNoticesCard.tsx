import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { aftersalesApi, type EscalationNotice } from '../../api/aftersales';
import { formatShanghai } from '../../lib/time';

/** R-AS-4: what was escalated to the lead (missed response times, special cases) and whether the push arrived. */
export function EscalationNoticesCard() {
  const { t } = useTranslation();
  const notices = useQuery({
    queryKey: ['escalation-notices'],
    queryFn: aftersalesApi.escalationNotices,
    refetchInterval: 5000,
  });
  return (
    <Card size="small" title={t('as.escalations')} data-testid="escalation-notices">
      <Table<EscalationNotice>
        size="small"
        rowKey="id"
        loading={notices.isLoading}
        dataSource={notices.data ?? []}
        pagination={{ pageSize: 5, size: 'small' }}
        columns={[
          { title: t('as.escalatedAt'), render: (_, n) => formatShanghai(n.escalatedAt) },
          {
            title: t('as.complaint'),
            render: (_, n) => (
              <Link to={`/aftersales/complaints/${encodeURIComponent(n.complaintId)}`}>
                {n.complaintId}
              </Link>
            ),
          },
          {
            title: t('as.escalationKind'),
            render: (_, n) =>
              n.kind === 'special-case'
                ? t('as.specialCase')
                : `${t('as.timerMissed')} ${n.timer ?? ''}`,
          },
          { title: t('as.escalationMessage'), dataIndex: 'message' },
          {
            title: t('as.pushed'),
            render: (_, n) => (
              <Tag color={n.status === 'sent' ? 'green' : n.status === 'failed' ? 'red' : 'orange'}>
                {n.status} · {n.attempts}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
