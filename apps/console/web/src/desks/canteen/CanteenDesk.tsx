import { useQuery } from '@tanstack/react-query';
import { Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../api/orders';
import { useWeek } from '../procurement/use-week';
import { OrderForm } from './OrderForm';
import { OrdersTable } from './OrdersTable';

/** A canteen's ordering page: the week's published menu, and its own orders. */
export default function CanteenDesk() {
  const { t } = useTranslation();
  const [week, setWeek] = useWeek();
  const orders = useQuery({
    queryKey: ['orders'],
    queryFn: ordersApi.orders,
    refetchInterval: 4000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('canteen.place')}
        </Typography.Title>
        <Input
          addonBefore={t('common.week')}
          defaultValue={week}
          style={{ width: 200 }}
          onPressEnter={(e) => setWeek(e.currentTarget.value.trim())}
        />
      </Space>
      <Card size="small">
        <OrderForm week={week} key={week} />
      </Card>
      <Card size="small" title={t('canteen.orders')}>
        <OrdersTable orders={orders.data ?? []} />
      </Card>
    </Space>
  );
}
