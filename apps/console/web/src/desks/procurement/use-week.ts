import { useSearchParams } from 'react-router';
import { nextWeek } from '../../lib/time';

/** The round's week: `?week=2026-W50`, default next week (Shanghai). */
export function useWeek(): [string, (week: string) => void] {
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? nextWeek(new Date());
  return [
    week,
    (next) =>
      setParams((p) => {
        p.set('week', next);
        return p;
      }),
  ];
}

export const POLL_MS = 4000;
