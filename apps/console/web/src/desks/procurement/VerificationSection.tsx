import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi, type Quote } from '../../api/procurement';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { formatShanghai } from '../../lib/time';
import { POLL_MS } from './use-week';
import { VerificationTable } from './VerificationTable';
import { StatusTag } from '../../components/StatusTag';

function QuoteVerification({ quote, accountant }: { quote: Quote; accountant: boolean }) {
  const { t } = useTranslation();
  const verify = useAction(() => procurementApi.verifyQuote(quote.week, quote.supplierId), {
    invalidate: [['quotes', quote.week]],
  });
  return (
    <Card
      size="small"
      data-testid={`quote-${quote.supplierId}`}
      title={
        <Space>
          {quote.supplierId}
          <StatusTag status={quote.status} />
          {quote.verification &&
            `${quote.verification.by} · ${formatShanghai(quote.verification.at)} · ±${quote.verification.tolerancePercent}%`}
        </Space>
      }
      extra={
        accountant && quote.status === 'submitted' ? (
          <Button
            type="primary"
            onClick={() => verify.run(undefined)}
            loading={verify.pending}
            data-testid="verify-quote"
          >
            {t('proc.verify')}
          </Button>
        ) : null
      }
    >
      {quote.verification ? (
        <VerificationTable quote={quote} canJustify={accountant && quote.status === 'verified'} />
      ) : null}
      <ActionError error={verify.error} />
    </Card>
  );
}

/** The cost accountant's verification table, one card per supplier's quote. */
export function VerificationSection({ week }: { week: string }) {
  const caller = useCaller();
  const quotes = useQuery({
    queryKey: ['quotes', week],
    queryFn: () => procurementApi.quotes(week),
    refetchInterval: POLL_MS,
  });
  if (!quotes.data?.length) return <Empty />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {quotes.data.map((q) => (
        <QuoteVerification
          key={q.supplierId}
          quote={q}
          accountant={caller.role === 'cost-accountant'}
        />
      ))}
    </Space>
  );
}
