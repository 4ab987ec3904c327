import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/types';
import { formatShanghai } from '../lib/time';

/** Every state's history: what happened, who, when. */
export function HistoryList({ entries }: { entries: HistoryEntry[] | undefined }) {
  const { t } = useTranslation();
  // 'justified RICE' → the status word, then what it is about
  const label = (action: string) => {
    const [word, ...rest] = action.split(' ');
    return [t(`status.${word}`, { defaultValue: word }), ...rest].join(' ');
  };
  if (!entries?.length)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Timeline
      data-testid="history"
      items={entries.map((e, i) => ({
        key: i,
        content: (
          <span>
            <b>{label(e.action ?? e.step ?? e.to ?? '')}</b> · {e.by ?? e.actorId}
            {(e.role ?? e.actorRole) && ` (${t(`role.${e.role ?? e.actorRole}`)})`} ·{' '}
            {formatShanghai(e.at)}
            {(e.note ?? e.reason) && ` — ${e.note ?? e.reason}`}
          </span>
        ),
      }))}
    />
  );
}
