import { Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementApi, type Quote } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { formatYuan } from '../../lib/money';
import { medianForUnit } from '../../lib/stock';

/** R-PROC-4: survey median, quoted price, deviation %, flagged above tolerance, justification. */
export function VerificationTable({ quote, canJustify }: { quote: Quote; canJustify: boolean }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const justify = useAction(
    ({ sku, text }: { sku: string; text: string }) =>
      procurementApi.justify(quote.week, quote.supplierId, sku, text),
    { invalidate: [['quotes', quote.week]] },
  );
  const rows = (quote.verification?.lines ?? []).map((v) => {
    const line = quote.lines.find((l) => l.sku === v.sku);
    return { ...v, line };
  });
  return (
    <>
      <Table
        size="small"
        rowKey="sku"
        pagination={false}
        dataSource={rows}
        data-testid={`verification-${quote.supplierId}`}
        columns={[
          { title: t('proc.sku'), dataIndex: 'sku' },
          {
            title: t('proc.median'),
            render: (_, r) =>
              r.line
                ? formatYuan(medianForUnit(r.medianPerBaseUnit, r.line.priceUnitQuantity))
                : '—',
          },
          {
            title: t('proc.quoted'),
            render: (_, r) =>
              r.line ? `${formatYuan(r.line.price)}/${r.line.priceUnitQuantity}` : '—',
          },
          {
            title: t('proc.deviation'),
            render: (_, r) =>
              r.deviationPercent === undefined
                ? '—'
                : `${r.deviationPercent > 0 ? '+' : ''}${r.deviationPercent}%`,
          },
          {
            title: t('proc.flagged'),
            render: (_, r) =>
              r.flagged ? <Tag color="red">{t('proc.flagged')}</Tag> : <Tag color="green">OK</Tag>,
          },
          {
            title: t('proc.justification'),
            render: (_, r) =>
              r.justification ??
              (r.flagged && canJustify ? (
                <Space.Compact>
                  <Input
                    aria-label={`${t('proc.justification')} ${r.sku}`}
                    value={drafts[r.sku] ?? ''}
                    onChange={(e) => setDrafts({ ...drafts, [r.sku]: e.target.value })}
                  />
                  <Button onClick={() => justify.run({ sku: r.sku, text: drafts[r.sku] ?? '' })}>
                    {t('proc.justify')}
                  </Button>
                </Space.Compact>
              ) : (
                '—'
              )),
          },
        ]}
      />
      <ActionError error={justify.error} />
    </>
  );
}
