import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../../api/portal';
import { isSettled } from '../../lib/order-draft';
import { formatShanghai } from '../../lib/time';

/**
 * The service's answer to a placed order. Placing answers `placed`; the stock check runs over
 * Kafka, so the order is read again until it is confirmed (with its delivery's deadline, R-DEL-1)
 * or backordered (with what is missing, R-ORD-2).
 */
export function OrderOutcome({ orderId, onDismiss }: { orderId: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const order = useQuery({
    queryKey: ['portal-order', orderId],
    queryFn: () => portalApi.order(orderId),
    refetchInterval: (q) => (q.state.data && isSettled(q.state.data.status) ? false : 1000),
  });
  const confirmed = order.data?.status === 'confirmed';
  const delivery = useQuery({
    queryKey: ['portal-deliveries', orderId],
    queryFn: () => portalApi.deliveries({ orderId }),
    enabled: confirmed,
    refetchInterval: (q) => (q.state.data?.length ? false : 1500),
  });
  const close = (
    <Button size="small" onClick={onDismiss}>
      {t('portal.order.another')}
    </Button>
  );
  if (!order.data || order.data.status === 'placed')
    return (
      <Alert
        type="info"
        data-testid="order-outcome"
        data-order-id={orderId}
        data-status="placed"
        icon={<Spin size="small" />}
        showIcon
        title={t('portal.order.waiting')}
      />
    );
  const o = order.data;
  if (o.status === 'backordered')
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="order-outcome"
        data-order-id={orderId}
        data-status={o.status}
        title={t('portal.order.backordered')}
        description={`${t('portal.order.missing')}：${o.missing.map((m) => `${m.sku} × ${m.quantity}`).join('、')}`}
        action={close}
      />
    );
  if (confirmed) {
    const deadline = delivery.data?.[0]?.deadline;
    return (
      <Alert
        type="success"
        showIcon
        data-testid="order-outcome"
        data-order-id={orderId}
        data-status={o.status}
        title={t('portal.order.confirmed')}
        description={
          deadline ? (
            <span>
              {t('portal.order.deadline')}：
              <strong data-testid="order-deadline">{formatShanghai(deadline)}</strong>
            </span>
          ) : (
            t('portal.order.deadlinePending')
          )
        }
        action={close}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="order-outcome"
      data-order-id={orderId}
      data-status={o.status}
      title={t(`status.${o.status}`, { defaultValue: o.status })}
      action={close}
    />
  );
}
