import { useQuery } from '@tanstack/react-query';
import { Card, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryApi } from '../../api/delivery';
import { useCaller } from '../../auth/session-context';
import { deliveryFlag, ratePercent } from '../../lib/delivery-flags';
import { addDays, shanghaiDate } from '../../lib/time';
import { DeliveriesTable } from './DeliveriesTable';
import { DriverForm } from './DriverForm';

const OnTimeCharts = lazy(() => import('./OnTimeCharts'));
const POLL_MS = 3000;

/** Today's and tomorrow's deliveries by deadline; at-risk and breached show up by themselves. */
export default function DispatchBoard() {
  const { t } = useTranslation();
  const caller = useCaller();
  const today = shanghaiDate(new Date());
  const deliveries = useQuery({
    queryKey: ['deliveries', today],
    queryFn: () => deliveryApi.deliveries({ from: today, to: addDays(today, 1) }),
    refetchInterval: POLL_MS,
  });
  const drivers = useQuery({
    queryKey: ['drivers'],
    queryFn: deliveryApi.drivers,
    refetchInterval: 30_000,
  });
  const report = useQuery({
    queryKey: ['on-time', today],
    queryFn: () => deliveryApi.onTime(addDays(today, -13), today),
    refetchInterval: 30_000,
  });
  const list = deliveries.data ?? [];
  const count = (flag: string) => list.filter((d) => deliveryFlag(d) === flag).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dispatch.board')}
      </Typography.Title>
      <Space size="large">
        <Statistic
          title={t('dispatch.atRisk')}
          value={count('at-risk')}
          styles={{ content: { color: '#fa8c16' } }}
        />
        <Statistic
          title={t('dispatch.breached')}
          value={count('breached')}
          styles={{ content: { color: '#f5222d' } }}
        />
        <Statistic
          title={t('dispatch.onTime')}
          value={ratePercent(report.data?.total.onTimeRate ?? null) ?? '—'}
          suffix={report.data?.total.onTimeRate == null ? '' : '%'}
        />
      </Space>
      <DeliveriesTable deliveries={list} drivers={drivers.data ?? []} />
      {caller.role === 'dispatcher' && (
        <Card size="small" title={t('dispatch.registerDriver')}>
          <DriverForm />
        </Card>
      )}
      {report.data && (
        <Suspense fallback={null}>
          <OnTimeCharts report={report.data} />
        </Suspense>
      )}
    </Space>
  );
}
