import { useQuery } from '@tanstack/react-query';
import { Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { HistoryList } from '../../components/HistoryList';
import { useAction } from '../../components/use-action';
import { ApiError } from '../../lib/api-error';
import { ObservationsEditor } from './ObservationsEditor';
import { SurveyReview } from './SurveyReview';
import { POLL_MS } from './use-week';
import { StatusTag } from '../../components/StatusTag';

/** R-PROC-1/2: the buyer compiles ≥ 3 sources with contacts per ingredient; the ops-manager reviews. */
export function SurveySection({ week }: { week: string }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const survey = useQuery({
    queryKey: ['survey', week],
    queryFn: () => procurementApi.survey(week),
    refetchInterval: POLL_MS,
    retry: (_, e) => !(e instanceof ApiError && e.status === 404),
  });
  const open = useAction(() => procurementApi.openSurvey(week), { invalidate: [['survey', week]] });
  if (survey.error instanceof ApiError && survey.error.status === 404) {
    return (
      <Card>
        <Typography.Paragraph>{survey.error.message}</Typography.Paragraph>
        {caller.role === 'buyer' && (
          <Button type="primary" onClick={() => open.run(undefined)} loading={open.pending}>
            {t('proc.openSurvey')}
          </Button>
        )}
        <ActionError error={open.error} />
      </Card>
    );
  }
  const s = survey.data;
  if (!s) return null;
  const rows = s.requiredSkus.map((sku) => {
    const sources = new Set(
      s.observations
        .filter((o) => o.sku === sku && o.contactName && o.contactPhone)
        .map((o) => o.sourceName),
    ).size;
    return { sku, sources };
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <StatusTag status={s.status} testId="survey-status" />
        {s.returnReason && <Typography.Text type="danger">{s.returnReason}</Typography.Text>}
      </Space>
      <Table
        size="small"
        rowKey="sku"
        data-testid="survey-progress"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('proc.sku'), dataIndex: 'sku' },
          { title: t('proc.sources'), dataIndex: 'sources' },
          {
            title: t('proc.progress'),
            render: (_, r) => (
              <Space>
                <Progress
                  percent={Math.min(100, Math.round((r.sources / 3) * 100))}
                  size="small"
                  showInfo={false}
                  style={{ width: 160 }}
                />
                {`${r.sources}/3`}
              </Space>
            ),
          },
        ]}
      />
      {caller.role === 'buyer' && (s.status === 'draft' || s.status === 'returned') && (
        <ObservationsEditor survey={s} />
      )}
      {caller.role === 'ops-manager' && s.status === 'submitted' && <SurveyReview week={week} />}
      <Card size="small" title={t('common.history')}>
        <HistoryList entries={s.history} />
      </Card>
    </Space>
  );
}
