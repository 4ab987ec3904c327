import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi, type Complaint } from '../../api/aftersales';
import { portalApi } from '../../api/portal';
import { ActionError } from '../../components/ActionError';
import { StatusTag } from '../../components/StatusTag';
import { useAction } from '../../components/use-action';
import { formatShanghai } from '../../lib/time';
import { COMPLAINT_CAUSES as CAUSES } from '../../lib/complaint-causes';

interface Values {
  category: string;
  cause: string;
  orderId?: string;
  deliveryId?: string;
  staffId?: string;
  description: string;
  request?: string;
}

/** R-AS-1: the canteen files through the app — about what, what it asks for, the category. */
function FileComplaint() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form) ?? 'quality';
  const orderId = Form.useWatch('orderId', form);
  const orders = useQuery({ queryKey: ['portal-orders'], queryFn: portalApi.orders });
  const deliveries = useQuery({
    queryKey: ['portal-deliveries'],
    queryFn: () => portalApi.deliveries(),
  });
  const file = useAction(
    ({ orderId: o, deliveryId, staffId, request, ...v }: Values) =>
      aftersalesApi.record({
        ...v,
        subject: {
          ...(o && { orderId: o }),
          ...(deliveryId && { deliveryId }),
          ...(staffId?.trim() && { staffId: staffId.trim() }),
        },
        ...(request?.trim() && { request: request.trim() }),
      }),
    {
      form,
      fields: ['category', 'cause', 'description', 'request', 'subject'],
      aliases: { 'subject.orderId': 'orderId', 'subject.deliveryId': 'deliveryId' },
      invalidate: [['portal-complaints']],
      onDone: () => {
        form.resetFields();
        void message.success(t('portal.complaint.filed'));
      },
    },
  );
  return (
    <Form
      form={form}
      layout="vertical"
      name="complaint"
      onFinish={file.run}
      initialValues={{ category: 'quality', cause: 'food-quality' }}
    >
      <Space wrap align="start">
        <Form.Item name="category" label={t('as.category')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={Object.keys(CAUSES).map((c) => ({ value: c, label: t(`category.${c}`) }))}
            onChange={(c: string) => form.setFieldValue('cause', CAUSES[c][0])}
          />
        </Form.Item>
        <Form.Item name="cause" label={t('as.cause')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={CAUSES[category].map((c) => ({ value: c, label: t(`cause.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="orderId" label={t('portal.complaint.about')}>
          <Select
            allowClear
            style={{ width: 320 }}
            options={(orders.data ?? []).map((o) => ({
              value: o.id,
              label: `${formatShanghai(o.placedAt)} · ${o.lines.map((l) => l.name).join('、')}`,
            }))}
            onChange={(o?: string) =>
              form.setFieldValue(
                'deliveryId',
                deliveries.data?.find((d) => d.orderId === o)?.id ?? undefined,
              )
            }
          />
        </Form.Item>
        <Form.Item name="deliveryId" label={t('portal.complaint.deliveryId')}>
          <Select
            allowClear
            style={{ width: 240 }}
            options={(deliveries.data ?? [])
              .filter((d) => !orderId || d.orderId === orderId)
              .map((d) => ({ value: d.id, label: `${formatShanghai(d.deadline)} · ${d.id}` }))}
          />
        </Form.Item>
        <Form.Item name="staffId" label={t('portal.complaint.staffId')}>
          <Input style={{ width: 160 }} maxLength={100} />
        </Form.Item>
      </Space>
      <Form.Item
        name="description"
        label={t('as.description')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="request" label={t('as.request')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.pending} data-testid="file-complaint">
        {t('portal.complaint.file')}
      </Button>
      <ActionError error={file.error} />
    </Form>
  );
}

/** The canteen's own complaints and the steps it is shown of their handling (R-AS-2). */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const complaints = useQuery({
    queryKey: ['portal-complaints'],
    queryFn: () => aftersalesApi.complaints(),
    refetchInterval: 5000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('portal.complaint.file')}>
        <FileComplaint />
      </Card>
      <Card size="small" title={t('portal.complaint.mine')}>
        <Table<Complaint>
          size="small"
          rowKey="id"
          data-testid="complaints"
          dataSource={[...(complaints.data ?? [])].sort((a, b) =>
            b.recordedAt.localeCompare(a.recordedAt),
          )}
          expandable={{
            expandedRowRender: (c) => (
              <Timeline
                items={c.steps.map((s, i) => ({
                  key: i,
                  content: `${formatShanghai(s.at)} · ${t(`stepName.${s.step}`, { defaultValue: s.step })}${s.note ? ` · ${s.note}` : ''}`,
                }))}
              />
            ),
          }}
          columns={[
            {
              title: t('as.recordedAt'),
              dataIndex: 'recordedAt',
              render: (v: string) => formatShanghai(v),
            },
            { title: t('as.category'), render: (_, c) => t(`category.${c.category}`) },
            { title: t('as.cause'), render: (_, c) => t(`cause.${c.cause}`) },
            { title: t('as.description'), dataIndex: 'description' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} testId="complaint-status" />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
