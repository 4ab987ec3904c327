import { Card, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ReceiptForm } from './ReceiptForm';
import { ReceiptSigning } from './ReceiptSigning';

/**
 * Goods receipt: record what arrived, then two signatures. The services list no receipts awaiting
 * signatures, so the second signer opens the receipt by its id (the link carries it: `?receipt=`).
 */
export function ReceiptSection() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const receiptId = params.get('receipt') ?? '';
  const show = (id: string) =>
    setParams((p) => {
      p.set('receipt', id);
      return p;
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('proc.record')}>
        <ReceiptForm onRecorded={(r) => show(r.id)} />
      </Card>
      <Card size="small" title={t('proc.sign')}>
        <Input.Search
          data-testid="receipt-lookup"
          defaultValue={receiptId}
          key={receiptId}
          placeholder="receipt id"
          enterButton
          onSearch={(v) => show(v.trim())}
          style={{ maxWidth: 480, marginBottom: 12 }}
        />
        {receiptId && <ReceiptSigning receiptId={receiptId} />}
      </Card>
    </Space>
  );
}
