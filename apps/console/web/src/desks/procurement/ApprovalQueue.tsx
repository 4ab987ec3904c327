import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementApi, type Quote } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { POLL_MS } from './use-week';
import { VerificationTable } from './VerificationTable';

function ApprovalCard({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const invalidate = [
    ['quotes', quote.week],
    ['round', quote.week],
  ];
  const approve = useAction(() => procurementApi.approveQuote(quote.week, quote.supplierId), {
    invalidate,
  });
  const reject = useAction(() => procurementApi.rejectQuote(quote.week, quote.supplierId, reason), {
    invalidate,
  });
  return (
    <Card size="small" title={quote.supplierId} data-testid={`approval-${quote.supplierId}`}>
      <VerificationTable quote={quote} canJustify={false} />
      <Space style={{ marginTop: 8 }}>
        <Button
          type="primary"
          onClick={() => approve.run(undefined)}
          loading={approve.pending}
          data-testid="approve-quote"
        >
          {t('common.approve')}
        </Button>
        <Input
          placeholder={t('common.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button danger onClick={() => reject.run(undefined)} loading={reject.pending}>
          {t('common.reject')}
        </Button>
      </Space>
      <ActionError error={approve.error} />
      <ActionError error={reject.error} />
    </Card>
  );
}

/** R-PROC-4: the ops-manager's queue of verified quotes. */
export function ApprovalQueue({ week }: { week: string }) {
  const quotes = useQuery({
    queryKey: ['quotes', week],
    queryFn: () => procurementApi.quotes(week),
    refetchInterval: POLL_MS,
  });
  const queue = (quotes.data ?? []).filter((q) => q.status === 'verified');
  if (!queue.length) return <Empty data-testid="approval-queue-empty" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {queue.map((q) => (
        <ApprovalCard key={q.supplierId} quote={q} />
      ))}
    </Space>
  );
}
