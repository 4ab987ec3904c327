import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { procurementApi, type GoodsReceipt } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

const REASONS = ['short', 'damaged-packaging', 'opened', 'off-spec', 'expired'];

interface Values {
  purchaseOrderId: string;
  lines: Record<
    string,
    { accepted?: number; rejected?: number; rejectionReason?: string; bestBefore?: Dayjs }
  >;
}

/** R-PROC-7: quantity and condition checked against the purchase order at the door. */
export function ReceiptForm({ onRecorded }: { onRecorded: (receipt: GoodsReceipt) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const orders = useQuery({
    queryKey: ['purchase-orders'],
    queryFn: procurementApi.purchaseOrders,
  });
  const poId = Form.useWatch('purchaseOrderId', form);
  const po = orders.data?.find((o) => o.id === poId);
  const record = useAction(
    (v: Values) =>
      procurementApi.recordReceipt(
        v.purchaseOrderId,
        (po?.lines ?? []).map((l) => {
          const line = v.lines?.[l.lineId] ?? {};
          return {
            lineId: l.lineId,
            accepted: line.accepted ?? 0,
            rejected: line.rejected ?? 0,
            ...(line.rejectionReason ? { rejectionReason: line.rejectionReason } : {}),
            ...(line.bestBefore ? { bestBefore: line.bestBefore.format('YYYY-MM-DD') } : {}),
          };
        }),
      ),
    { form, fields: ['lines'], invalidate: [['purchase-orders']], onDone: onRecorded },
  );
  const open = (orders.data ?? []).filter(
    (o) => o.status === 'open' || o.status === 'partially-received',
  );
  return (
    <Form form={form} onFinish={record.run} layout="vertical">
      <Form.Item name="purchaseOrderId" label="PO" rules={[{ required: true }]}>
        <Select
          data-testid="receipt-po"
          style={{ width: 420 }}
          options={open.map((o) => ({
            value: o.id,
            label: `${o.id} · ${o.supplierId} · ${o.status}`,
          }))}
        />
      </Form.Item>
      {po?.lines.map((l) => (
        <Space key={l.lineId} align="baseline" wrap data-testid="receipt-line">
          <Typography.Text style={{ width: 200, display: 'inline-block' }}>
            {l.lineId} {l.sku} ({l.openQuantity})
          </Typography.Text>
          <Form.Item name={['lines', l.lineId, 'accepted']} label={t('proc.accepted')}>
            <InputNumber min={0} aria-label={`${t('proc.accepted')} ${l.sku}`} />
          </Form.Item>
          <Form.Item name={['lines', l.lineId, 'rejected']} label={t('proc.rejected')}>
            <InputNumber min={0} aria-label={`${t('proc.rejected')} ${l.sku}`} />
          </Form.Item>
          <Form.Item
            name={['lines', l.lineId, 'rejectionReason']}
            label={t('proc.rejectionReason')}
          >
            <Select
              allowClear
              style={{ width: 160 }}
              options={REASONS.map((r) => ({ value: r, label: r }))}
            />
          </Form.Item>
          <Form.Item name={['lines', l.lineId, 'bestBefore']} label={t('proc.bestBefore')}>
            <DatePicker aria-label={`${t('proc.bestBefore')} ${l.sku}`} />
          </Form.Item>
        </Space>
      ))}
      <div>
        <Button
          type="primary"
          htmlType="submit"
          loading={record.pending}
          data-testid="record-receipt"
        >
          {t('proc.record')}
        </Button>
      </div>
      <ActionError error={record.error} />
    </Form>
  );
}
