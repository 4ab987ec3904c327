import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { aftersalesApi } from '../../api/aftersales';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { COMPLAINT_CAUSES as CAUSES } from '../../lib/complaint-causes';

interface Values {
  canteenId: string;
  channel: string;
  category: string;
  cause: string;
  orderId?: string;
  deliveryId?: string;
  staffId?: string;
  description: string;
  request?: string;
}

/** R-AS-1: who, when, about what, what they ask for, and the category. */
export function RecordComplaintForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const category = Form.useWatch('category', form) ?? 'quality';
  const record = useAction(
    ({ orderId, deliveryId, staffId, request, ...v }: Values) =>
      aftersalesApi.record({
        ...v,
        subject: {
          ...(orderId && { orderId }),
          ...(deliveryId && { deliveryId }),
          ...(staffId && { staffId }),
        },
        ...(request && { request }),
      }),
    {
      form,
      fields: ['canteenId', 'channel', 'category', 'cause', 'description', 'request', 'subject'],
      aliases: {
        'subject.orderId': 'orderId',
        'subject.deliveryId': 'deliveryId',
        'subject.staffId': 'staffId',
      },
      invalidate: [['complaints'], ['due-list']],
      onDone: (c) => void navigate(`/aftersales/complaints/${encodeURIComponent(c.id)}`),
    },
  );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={record.run}
      initialValues={{ channel: 'call', category: 'quality' }}
      data-testid="record-complaint"
    >
      <Space wrap>
        <Form.Item name="canteenId" label={t('as.canteenId')} rules={[{ required: true }]}>
          <Input aria-label={t('as.canteenId')} />
        </Form.Item>
        <Form.Item name="channel" label="channel">
          <Select
            style={{ width: 110 }}
            options={['call', 'letter', 'visit', 'app', 'survey'].map((c) => ({
              value: c,
              label: c,
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('as.category')}>
          <Select
            style={{ width: 130 }}
            options={Object.keys(CAUSES).map((c) => ({ value: c, label: t(`category.${c}`) }))}
            onChange={() => form.setFieldValue('cause', undefined)}
          />
        </Form.Item>
        <Form.Item name="cause" label={t('as.cause')} rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            aria-label={t('as.cause')}
            data-testid="complaint-cause"
            options={CAUSES[category].map((c) => ({ value: c, label: t(`cause.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="orderId" label="order">
          <Input />
        </Form.Item>
        <Form.Item name="deliveryId" label="delivery">
          <Input />
        </Form.Item>
        <Form.Item name="staffId" label={t('as.staff')}>
          <Input />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('as.description')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} aria-label={t('as.description')} />
      </Form.Item>
      <Form.Item name="request" label={t('as.request')}>
        <Input aria-label={t('as.request')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.pending}>
        {t('as.record')}
      </Button>
      <ActionError error={record.error} />
    </Form>
  );
}
