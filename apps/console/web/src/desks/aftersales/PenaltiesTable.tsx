import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Penalty } from '../../api/aftersales';
import { formatYuan } from '../../lib/money';
import { formatShanghai } from '../../lib/time';
import { PenaltyActions } from './PenaltyActions';
import { StatusTag } from '../../components/StatusTag';

export function PenaltiesTable({ penalties }: { penalties: Penalty[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="penalties"
      dataSource={penalties}
      pagination={{ pageSize: 10 }}
      expandable={{
        expandedRowRender: (p) => (
          <ul>
            {p.entries.map((e) => (
              <li key={e.entryId}>
                {e.kind} {formatYuan(e.amount)} · {e.postedBy} · {formatShanghai(e.postedAt)} ·{' '}
                {e.reason}
              </li>
            ))}
            {p.decidedBy && (
              <li>
                decided: {p.decidedBy} · {formatShanghai(p.decidedAt)}
              </li>
            )}
          </ul>
        ),
      }}
      columns={[
        {
          title: t('as.staff'),
          dataIndex: 'staffId',
          render: (v: string, p) => `${v}${p.borneByLead ? ' (lead)' : ''}`,
        },
        {
          title: t('as.severity'),
          dataIndex: 'severity',
          render: (v?: string) => (v ? t(`severity.${v}`) : '—'),
        },
        {
          title: t('as.amount'),
          render: (_, p) => (
            <span data-testid="penalty-amount">
              {formatYuan(p.amount)}
              {p.doubled && <Tag color="red">×2</Tag>}
            </span>
          ),
        },
        {
          title: t('as.inForce'),
          dataIndex: 'amountInForce',
          render: (v: string) => formatYuan(v),
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} testId="penalty-status" />,
          filters: ['proposed', 'approved', 'under-appeal', 'rejected', 'withdrawn'].map((s) => ({
            text: s,
            value: s,
          })),
          onFilter: (v, p) => p.status === v,
        },
        { title: t('common.reason'), dataIndex: 'reason' },
        { title: t('common.actions'), render: (_, p) => <PenaltyActions penalty={p} /> },
      ]}
    />
  );
}
