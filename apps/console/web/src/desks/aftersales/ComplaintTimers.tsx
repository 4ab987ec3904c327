import { Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timer } from '../../api/aftersales';
import { countdown, formatShanghai } from '../../lib/time';

/** R-AS-4: each response time with a live countdown; met, escalated or running. */
export function ComplaintTimers({ timers }: { timers: Record<string, Timer> }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(tick);
  }, []);
  return (
    <Space wrap data-testid="complaint-timers">
      {Object.entries(timers).map(([key, timer]) => {
        const kind = t(`timer.${key}`, { defaultValue: key });
        if (timer.metAt)
          return (
            <Tag key={key} color="green">
              {kind} ✓ {formatShanghai(timer.metAt)}
            </Tag>
          );
        if (!timer.dueAt) return <Tag key={key}>{kind}</Tag>;
        const left = countdown(timer.dueAt, now);
        return (
          <Tag key={key} color={left.overdue || timer.escalatedAt ? 'red' : 'orange'}>
            {kind} {formatShanghai(timer.dueAt)} ({left.overdue ? '-' : ''}
            {left.days ? `${left.days}d ` : ''}
            {left.hours}h{left.minutes}m)
          </Tag>
        );
      })}
    </Space>
  );
}
