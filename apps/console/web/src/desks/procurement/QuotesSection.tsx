import { useQuery } from '@tanstack/react-query';
import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { useCaller } from '../../auth/session-context';
import { DeadlineCountdown } from './DeadlineCountdown';
import { QuoteForm } from './QuoteForm';
import { QuotesTable } from './QuotesTable';
import { ReopenRound } from './ReopenRound';
import { POLL_MS } from './use-week';

/** Quotes received for the week, with the deadline; a supplier quotes here. */
export function QuotesSection({ week }: { week: string }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const quotes = useQuery({
    queryKey: ['quotes', week],
    queryFn: () => procurementApi.quotes(week),
    refetchInterval: POLL_MS,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <DeadlineCountdown week={week} />
      {caller.role === 'ops-manager' && <ReopenRound week={week} />}
      {caller.role === 'supplier' && caller.supplierId && (
        <Card size="small" title={t('proc.submitQuote')}>
          <QuoteForm week={week} supplierId={caller.supplierId} />
        </Card>
      )}
      <QuotesTable quotes={quotes.data ?? []} />
    </Space>
  );
}
