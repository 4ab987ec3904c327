import { Descriptions, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalDelivery } from '../../api/portal';
import { ProofImages } from '../../components/ProofImages';
import { formatShanghai } from '../../lib/time';

const STEPS = ['scheduled', 'assigned', 'picked-up', 'arrived', 'delivered', 'departed'] as const;

function stepTime(d: PortalDelivery, step: (typeof STEPS)[number]): string | undefined {
  return {
    scheduled: undefined,
    assigned: undefined,
    'picked-up': d.pickedUpAt,
    arrived: d.arrivedAt,
    delivered: d.deliveredAt,
    departed: d.departedAt,
  }[step];
}

/** Where the van is (R-DEL-3), the deadline (R-DEL-1), and the proof once delivered. */
export function DeliveryDetails({ delivery: d }: { delivery: PortalDelivery }) {
  const { t } = useTranslation();
  const current = STEPS.indexOf(d.status as (typeof STEPS)[number]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="delivery-details">
      {current >= 0 ? (
        <Steps
          size="small"
          current={current}
          status={d.status === 'departed' ? 'finish' : 'process'}
          items={STEPS.map((s) => ({
            title: t(`portal.step.${s}`),
            description: stepTime(d, s) ? formatShanghai(stepTime(d, s)) : undefined,
          }))}
        />
      ) : (
        <Typography.Text>{t(`status.${d.status}`, { defaultValue: d.status })}</Typography.Text>
      )}
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('portal.orders.deadline')}>
          <span data-testid="delivery-deadline">{formatShanghai(d.deadline)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.orders.driver')}>{d.driverId ?? '—'}</Descriptions.Item>
        {d.proof && (
          <>
            <Descriptions.Item label={t('portal.orders.receiver')}>
              <span data-testid="proof-receiver">{d.proof.receiverName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.orders.receivedAt')}>
              {formatShanghai(d.proof.receivedAt)}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {d.acceptance?.length ? (
        <Typography.Text>
          {d.acceptance
            .map((a) => {
              const line = d.lines.find((l) => l.lineId === a.lineId);
              const rejected = a.rejectedQuantity
                ? `，${t('portal.orders.rejected')} ${a.rejectedQuantity}${a.rejectionReason ? `（${a.rejectionReason}）` : ''}`
                : '';
              return `${line?.name ?? a.lineId}：${t('portal.orders.accepted')} ${a.acceptedQuantity}${rejected}`;
            })
            .join('；')}
        </Typography.Text>
      ) : null}
      {d.proof && (
        <>
          <Typography.Text strong>{t('portal.orders.proof')}</Typography.Text>
          <ProofImages deliveryId={d.id} />
        </>
      )}
    </Space>
  );
}
