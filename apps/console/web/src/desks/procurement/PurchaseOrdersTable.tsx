import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../api/procurement';
import { HistoryList } from '../../components/HistoryList';
import { formatYuan } from '../../lib/money';
import { StatusTag } from '../../components/StatusTag';

export function PurchaseOrdersTable({ orders }: { orders: PurchaseOrder[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="purchase-orders"
      dataSource={orders}
      pagination={{ pageSize: 10 }}
      expandable={{ expandedRowRender: (po) => <HistoryList entries={po.history} /> }}
      columns={[
        {
          title: 'PO',
          dataIndex: 'id',
          render: (id: string) => <code data-testid="po-id">{id}</code>,
        },
        { title: t('common.week'), dataIndex: 'week' },
        { title: t('proc.supplier'), dataIndex: 'supplierId' },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} testId="po-status" />,
          filters: ['open', 'partially-received', 'received', 'closed'].map((s) => ({
            text: s,
            value: s,
          })),
          onFilter: (v, po) => po.status === v,
        },
        {
          title: t('proc.quantity'),
          render: (_, po) =>
            po.lines
              .map(
                (l) =>
                  `${l.lineId} ${l.sku} ${l.quantity} @ ${formatYuan(l.price)}/${l.priceUnitQuantity} (open ${l.openQuantity})`,
              )
              .join('；'),
        },
        { title: t('proc.total'), dataIndex: 'totalYuan', render: (v: string) => formatYuan(v) },
      ]}
    />
  );
}
