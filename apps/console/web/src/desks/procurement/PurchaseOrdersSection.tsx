import { useQuery } from '@tanstack/react-query';
import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { useCaller } from '../../auth/session-context';
import { PurchaseOrderForm } from './PurchaseOrderForm';
import { PurchaseOrdersTable } from './PurchaseOrdersTable';
import { POLL_MS } from './use-week';

export function PurchaseOrdersSection({ week }: { week: string }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const orders = useQuery({
    queryKey: ['purchase-orders'],
    queryFn: procurementApi.purchaseOrders,
    refetchInterval: POLL_MS,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {caller.role === 'buyer' && (
        <Card size="small" title={t('proc.createPo')}>
          <PurchaseOrderForm week={week} />
        </Card>
      )}
      <PurchaseOrdersTable orders={(orders.data ?? []).filter((po) => po.week === week)} />
    </Space>
  );
}
