import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { aftersalesApi } from '../../api/aftersales';
import { useCaller } from '../../auth/session-context';
import { nextSteps } from '../../lib/complaint-steps';
import { formatShanghai } from '../../lib/time';
import { ComplaintTimers } from './ComplaintTimers';
import { PenaltiesTable } from './PenaltiesTable';
import { StepForm } from './StepForm';
import { StatusTag } from '../../components/StatusTag';

/** A complaint's whole loop on one page: details, live timers, step history, the next steps. */
export default function ComplaintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const caller = useCaller();
  const complaint = useQuery({
    queryKey: ['complaint', id],
    queryFn: () => aftersalesApi.complaint(id),
    refetchInterval: 4000,
  });
  const penalties = useQuery({
    queryKey: ['penalties', 'complaint', id],
    queryFn: () => aftersalesApi.penalties(),
    select: (list) => list.filter((p) => p.source.kind === 'complaint' && p.source.id === id),
    refetchInterval: 4000,
  });
  const c = complaint.data;
  if (!c) return null;
  const steps = nextSteps(c.status, caller.role);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to="/aftersales">← {t('desk.aftersales')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('as.complaint')} <code>{c.id}</code>{' '}
        <StatusTag status={c.status} testId="complaint-status" />
        {c.specialCase && <Tag color="red">special case</Tag>}
      </Typography.Title>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={t('as.canteenId')}>{c.canteenId}</Descriptions.Item>
        <Descriptions.Item label={t('as.category')}>
          {t(`category.${c.category}`)} / {t(`cause.${c.cause}`, { defaultValue: c.cause })}
        </Descriptions.Item>
        <Descriptions.Item label={t('as.recordedAt')}>
          {formatShanghai(c.recordedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('as.description')} span={2}>
          {c.description}
        </Descriptions.Item>
        <Descriptions.Item label={t('as.request')}>{c.request ?? '—'}</Descriptions.Item>
        {c.responsible && (
          <Descriptions.Item label={t('as.department')} span={3}>
            {t(`department.${c.responsible.department}`)} · {c.responsible.staffId ?? '—'} ·{' '}
            {c.responsible.finding}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('as.timers')}>
        <ComplaintTimers timers={c.timers} />
      </Card>
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title={t('as.steps')}>
            <Timeline
              data-testid="complaint-steps"
              items={c.steps.map((s, i) => ({
                key: i,
                content: (
                  <span>
                    <b>{t(`stepName.${s.step}`, { defaultValue: s.step })}</b> · {s.actorId} (
                    {t(`role.${s.actorRole}`)}) · {formatShanghai(s.at)}
                    {s.note && ` — ${s.note}`}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={t('as.next')}>
            {steps.length ? (
              <Tabs
                key={c.status}
                items={steps.map((s) => ({
                  key: s.action,
                  label: t(`step.${s.action}`),
                  children: <StepForm complaintId={c.id} step={s} />,
                }))}
              />
            ) : (
              t('common.none')
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('as.penalties')}>
        <PenaltiesTable penalties={penalties.data ?? []} />
      </Card>
    </Space>
  );
}
