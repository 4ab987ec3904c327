import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type SignaturePad from 'signature_pad';
import type { Delivery } from '../../api/delivery';
import { useOutboxContext } from './offline/use-outbox';
import { photoJpeg, signaturePng, SignatureField } from './SignatureField';

const REASONS = ['short', 'damaged', 'spoiled', 'wrong-spec'] as const;

interface Values {
  lines: Record<string, { accepted?: number; rejected?: number; reason?: string }>;
  receiverName: string;
}

/**
 * R-DEL-3: the receiver counts every line (accepted, rejected with a reason), gives their name
 * and signs on the screen; a photo is optional. The hand-over is queued with the images and sent
 * when the phone is online (offline/outbox.ts).
 */
export function HandOverForm({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const outbox = useOutboxContext();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePad | null>(null);
  const [signed, setSigned] = useState(false);
  const [proofMissing, setProofMissing] = useState(false);
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // what is not rejected is accepted unless counted otherwise: the placeholder says so
  const counted = Form.useWatch('lines', form) as Values['lines'] | undefined;
  const rejectedOf = Object.fromEntries(
    Object.entries(counted ?? {}).map(([lineId, c]) => [lineId, c?.rejected ?? 0]),
  );
  const onSigned = useCallback((s: boolean) => {
    setSigned(s);
    if (s) setProofMissing(false);
  }, []);

  async function submit(v: Values) {
    const signature = signed ? await signaturePng(pad.current) : null;
    if (!signature && !photo) {
      setProofMissing(true);
      return;
    }
    setSaving(true);
    try {
      await outbox.enqueue({
        deliveryId: delivery.id,
        step: 'delivered',
        body: {
          lines: delivery.lines.map((l) => {
            const c = v.lines?.[l.lineId] ?? {};
            const rejected = c.rejected ?? 0;
            return {
              lineId: l.lineId,
              acceptedQuantity: c.accepted ?? l.quantity - rejected,
              rejectedQuantity: rejected,
              ...(rejected > 0 && c.reason ? { rejectionReason: c.reason } : {}),
            };
          }),
          proof: { receiverName: v.receiverName.trim(), receivedAt: new Date().toISOString() },
        },
        ...(signature ? { signature } : {}),
        ...(photo ? { photo: photo.blob } : {}),
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      name={`hand-over-${delivery.id}`}
      data-testid="hand-over"
    >
      <Typography.Title level={5}>{t('driverApp.handOver.title')}</Typography.Title>
      {delivery.lines.map((l) => (
        <Card
          key={l.lineId}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid={`line-${l.lineId}`}
          title={`${l.name} × ${l.quantity} ${l.unit}`}
        >
          <Space wrap align="start">
            <Form.Item
              name={['lines', l.lineId, 'accepted']}
              label={t('driverApp.handOver.accepted')}
              dependencies={[['lines', l.lineId, 'rejected']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, accepted?: number) => {
                    const rejected =
                      (getFieldValue(['lines', l.lineId, 'rejected']) as number) ?? 0;
                    return (accepted ?? l.quantity - rejected) + rejected > l.quantity
                      ? Promise.reject(
                          new Error(t('driverApp.handOver.countTooHigh', { quantity: l.quantity })),
                        )
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={l.quantity}
                placeholder={String(Math.max(0, l.quantity - (rejectedOf[l.lineId] ?? 0)))}
                inputMode="numeric"
              />
            </Form.Item>
            <Form.Item
              name={['lines', l.lineId, 'rejected']}
              label={t('driverApp.handOver.rejected')}
            >
              <InputNumber min={0} max={l.quantity} placeholder="0" inputMode="numeric" />
            </Form.Item>
            <Form.Item
              name={['lines', l.lineId, 'reason']}
              label={t('driverApp.handOver.reason')}
              dependencies={[['lines', l.lineId, 'rejected']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, reason?: string) =>
                    ((getFieldValue(['lines', l.lineId, 'rejected']) as number) ?? 0) > 0 && !reason
                      ? Promise.reject(new Error(t('driverApp.handOver.reasonRequired')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Select
                allowClear
                style={{ width: 130 }}
                data-testid={`reason-${l.lineId}`}
                options={REASONS.map((r) => ({ value: r, label: t(`driverApp.reason.${r}`) }))}
              />
            </Form.Item>
          </Space>
        </Card>
      ))}
      <Form.Item
        name="receiverName"
        label={t('driverApp.handOver.receiverName')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input autoComplete="off" data-testid="receiver-name" />
      </Form.Item>
      <Form.Item
        label={t('driverApp.handOver.signature')}
        validateStatus={proofMissing ? 'error' : undefined}
        help={proofMissing ? t('driverApp.handOver.proofRequired') : undefined}
      >
        <SignatureField padRef={pad} onChange={onSigned} />
      </Form.Item>
      <Form.Item label={t('driverApp.handOver.photo')}>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          data-testid="photo-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void photoJpeg(file).then((blob) => {
              setPhoto({ blob, url: URL.createObjectURL(blob) });
              setProofMissing(false);
            });
          }}
        />
        {photo && (
          <div style={{ marginTop: 8 }}>
            <img
              src={photo.url}
              alt={t('driverApp.handOver.photoTaken')}
              data-testid="photo-preview"
              style={{ maxWidth: 160, maxHeight: 120, display: 'block' }}
            />
            <Button size="small" onClick={() => setPhoto(null)}>
              {t('driverApp.handOver.removePhoto')}
            </Button>
          </div>
        )}
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={saving}
        data-testid="driver-delivered"
      >
        {t('driverApp.handOver.submit')}
      </Button>
    </Form>
  );
}
