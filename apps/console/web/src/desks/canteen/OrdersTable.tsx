import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ordersApi, type Order } from '../../api/orders';
import { ActionError } from '../../components/ActionError';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../components/use-action';
import { formatYuan } from '../../lib/money';
import { formatShanghai } from '../../lib/time';

function CancelOrder({ order }: { order: Order }) {
  const { t } = useTranslation();
  const cancel = useAction(() => ordersApi.cancelOrder(order.id), { invalidate: [['orders']] });
  if (!['placed', 'confirmed', 'backordered'].includes(order.status)) return null;
  return (
    <>
      <Button size="small" danger onClick={() => cancel.run(undefined)} loading={cancel.pending}>
        {t('canteen.cancel')}
      </Button>
      <ActionError error={cancel.error} />
    </>
  );
}

/** R-ORD-4: the canteen's own orders, changeable until dispatched. */
export function OrdersTable({ orders }: { orders: Order[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="orders"
      dataSource={[...orders].sort((a, b) => b.placedAt.localeCompare(a.placedAt))}
      pagination={{ pageSize: 10 }}
      columns={[
        {
          title: t('common.when'),
          dataIndex: 'placedAt',
          render: (v: string) => formatShanghai(v),
        },
        {
          title: t('canteen.requestedTime'),
          dataIndex: 'requestedTime',
          render: (v?: string) => formatShanghai(v),
        },
        {
          title: t('kitchen.dishes'),
          render: (_, o) => o.lines.map((l) => `${l.name} × ${l.quantity}`).join('、'),
        },
        { title: t('canteen.total'), dataIndex: 'total', render: (v: string) => formatYuan(v) },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} testId="order-status" />,
          filters: [
            'placed',
            'confirmed',
            'backordered',
            'dispatched',
            'delivered',
            'partially-delivered',
            'cancelled',
          ].map((s) => ({ text: t(`status.${s}`), value: s })),
          onFilter: (v, o) => o.status === v,
        },
        { title: t('common.actions'), render: (_, o) => <CancelOrder order={o} /> },
      ]}
    />
  );
}
