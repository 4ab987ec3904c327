import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi } from '../../api/aftersales';
import { formatShanghai } from '../../lib/time';
import { FollowUpCompletion } from './FollowUpCompletion';
import { StatusTag } from '../../components/StatusTag';

/** R-AS-13/14: every delivery's follow-up calls, due first. */
export function FollowUpsPanel() {
  const { t } = useTranslation();
  const followUps = useQuery({
    queryKey: ['follow-ups'],
    queryFn: () => aftersalesApi.followUps(),
    refetchInterval: 10_000,
  });
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={[...(followUps.data ?? [])].sort((a, b) => a.dueBy.localeCompare(b.dueBy))}
      pagination={{ pageSize: 10 }}
      expandable={{
        expandedRowRender: (f) =>
          f.status === 'due' ? <FollowUpCompletion id={f.id} /> : JSON.stringify(f.score ?? {}),
        rowExpandable: () => true,
      }}
      columns={[
        { title: 'ID', dataIndex: 'id' },
        { title: t('as.canteenId'), dataIndex: 'canteenId' },
        { title: 'kind', dataIndex: 'kind' },
        {
          title: 'due',
          render: (_, f) => `${formatShanghai(f.dueFrom)} – ${formatShanghai(f.dueBy)}`,
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} />,
        },
      ]}
    />
  );
}
