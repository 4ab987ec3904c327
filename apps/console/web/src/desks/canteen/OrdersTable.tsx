import { useQuery } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalApi, type PortalDelivery, type PortalOrder } from '../../api/portal';
import { ActionError } from '../../components/ActionError';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../components/use-action';
import { formatYuan } from '../../lib/money';
import { isChangeable } from '../../lib/order-draft';
import { formatShanghai } from '../../lib/time';
import { ChangeOrder } from './ChangeOrder';
import { DeliveryDetails } from './DeliveryDetails';

function CancelOrder({ order }: { order: PortalOrder }) {
  const { t } = useTranslation();
  const cancel = useAction(() => portalApi.cancel(order.id), {
    invalidate: [['portal-orders'], ['portal-order', order.id]],
  });
  return (
    <>
      <Popconfirm title={t('portal.orders.cancelConfirm')} onConfirm={() => cancel.run(undefined)}>
        <Button size="small" danger loading={cancel.pending} data-testid="cancel-order">
          {t('canteen.cancel')}
        </Button>
      </Popconfirm>
      <ActionError error={cancel.error} />
    </>
  );
}

const STATUSES = [
  'placed',
  'confirmed',
  'backordered',
  'dispatched',
  'delivered',
  'partially-delivered',
  'cancelled',
];

/**
 * R-ORD-4: the canteen's own orders with live status, changeable and cancellable until
 * dispatched; each with its delivery: where the van is, the deadline, and the proof.
 */
export function OrdersTable() {
  const { t } = useTranslation();
  const orders = useQuery({
    queryKey: ['portal-orders'],
    queryFn: portalApi.orders,
    refetchInterval: 3000,
  });
  const deliveries = useQuery({
    queryKey: ['portal-deliveries'],
    queryFn: () => portalApi.deliveries(),
    refetchInterval: 3000,
  });
  const byOrder = new Map<string, PortalDelivery>(
    (deliveries.data ?? []).map((d) => [d.orderId, d]),
  );
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="orders"
      loading={orders.isPending}
      dataSource={[...(orders.data ?? [])].sort((a, b) => b.placedAt.localeCompare(a.placedAt))}
      pagination={{ pageSize: 10 }}
      onRow={(o) => ({ 'data-order-id': o.id }) as object}
      expandable={{
        rowExpandable: (o) => byOrder.has(o.id),
        expandedRowRender: (o) => {
          const d = byOrder.get(o.id);
          return d ? <DeliveryDetails delivery={d} /> : t('portal.orders.noDelivery');
        },
      }}
      columns={[
        {
          title: t('portal.orders.placedAt'),
          dataIndex: 'placedAt',
          render: (v: string) => formatShanghai(v),
        },
        {
          title: t('canteen.requestedTime'),
          render: (_, o) => (
            <Space size={4} wrap>
              {o.requestedTime ? formatShanghai(o.requestedTime) : t('portal.orders.asap')}
              {o.urgent && (
                <Tag color="red">
                  {t('portal.orders.urgent')} {formatShanghai(o.needBy)}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          title: t('portal.orders.lines'),
          render: (_, o) =>
            o.lines
              .map((l) => `${l.name} × ${l.quantity}${l.notes ? `（${l.notes}）` : ''}`)
              .join('、'),
        },
        { title: t('canteen.total'), dataIndex: 'total', render: (v: string) => formatYuan(v) },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string, o) => (
            <Space orientation="vertical" size={0}>
              <StatusTag status={s} testId="order-status" />
              {s === 'backordered' && (
                <Typography.Text type="warning">
                  {t('portal.order.missing')}：
                  {o.missing.map((m) => `${m.sku} × ${m.quantity}`).join('、')}
                </Typography.Text>
              )}
            </Space>
          ),
          filters: STATUSES.map((s) => ({ text: t(`status.${s}`), value: s })),
          onFilter: (v, o) => o.status === v,
        },
        {
          title: t('portal.orders.delivery'),
          render: (_, o) => {
            const d = byOrder.get(o.id);
            if (!d) return <Typography.Text type="secondary">—</Typography.Text>;
            return (
              <Space orientation="vertical" size={0}>
                <StatusTag status={d.status} testId="delivery-status" />
                <span>
                  {t('portal.orders.deadline')}{' '}
                  <span data-testid="order-deadline">{formatShanghai(d.deadline)}</span>
                </span>
              </Space>
            );
          },
        },
        {
          title: t('common.actions'),
          render: (_, o) =>
            isChangeable(o.status) && (
              <Space>
                <ChangeOrder order={o} />
                <CancelOrder order={o} />
              </Space>
            ),
        },
      ]}
    />
  );
}
