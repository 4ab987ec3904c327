import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi, type Remedy } from '../../api/aftersales';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { formatShanghai } from '../../lib/time';
import { StatusTag } from '../../components/StatusTag';

function ApproveRemedy({ remedy }: { remedy: Remedy }) {
  const { t } = useTranslation();
  const approve = useAction(() => aftersalesApi.approveRemedy(remedy.id), {
    invalidate: [['remedies']],
  });
  if (remedy.status === 'approved' || remedy.replacementOrderId) return null;
  return (
    <>
      <Button size="small" onClick={() => approve.run(undefined)} loading={approve.pending}>
        {t('common.approve')}
      </Button>
      <ActionError error={approve.error} />
    </>
  );
}

/** R-AS-6: returns and exchanges, with the replacement order an exchange created. */
export function RemediesPanel() {
  const { t } = useTranslation();
  const remedies = useQuery({
    queryKey: ['remedies'],
    queryFn: aftersalesApi.remedies,
    refetchInterval: 10_000,
  });
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={remedies.data ?? []}
      pagination={{ pageSize: 10 }}
      columns={[
        { title: 'ID', dataIndex: 'id' },
        { title: t('as.canteenId'), dataIndex: 'canteenId' },
        { title: 'type', dataIndex: 'type', render: (v: string) => <Tag>{v}</Tag> },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} />,
        },
        { title: 'need by', dataIndex: 'needBy', render: (v?: string) => formatShanghai(v) },
        {
          title: 'order',
          render: (_, r) => `${r.originalOrderId} → ${r.replacementOrderId ?? '—'}`,
        },
        { title: t('common.actions'), render: (_, r) => <ApproveRemedy remedy={r} /> },
      ]}
    />
  );
}
