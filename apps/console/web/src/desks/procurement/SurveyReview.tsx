import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

/** R-PROC-2: the ops-manager approves the survey or sends it back with a reason. */
export function SurveyReview({ week }: { week: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const invalidate = [['survey', week]];
  const approve = useAction(() => procurementApi.approveSurvey(week), { invalidate });
  const back = useAction((v: { reason: string }) => procurementApi.returnSurvey(week, v.reason), {
    form,
    fields: ['reason'],
    invalidate,
  });
  return (
    <Form form={form} layout="inline" onFinish={back.run}>
      <Space>
        <Button
          type="primary"
          onClick={() => approve.run(undefined)}
          loading={approve.pending}
          data-testid="approve-survey"
        >
          {t('proc.approveSurvey')}
        </Button>
        <Form.Item name="reason" rules={[{ required: true }]}>
          <Input placeholder={t('common.reason')} />
        </Form.Item>
        <Button htmlType="submit" loading={back.pending}>
          {t('proc.returnSurvey')}
        </Button>
      </Space>
      <ActionError error={approve.error} />
      <ActionError error={back.error} />
    </Form>
  );
}
