import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliveryApi, type Delivery } from '../../api/delivery';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

const REASONS = ['short', 'damaged', 'spoiled', 'wrong-spec'];

interface Values {
  lines: Record<string, { accepted?: number; rejected?: number; reason?: string }>;
  receiverName: string;
  signatureRef?: string;
}

/** R-DEL-3: the receiver counts every line (accepted, rejected with a reason) and signs. */
export function HandOverForm({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const hand = useAction(
    (v: Values) =>
      deliveryApi.delivered(delivery.id, {
        lines: delivery.lines.map((l) => {
          const c = v.lines?.[l.lineId] ?? {};
          return {
            lineId: l.lineId,
            acceptedQuantity: c.accepted ?? l.quantity,
            rejectedQuantity: c.rejected ?? 0,
            ...(c.reason ? { rejectionReason: c.reason } : {}),
          };
        }),
        proof: {
          receiverName: v.receiverName,
          receivedAt: new Date().toISOString(),
          ...(v.signatureRef ? { signatureRef: v.signatureRef } : {}),
        },
      }),
    {
      form,
      fields: ['lines', 'receiverName', 'signatureRef'],
      aliases: {
        'proof.receiverName': 'receiverName',
        'proof.signatureRef': 'signatureRef',
        'proof.photoRef': 'signatureRef',
        proof: 'signatureRef',
      },
      invalidate: [['my-deliveries']],
    },
  );
  return (
    <Form form={form} layout="vertical" onFinish={hand.run} name={`hand-over-${delivery.id}`}>
      {delivery.lines.map((l) => (
        <Space key={l.lineId} wrap align="baseline">
          <Typography.Text style={{ minWidth: 160, display: 'inline-block' }}>
            {l.name} × {l.quantity} {l.unit}
          </Typography.Text>
          <Form.Item name={['lines', l.lineId, 'accepted']} label={t('proc.accepted')}>
            <InputNumber min={0} placeholder={String(l.quantity)} />
          </Form.Item>
          <Form.Item name={['lines', l.lineId, 'rejected']} label={t('proc.rejected')}>
            <InputNumber min={0} placeholder="0" />
          </Form.Item>
          <Form.Item name={['lines', l.lineId, 'reason']} label={t('proc.rejectionReason')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={REASONS.map((r) => ({ value: r, label: r }))}
            />
          </Form.Item>
        </Space>
      ))}
      <Space wrap>
        <Form.Item
          name="receiverName"
          label={t('driver.receiverName')}
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="signatureRef" label={t('driver.signatureRef')}>
          <Input />
        </Form.Item>
      </Space>
      <div>
        <Button type="primary" htmlType="submit" loading={hand.pending}>
          {t('driver.delivered')}
        </Button>
      </div>
      <ActionError error={hand.error} />
    </Form>
  );
}
