import { Button, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi } from '../../api/aftersales';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { stepBody, type ComplaintStep } from '../../lib/complaint-steps';

const DEPARTMENTS = [
  'kitchen',
  'warehouse-transport',
  'delivery',
  'aftersales',
  'procurement',
  'management',
];
const SEVERITIES = ['minor', 'moderate', 'serious', 'severe'];

/** One step of a complaint's loop as a small form; refusals land next to the field. */
export function StepForm({ complaintId, step }: { complaintId: string; step: ComplaintStep }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const invalidate = [['complaint', complaintId], ['complaints'], ['penalties'], ['due-list']];
  const action = useAction(
    (values: Record<string, unknown>) =>
      aftersalesApi.step(complaintId, step.action, stepBody(step, values)),
    { form, fields: step.fields.map((f) => f.name), invalidate, onDone: () => form.resetFields() },
  );
  return (
    <Form
      form={form}
      name={step.action}
      layout="vertical"
      onFinish={action.run}
      data-testid={`step-${step.action}`}
    >
      {step.fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={t(`step.${f.name}`)}
          rules={f.required ? [{ required: true }] : []}
          valuePropName={f.kind === 'boolean' ? 'checked' : 'value'}
        >
          {f.kind === 'boolean' ? (
            <Switch aria-label={t(`step.${f.name}`)} />
          ) : f.kind === 'textarea' ? (
            <Input.TextArea rows={2} aria-label={t(`step.${f.name}`)} />
          ) : f.kind === 'department' ? (
            <Select
              allowClear
              aria-label={t(`step.${f.name}`)}
              options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))}
            />
          ) : f.kind === 'severity' ? (
            <Select
              aria-label={t(`step.${f.name}`)}
              options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            />
          ) : (
            <Input aria-label={t(`step.${f.name}`)} />
          )}
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={action.pending}>
        {t(`step.${step.action}`)}
      </Button>
      <ActionError error={action.error} />
    </Form>
  );
}
