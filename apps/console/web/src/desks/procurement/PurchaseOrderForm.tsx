import { useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { formatYuan } from '../../lib/money';

interface Values {
  supplierId: string;
  quantities: Record<string, number | null>;
}

/** R-PROC-5: the buyer orders at the week's approved prices only. */
export function PurchaseOrderForm({ week }: { week: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const round = useQuery({ queryKey: ['round', week], queryFn: () => procurementApi.round(week) });
  const supplierId = Form.useWatch('supplierId', form);
  const prices = (round.data?.approvedPrices ?? []).filter((p) => p.supplierId === supplierId);
  const suppliers = [...new Set((round.data?.approvedPrices ?? []).map((p) => p.supplierId))];
  const create = useAction(
    (v: Values) =>
      procurementApi.createPurchaseOrder({
        week,
        supplierId: v.supplierId,
        lines: prices
          .filter((p) => (v.quantities?.[p.sku] ?? 0) > 0)
          .map((p) => ({
            sku: p.sku,
            quantity: v.quantities[p.sku]!,
            price: p.price,
            priceUnitQuantity: p.priceUnitQuantity,
          })),
      }),
    {
      form,
      fields: ['supplierId'],
      invalidate: [['purchase-orders']],
      onDone: () => form.resetFields(),
    },
  );
  return (
    <Form form={form} onFinish={create.run} layout="vertical">
      <Form.Item name="supplierId" label={t('proc.supplier')} rules={[{ required: true }]}>
        <Select
          data-testid="po-supplier"
          options={suppliers.map((s) => ({ value: s, label: s }))}
          style={{ width: 320 }}
        />
      </Form.Item>
      {prices.map((p) => (
        <Space key={p.sku} align="baseline">
          <Typography.Text style={{ width: 260, display: 'inline-block' }}>
            {p.sku} · {formatYuan(p.price)}/{p.priceUnitQuantity}
          </Typography.Text>
          <Form.Item name={['quantities', p.sku]} label={t('proc.quantity')}>
            <InputNumber min={0} aria-label={`${t('proc.quantity')} ${p.sku}`} />
          </Form.Item>
        </Space>
      ))}
      <div>
        <Button type="primary" htmlType="submit" loading={create.pending} data-testid="create-po">
          {t('proc.createPo')}
        </Button>
      </div>
      <ActionError error={create.error} />
    </Form>
  );
}
