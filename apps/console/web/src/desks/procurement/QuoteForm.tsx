import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { call } from '../../api/http';
import type { Supplier } from '../../api/types';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { normaliseYuanInput } from '../../lib/money';

interface Values {
  lines: { sku: string; price: string; priceUnitQuantity: number }[];
}

/** R-PROC-3: a designated supplier quotes (or revises) its ingredients before the deadline. */
export function QuoteForm({ week, supplierId }: { week: string; supplierId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const supplier = useQuery({
    queryKey: ['supplier', supplierId],
    queryFn: () =>
      call<Supplier>('procurement', 'GET', `/suppliers/${encodeURIComponent(supplierId)}`),
  });
  const submit = useAction(
    (v: Values) =>
      procurementApi.submitQuote(
        week,
        v.lines.map((l) => ({ ...l, price: normaliseYuanInput(l.price) ?? l.price })),
      ),
    { form, fields: ['lines'], invalidate: [['quotes', week]] },
  );
  if (!supplier.data) return null;
  return (
    <Form
      form={form}
      onFinish={submit.run}
      initialValues={{ lines: supplier.data.skus.map((sku) => ({ sku, priceUnitQuantity: 1000 })) }}
    >
      <Typography.Title level={5}>{supplier.data.name}</Typography.Title>
      <Form.List name="lines">
        {(items) =>
          items.map(({ key, name }) => (
            <Space key={key} align="baseline" data-testid="quote-line">
              <Form.Item name={[name, 'sku']}>
                <Input readOnly style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name={[name, 'price']} rules={[{ required: true }]}>
                <Input placeholder={t('proc.price')} aria-label={t('proc.price')} />
              </Form.Item>
              <Form.Item name={[name, 'priceUnitQuantity']} rules={[{ required: true }]}>
                <InputNumber min={1} aria-label={t('proc.per')} />
              </Form.Item>
            </Space>
          ))
        }
      </Form.List>
      <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="submit-quote">
        {t('proc.submitQuote')}
      </Button>
      <ActionError error={submit.error} />
    </Form>
  );
}
