import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi, SURVEY_ITEMS, SURVEY_LEVELS, type FollowUp } from '../../api/aftersales';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { formatShanghai } from '../../lib/time';

type Values = { notes: string; survey: Record<string, string> };

/** R-AS-15: attitude, skill, arrival time, keeping promises — each on four levels. */
function SurveyForm({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const answer = useAction((v: Values) => aftersalesApi.completeFollowUp(followUp.id, v), {
    form,
    fields: ['notes', 'survey'],
    invalidate: [['portal-follow-ups']],
  });
  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ span: 4 }}
      name={`survey-${followUp.id}`}
      onFinish={answer.run}
    >
      {SURVEY_ITEMS.map((item) => (
        <Form.Item
          key={item}
          name={['survey', item]}
          label={t(`as.${item}`)}
          rules={[{ required: true, message: t('portal.order.required') }]}
        >
          <Radio.Group
            aria-label={t(`as.${item}`)}
            options={SURVEY_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
        </Form.Item>
      ))}
      <Form.Item
        name="notes"
        label={t('portal.survey.notes')}
        rules={[{ required: true, whitespace: true, message: t('portal.order.required') }]}
      >
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.pending} data-testid="submit-survey">
        {t('portal.survey.submit')}
      </Button>
      <ActionError error={answer.error} />
    </Form>
  );
}

/** The follow-ups planned for this canteen: answer the due ones; see the answered ones. */
export function SurveyPage() {
  const { t } = useTranslation();
  const followUps = useQuery({
    queryKey: ['portal-follow-ups'],
    queryFn: () => aftersalesApi.followUps(),
    refetchInterval: 5000,
  });
  const now = Date.now();
  // a follow-up is answered in its window; one not open yet is listed with the day it opens
  const due = (followUps.data ?? []).filter(
    (f) => f.status === 'due' && new Date(f.dueFrom).getTime() <= now,
  );
  const upcoming = (followUps.data ?? []).filter(
    (f) => f.status === 'due' && new Date(f.dueFrom).getTime() > now,
  );
  const done = (followUps.data ?? []).filter((f) => f.status === 'done');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {followUps.error && <Alert type="error" title={followUps.error.message} />}
      {followUps.data && !due.length && <Alert type="info" title={t('portal.survey.none')} />}
      {due.map((f) => (
        <Card
          key={f.id}
          size="small"
          data-testid="survey-due"
          title={`${t(`portal.survey.kinds.${f.kind}`, { defaultValue: f.kind })} · ${t('portal.survey.dueBy')} ${formatShanghai(f.dueBy)}`}
        >
          <SurveyForm followUp={f} />
        </Card>
      ))}
      {upcoming.length > 0 && (
        <Card size="small" title={t('portal.survey.upcoming')}>
          <Table
            size="small"
            rowKey="id"
            data-testid="surveys-upcoming"
            dataSource={upcoming}
            pagination={false}
            columns={[
              {
                title: t('portal.survey.kind'),
                render: (_, f) => t(`portal.survey.kinds.${f.kind}`, { defaultValue: f.kind }),
              },
              { title: t('portal.survey.opensAt'), render: (_, f) => formatShanghai(f.dueFrom) },
              { title: t('portal.survey.dueBy'), render: (_, f) => formatShanghai(f.dueBy) },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('portal.survey.done')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="surveys-done"
          dataSource={done}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: t('portal.survey.kind'),
              render: (_, f) => t(`portal.survey.kinds.${f.kind}`, { defaultValue: f.kind }),
            },
            {
              title: t('portal.survey.dueBy'),
              render: (_, f) => formatShanghai(f.dueBy),
            },
            {
              title: t('portal.survey.score'),
              render: (_, f) => {
                const score = f.score as { total?: number; max?: number } | undefined;
                return score?.total !== undefined ? `${score.total} / ${score.max ?? 16}` : '—';
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
