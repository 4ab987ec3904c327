import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../api/delivery';
import { StatusTag } from '../../components/StatusTag';
import { deliveryFlag } from '../../lib/delivery-flags';
import { countdown, formatShanghai } from '../../lib/time';
import { HandOverForm } from './HandOverForm';
import type { DriverStep } from './offline/outbox';
import { useOutboxContext } from './offline/use-outbox';

/** The button step after each status; the hand-over has its own form. */
const NEXT: Record<string, DriverStep | undefined> = {
  assigned: 'pickup',
  'picked-up': 'check-in',
  delivered: 'check-out',
};

/** Now, refreshed every `ms`: for the live countdowns. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** One delivery on the driver's phone, shown at its queued step, and the next thing to confirm. */
export function DriverDeliveryCard({ delivery, status }: { delivery: Delivery; status: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const outbox = useOutboxContext();
  const now = useNow(1000);
  const queued = outbox.items.filter((i) => i.deliveryId === delivery.id);
  const next = NEXT[status];
  const flag = deliveryFlag({ ...delivery, status });
  const left = countdown(delivery.deadline, now);
  const leftText = `${left.days ? `${left.days}d ` : ''}${left.hours}h ${left.minutes}m`;
  const serviceEndsAt = delivery.serviceEndsAt as string | undefined;
  const window = delivery.destination?.receivingWindow;

  function tap(step: DriverStep) {
    const send = () => outbox.enqueue({ deliveryId: delivery.id, step });
    // R-DEL-7: leaving before the service end is a fine; the driver confirms it knowingly.
    if (step === 'check-out' && (!serviceEndsAt || now.getTime() < Date.parse(serviceEndsAt))) {
      modal.confirm({
        title: t('driverApp.checkOut.earlyTitle'),
        content: serviceEndsAt
          ? t('driverApp.checkOut.early', { time: formatShanghai(serviceEndsAt) })
          : t('driverApp.checkOut.unknown'),
        okText: t('driverApp.checkOut.confirm'),
        okButtonProps: { danger: true, 'data-testid': 'confirm-early-check-out' },
        cancelText: t('driverApp.checkOut.cancel'),
        onOk: send,
      });
      return;
    }
    void send();
  }

  return (
    <Card
      size="small"
      data-testid={`my-delivery-${delivery.id}`}
      data-flag={flag}
      style={flag === 'at-risk' || flag === 'breached' ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Space size={4} wrap>
          <StatusTag status={status} testId="my-delivery-status" />
          {queued.length > 0 && (
            <Tag color="orange" data-testid="queued-tag">
              {t('driverApp.queued')}
            </Tag>
          )}
          {flag === 'at-risk' && (
            <Tag color="red" data-testid="flag-at-risk">
              {t('driverApp.atRisk')}
            </Tag>
          )}
          {flag === 'breached' && <Tag color="red">{t('driverApp.breached')}</Tag>}
        </Space>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('driverApp.deadline')}>
          <span>
            {formatShanghai(delivery.deadline)}{' '}
            <Typography.Text
              type={left.overdue ? 'danger' : undefined}
              strong
              data-testid="countdown"
            >
              {t(left.overdue ? 'driverApp.overdue' : 'driverApp.left', { time: leftText })}
            </Typography.Text>
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('driverApp.canteen')}>
          {delivery.destination?.name ?? delivery.canteenId}
        </Descriptions.Item>
        {delivery.destination?.contact && (
          <Descriptions.Item label={t('driverApp.contact')}>
            {delivery.destination.contact.name}{' '}
            <a href={`tel:${delivery.destination.contact.phone}`} data-testid="contact-phone">
              {delivery.destination.contact.phone}
            </a>
          </Descriptions.Item>
        )}
        {delivery.destination?.address && (
          <Descriptions.Item label={t('driverApp.address')}>
            {delivery.destination.address}
          </Descriptions.Item>
        )}
        {window && (
          <Descriptions.Item label={t('driverApp.receivingWindow')}>
            {window.from}–{window.to}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('driverApp.lines')}>
          {delivery.lines.map((l) => `${l.name} × ${l.quantity} ${l.unit}`).join('，')}
        </Descriptions.Item>
        {serviceEndsAt && (
          <Descriptions.Item label={t('driverApp.serviceEndsAt')}>
            {formatShanghai(serviceEndsAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {next && (
        <Button
          type="primary"
          block
          size="large"
          onClick={() => tap(next)}
          data-testid={`driver-${next}`}
        >
          {t(`driverApp.step.${next}`)}
        </Button>
      )}
      {status === 'arrived' && <HandOverForm delivery={delivery} />}
    </Card>
  );
}
