import { Button, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliveryApi, type Delivery } from '../../api/delivery';
import { ActionError } from '../../components/ActionError';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../components/use-action';
import { formatShanghai } from '../../lib/time';
import { HandOverForm } from './HandOverForm';

const NEXT: Record<
  string,
  { step: 'pickup' | 'check-in' | 'check-out'; label: string } | undefined
> = {
  assigned: { step: 'pickup', label: 'driver.pickup' },
  'picked-up': { step: 'check-in', label: 'driver.checkIn' },
  delivered: { step: 'check-out', label: 'driver.checkOut' },
};

/** One of the driver's deliveries and the next thing to confirm. */
export function DriverDeliveryCard({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const next = NEXT[delivery.status];
  const step = useAction(() => deliveryApi.driverStep(delivery.id, next!.step), {
    invalidate: [['my-deliveries']],
  });
  return (
    <Card
      size="small"
      data-testid={`my-delivery-${delivery.id}`}
      title={
        <span>
          {formatShanghai(delivery.deadline)} ·{' '}
          <StatusTag status={delivery.status} testId="my-delivery-status" />
        </span>
      }
      extra={
        next ? (
          <Button
            type="primary"
            onClick={() => step.run(undefined)}
            loading={step.pending}
            data-testid={`driver-${next.step}`}
          >
            {t(next.label)}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('dispatch.canteen')}>
          {delivery.destination?.address ?? delivery.canteenId}
        </Descriptions.Item>
        <Descriptions.Item label={t('driver.serviceEndsAt')}>
          {formatShanghai(delivery.serviceEndsAt as string | undefined)}
        </Descriptions.Item>
      </Descriptions>
      {delivery.status === 'arrived' && <HandOverForm delivery={delivery} />}
      <ActionError error={step.error} />
    </Card>
  );
}
