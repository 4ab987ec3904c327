import { useQuery } from '@tanstack/react-query';
import { Statistic, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { countdown, formatShanghai } from '../../lib/time';
import { POLL_MS } from './use-week';

/** R-PROC-3: the quote deadline (Saturday 00:00 Shanghai) and the time left. */
export function DeadlineCountdown({ week }: { week: string }) {
  const { t } = useTranslation();
  const round = useQuery({
    queryKey: ['round', week],
    queryFn: () => procurementApi.round(week),
    refetchInterval: POLL_MS,
  });
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!round.data) return null;
  const left = countdown(round.data.deadline, now);
  return (
    <Statistic
      data-testid="quote-deadline"
      title={`${t('proc.deadline')} ${formatShanghai(round.data.deadline)}`}
      value={
        left.overdue
          ? t('proc.overdue')
          : `${left.days}d ${left.hours}h ${left.minutes}m ${t('proc.remaining')}`
      }
      suffix={round.data.open ? <Tag color="green">open</Tag> : <Tag color="red">closed</Tag>}
    />
  );
}
