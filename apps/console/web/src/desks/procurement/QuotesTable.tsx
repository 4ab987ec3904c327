import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../api/procurement';
import { HistoryList } from '../../components/HistoryList';
import { formatYuan } from '../../lib/money';
import { StatusTag } from '../../components/StatusTag';

export function QuotesTable({ quotes }: { quotes: Quote[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="supplierId"
      dataSource={quotes}
      pagination={{ pageSize: 10 }}
      expandable={{ expandedRowRender: (q) => <HistoryList entries={q.history} /> }}
      columns={[
        { title: t('proc.supplier'), dataIndex: 'supplierId' },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} testId={`quote-status-${s}`} />,
          filters: ['submitted', 'verified', 'approved', 'rejected'].map((s) => ({
            text: s,
            value: s,
          })),
          onFilter: (v, q) => q.status === v,
        },
        { title: 'rev', dataIndex: 'revision' },
        {
          title: t('proc.quoted'),
          render: (_, q) =>
            q.lines.map((l) => `${l.sku} ${formatYuan(l.price)}/${l.priceUnitQuantity}`).join('；'),
        },
      ]}
    />
  );
}
