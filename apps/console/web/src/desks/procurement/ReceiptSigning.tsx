import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { HistoryList } from '../../components/HistoryList';
import { useAction } from '../../components/use-action';
import { formatShanghai } from '../../lib/time';
import { POLL_MS } from './use-week';
import { StatusTag } from '../../components/StatusTag';

/** R-PROC-7: the chef's and the warehouse keeper's signatures, each signed in separately. */
export function ReceiptSigning({ receiptId }: { receiptId: string }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const receipt = useQuery({
    queryKey: ['receipt', receiptId],
    queryFn: () => procurementApi.receipt(receiptId),
    refetchInterval: POLL_MS,
  });
  const sign = useAction(() => procurementApi.signReceipt(receiptId), {
    invalidate: [['receipt', receiptId], ['purchase-orders'], ['lots']],
  });
  const r = receipt.data;
  if (!r) return <ActionError error={receipt.error ? { error: receipt.error as never } : null} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="ID">
          <code data-testid="receipt-id">{r.id}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <StatusTag status={r.status} testId="receipt-status" />
        </Descriptions.Item>
        {(['chef', 'warehouse'] as const).map((role) => (
          <Descriptions.Item key={role} label={`${t('proc.signatures')} · ${t(`role.${role}`)}`}>
            {r.signatures[role]
              ? `${r.signatures[role].by} · ${formatShanghai(r.signatures[role].at)}`
              : '—'}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {r.status !== 'effective' && (caller.role === 'chef' || caller.role === 'warehouse') && (
        <Button
          type="primary"
          onClick={() => sign.run(undefined)}
          loading={sign.pending}
          data-testid="sign-receipt"
        >
          {t('proc.sign')}
        </Button>
      )}
      <ActionError error={sign.error} />
      <HistoryList entries={r.history} />
    </Space>
  );
}
