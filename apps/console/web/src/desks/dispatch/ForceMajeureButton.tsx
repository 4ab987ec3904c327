import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryApi, type Delivery } from '../../api/delivery';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { pickedShanghaiToIso } from '../../lib/time';

interface Values {
  cause: string;
  description?: string;
  proofRef: string;
  occurredAt: Dayjs;
  canteenNotifiedAt?: Dayjs;
  newDeliveryTime: Dayjs;
}

/** R-DEL-6: force majeure with proof, the canteen's notification and a new time within 3 days. */
export function ForceMajeureButton({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const record = useAction(
    (v: Values) =>
      deliveryApi.forceMajeure(delivery.id, {
        cause: v.cause,
        ...(v.description ? { description: v.description } : {}),
        proofRef: v.proofRef,
        occurredAt: pickedShanghaiToIso(v.occurredAt),
        ...(v.canteenNotifiedAt
          ? { canteenNotifiedAt: pickedShanghaiToIso(v.canteenNotifiedAt) }
          : {}),
        newDeliveryTime: pickedShanghaiToIso(v.newDeliveryTime),
      }),
    {
      form,
      fields: [
        'cause',
        'description',
        'proofRef',
        'occurredAt',
        'canteenNotifiedAt',
        'newDeliveryTime',
      ],
      invalidate: [['deliveries']],
      onDone: () => setOpen(false),
    },
  );
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('dispatch.forceMajeure')}
      </Button>
      <Modal
        open={open}
        title={t('dispatch.forceMajeure')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={record.pending}
      >
        <Form form={form} layout="vertical" onFinish={record.run}>
          <Form.Item name="cause" label={t('dispatch.cause')} rules={[{ required: true }]}>
            <Select
              options={['flood', 'fire', 'supplier-failure', 'other'].map((c) => ({
                value: c,
                label: c,
              }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('as.description')}>
            <Input.TextArea />
          </Form.Item>
          <Form.Item name="proofRef" label={t('dispatch.proofRef')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="occurredAt"
            label={t('dispatch.occurredAt')}
            rules={[{ required: true }]}
          >
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="canteenNotifiedAt" label={t('dispatch.canteenNotifiedAt')}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item
            name="newDeliveryTime"
            label={t('dispatch.newDeliveryTime')}
            rules={[{ required: true }]}
          >
            <DatePicker showTime />
          </Form.Item>
        </Form>
        <ActionError error={record.error} />
      </Modal>
    </>
  );
}
