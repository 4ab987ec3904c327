import { Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Timer } from '../../api/aftersales';
import { countdown, formatShanghai } from '../../lib/time';

/** R-AS-4: each response time with a live countdown; met, escalated or running. */
export function ComplaintTimers({ timers }: { timers: Record<string, Timer> }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(tick);
  }, []);
  return (
    <Space wrap data-testid="complaint-timers">
      {Object.entries(timers).map(([kind, timer]) => {
        if (timer.metAt)
          return (
            <Tag key={kind} color="green">
              {kind} ✓ {formatShanghai(timer.metAt)}
            </Tag>
          );
        if (!timer.dueAt) return <Tag key={kind}>{kind}</Tag>;
        const left = countdown(timer.dueAt, now);
        return (
          <Tag key={kind} color={left.overdue || timer.escalatedAt ? 'red' : 'orange'}>
            {kind} {formatShanghai(timer.dueAt)} ({left.overdue ? '-' : ''}
            {left.days ? `${left.days}d ` : ''}
            {left.hours}h{left.minutes}m)
          </Tag>
        );
      })}
    </Space>
  );
}
