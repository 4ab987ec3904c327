import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';

/** R-INV-5: 3 × average monthly usage × seasonal coefficient − stock on hand. */
export function ReplenishmentSection() {
  const { t } = useTranslation();
  const rows = useQuery({ queryKey: ['replenishment'], queryFn: procurementApi.replenishment });
  return (
    <Table
      size="small"
      rowKey="sku"
      dataSource={rows.data ?? []}
      columns={[
        { title: t('proc.sku'), dataIndex: 'sku' },
        { title: 'avg/month', dataIndex: 'averageMonthlyUsage' },
        { title: '%', dataIndex: 'seasonalPercent' },
        { title: t('proc.onHand'), dataIndex: 'onHand' },
        { title: t('proc.suggestion'), dataIndex: 'suggestedQuantity' },
      ]}
    />
  );
}
