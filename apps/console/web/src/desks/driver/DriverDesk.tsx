import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliveryApi } from '../../api/delivery';
import { byDeadline } from '../../lib/delivery-flags';
import { DriverDeliveryCard } from './DriverDeliveryCard';

/** A driver's own deliveries (the service answers only those assigned to them), next due first. */
export default function DriverDesk() {
  const { t } = useTranslation();
  const deliveries = useQuery({
    queryKey: ['my-deliveries'],
    queryFn: () => deliveryApi.deliveries(),
    refetchInterval: 5000,
  });
  const open = byDeadline(
    (deliveries.data ?? []).filter((d) => d.status !== 'departed' && d.status !== 'cancelled'),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('driver.mine')}
      </Typography.Title>
      {open.length ? open.map((d) => <DriverDeliveryCard key={d.id} delivery={d} />) : <Empty />}
    </Space>
  );
}
