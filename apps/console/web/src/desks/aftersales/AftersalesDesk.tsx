import { useQuery } from '@tanstack/react-query';
import { Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { aftersalesApi } from '../../api/aftersales';
import { ComplaintsTable } from './ComplaintsTable';
import { DueListCard } from './DueListCard';
import { EscalationNoticesCard } from './EscalationNoticesCard';
import { FollowUpsPanel } from './FollowUpsPanel';
import { PenaltiesTable } from './PenaltiesTable';
import { RecordComplaintForm } from './RecordComplaintForm';
import { RemediesPanel } from './RemediesPanel';
import { VisitPlansPanel } from './VisitPlansPanel';

function PenaltiesPanel() {
  const penalties = useQuery({
    queryKey: ['penalties'],
    queryFn: () => aftersalesApi.penalties(),
    refetchInterval: 5000,
  });
  return <PenaltiesTable penalties={penalties.data ?? []} />;
}

/** The aftersales team's desk: the day's due list first, then the complaints and the rest. */
export default function AftersalesDesk() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('desk.aftersales')}
      </Typography.Title>
      <DueListCard />
      <EscalationNoticesCard />
      <Tabs
        items={[
          { key: 'complaints', label: t('as.complaints'), children: <ComplaintsTable /> },
          {
            key: 'record',
            label: t('as.record'),
            children: (
              <Card size="small">
                <RecordComplaintForm />
              </Card>
            ),
          },
          { key: 'penalties', label: t('as.penalties'), children: <PenaltiesPanel /> },
          { key: 'remedies', label: t('as.remedies'), children: <RemediesPanel /> },
          { key: 'follow-ups', label: t('as.followUps'), children: <FollowUpsPanel /> },
          { key: 'visit-plans', label: t('as.visitPlans'), children: <VisitPlansPanel /> },
        ]}
      />
    </Space>
  );
}
