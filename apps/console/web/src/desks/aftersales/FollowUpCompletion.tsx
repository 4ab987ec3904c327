import { Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi, SURVEY_ITEMS, SURVEY_LEVELS } from '../../api/aftersales';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

type Values = { notes: string; survey: Record<string, string> };

/** R-AS-15: the four-by-four survey form of a follow-up call. */
export function FollowUpCompletion({ id }: { id: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const complete = useAction((v: Values) => aftersalesApi.completeFollowUp(id, v), {
    form,
    fields: ['notes', 'survey'],
    invalidate: [['follow-ups'], ['due-list']],
  });
  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 4 }} onFinish={complete.run}>
      {SURVEY_ITEMS.map((item) => (
        <Form.Item
          key={item}
          name={['survey', item]}
          label={t(`as.${item}`)}
          rules={[{ required: true }]}
        >
          <Radio.Group options={SURVEY_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        </Form.Item>
      ))}
      <Form.Item name="notes" label={t('as.note')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={complete.pending}>
        {t('as.complete')}
      </Button>
      <ActionError error={complete.error} />
    </Form>
  );
}
