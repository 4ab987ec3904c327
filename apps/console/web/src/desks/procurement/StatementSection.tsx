import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { ApiError } from '../../lib/api-error';
import { formatYuan } from '../../lib/money';
import { formatShanghai, shanghaiDate } from '../../lib/time';

/** R-PROC-6: a supplier's monthly statement (月结) at approved prices, minus returns. */
export function StatementSection() {
  const { t } = useTranslation();
  const caller = useCaller();
  const [query, setQuery] = useState<{ supplierId: string; month: string } | null>(null);
  const suppliers = useQuery({
    queryKey: ['suppliers'],
    queryFn: procurementApi.suppliers,
    enabled: caller.role !== 'supplier',
  });
  const statement = useQuery({
    queryKey: ['statement', query],
    queryFn: () => procurementApi.statement(query!.supplierId, query!.month),
    enabled: !!query,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form
        layout="inline"
        initialValues={{
          supplierId: caller.supplierId,
          month: shanghaiDate(new Date()).slice(0, 7),
        }}
        onFinish={(v: { supplierId: string; month: string }) => setQuery(v)}
      >
        <Form.Item name="supplierId" label={t('proc.supplier')} rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            disabled={caller.role === 'supplier'}
            options={(suppliers.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} (${s.id})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('proc.month')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}$/ }]}
        >
          <Input style={{ width: 110 }} />
        </Form.Item>
        <Button htmlType="submit">{t('proc.load')}</Button>
      </Form>
      {statement.error instanceof ApiError && (
        <ActionError error={{ error: statement.error, general: statement.error.message }} />
      )}
      {statement.data && (
        <>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={statement.data.lines}
            columns={[
              { title: 'kind', dataIndex: 'kind' },
              {
                title: t('common.when'),
                dataIndex: 'at',
                render: (v: string) => formatShanghai(v),
              },
              { title: t('proc.sku'), dataIndex: 'sku' },
              { title: t('proc.quantity'), dataIndex: 'quantity' },
              { title: 'ref', dataIndex: 'ref' },
              { title: t('proc.total'), dataIndex: 'amount', render: (v: string) => formatYuan(v) },
            ]}
          />
          <Typography.Text strong data-testid="statement-payable">
            {formatYuan(statement.data.received)} − {formatYuan(statement.data.returned)} ={' '}
            {formatYuan(statement.data.payable)}
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
