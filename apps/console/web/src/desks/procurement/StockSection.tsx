import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { expiryWarning, issueOrder } from '../../lib/stock';
import { formatShanghai } from '../../lib/time';
import { POLL_MS } from './use-week';
import { WriteOffLot } from './WriteOffLot';
import { useCaller } from '../../auth/session-context';
import { StatusTag } from '../../components/StatusTag';

/** R-INV-1/2: stock by lot in issue order (FIFO, or FEFO per ingredient), expiry and quarantine. */
export function StockSection() {
  const { t } = useTranslation();
  const caller = useCaller();
  const [sku, setSku] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const lots = useQuery({
    queryKey: ['lots', sku, status],
    queryFn: () => procurementApi.lots({ sku: sku || undefined, status }),
    refetchInterval: POLL_MS,
  });
  const ingredients = useQuery({ queryKey: ['ingredients'], queryFn: procurementApi.ingredients });
  const fefo = new Set(
    (ingredients.data ?? []).filter((i) => i.removalStrategy === 'fefo').map((i) => i.sku),
  );
  const now = new Date();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Input.Search
          placeholder={t('proc.sku')}
          allowClear
          onSearch={(v) => setSku(v.trim())}
          data-testid="stock-sku"
        />
        <Select
          allowClear
          placeholder={t('common.status')}
          style={{ width: 160 }}
          onChange={(v?: string) => setStatus(v)}
          options={['available', 'quarantined', 'written-off'].map((s) => ({ value: s, label: s }))}
        />
      </Space>
      <Table
        size="small"
        rowKey="lotId"
        data-testid="lots"
        dataSource={issueOrder(lots.data ?? [], fefo)}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('proc.sku'), dataIndex: 'sku' },
          {
            title: '#',
            dataIndex: 'place',
            render: (p: number, l) => (p ? `${p} (${fefo.has(l.sku) ? 'FEFO' : 'FIFO'})` : '—'),
          },
          { title: t('proc.lot'), dataIndex: 'lotId', render: (v: string) => <code>{v}</code> },
          { title: t('proc.onHand'), dataIndex: 'onHand' },
          { title: t('proc.available'), dataIndex: 'available' },
          {
            title: t('proc.received'),
            dataIndex: 'receivedAt',
            render: (v: string) => formatShanghai(v),
          },
          {
            title: t('proc.expires'),
            dataIndex: 'expiresAt',
            render: (v: string, l) => {
              const w = expiryWarning(v, now);
              return (
                <Space>
                  {formatShanghai(v)}
                  {l.status === 'quarantined' && <Tag color="red">{t('proc.quarantined')}</Tag>}
                  {l.status !== 'quarantined' && w !== 'ok' && (
                    <Tag color="orange">{t('proc.expiring')}</Tag>
                  )}
                </Space>
              );
            },
          },
          { title: 'PO', dataIndex: 'purchaseOrderId' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          {
            title: t('common.actions'),
            render: (_, l) =>
              caller.role === 'warehouse' &&
              l.status !== 'written-off' &&
              (l.status === 'quarantined' || expiryWarning(l.expiresAt, now) === 'expired') ? (
                <WriteOffLot lot={l} />
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
