/// <reference types="vite-plugin-pwa/client" />
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryApi, type Delivery } from '../../api/delivery';
import { useCaller } from '../../auth/session-context';
import { byDeadline } from '../../lib/delivery-flags';
import { addDays, shanghaiDate } from '../../lib/time';
import { DriverDeliveryCard } from './DriverDeliveryCard';
import { optimisticStatus } from './offline/outbox';
import { cacheDeliveries, cachedDeliveries } from './offline/outbox-db';
import { OutboxContext, useOutbox } from './offline/use-outbox';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The service worker makes /driver open without a network (vite-plugin-pwa, generateSW). */
function useServiceWorker(): void {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  }, []);
}

/**
 * The driver's phone: their deliveries for today and tomorrow, next due first, each at its
 * queued step; the steps wait in an outbox until the phone is online. The last list the service
 * answered is kept in IndexedDB, so a reload without network still shows it.
 */
export default function DriverDesk() {
  const { t } = useTranslation();
  const caller = useCaller();
  const driverId = caller.driverId ?? caller.sub;
  const outbox = useOutbox();
  const online = useOnline();
  useServiceWorker();
  const [fromCache, setFromCache] = useState(false);
  const today = shanghaiDate(new Date());
  const deliveries = useQuery({
    queryKey: ['my-deliveries', driverId, today],
    networkMode: 'always',
    refetchInterval: 5000,
    queryFn: async (): Promise<Delivery[]> => {
      if (navigator.onLine) {
        try {
          const list = await deliveryApi.deliveries({ from: today, to: addDays(today, 1) });
          await cacheDeliveries(driverId, list);
          setFromCache(false);
          return list;
        } catch (e) {
          if (!(e instanceof TypeError)) throw e; // a refusal is shown, not hidden by the cache
        }
      }
      setFromCache(true);
      return (await cachedDeliveries(driverId)) ?? [];
    },
  });
  const queuedIds = new Set(outbox.items.map((i) => i.deliveryId));
  const shown = byDeadline(
    (deliveries.data ?? [])
      .map((d) => ({ ...d, status: optimisticStatus(d, outbox.items) }))
      .filter((d) => queuedIds.has(d.id) || (d.status !== 'departed' && d.status !== 'cancelled')),
  );
  const waiting = outbox.items.length;

  return (
    <OutboxContext.Provider value={outbox}>
      <Space orientation="vertical" style={{ width: '100%', maxWidth: 720 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('driverApp.mine')}
        </Typography.Title>
        {!online && (
          <Alert type="warning" showIcon title={t('driverApp.offline')} data-testid="offline" />
        )}
        {fromCache && online === false && (
          <Typography.Text type="secondary">{t('driverApp.cachedAt')}</Typography.Text>
        )}
        <div data-testid="outbox" data-count={waiting}>
          {waiting > 0 ? (
            <Alert
              type="info"
              showIcon
              title={
                <Space wrap>
                  <span data-testid="outbox-count">
                    {t('driverApp.waiting', { count: waiting })}
                  </span>
                  {online && (
                    <Button size="small" loading={outbox.draining} onClick={outbox.drainNow}>
                      {t('driverApp.sendNow')}
                    </Button>
                  )}
                </Space>
              }
              description={
                <List
                  size="small"
                  dataSource={outbox.items}
                  renderItem={(i) => (
                    <List.Item key={i.key} data-testid="outbox-item">
                      <Space wrap size={4}>
                        <Tag>{t(`driverApp.step.${i.step}`)}</Tag>
                        <Typography.Text type="secondary">
                          {i.deliveryId.slice(0, 8)} · {new Date(i.recordedAt).toLocaleTimeString()}
                        </Typography.Text>
                        {i.attempts > 0 && (
                          <Typography.Text type="secondary">
                            {t('driverApp.attempts', { count: i.attempts })}
                          </Typography.Text>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              }
            />
          ) : (
            <Typography.Text type="secondary" data-testid="outbox-count">
              {t('driverApp.waitingNone')}
            </Typography.Text>
          )}
        </div>
        {outbox.refusals.map((r) => (
          <Alert
            key={r.key}
            type="error"
            showIcon
            closable={{ onClose: () => outbox.dismiss(r.key) }}
            data-testid="action-error"
            title={
              <span>
                {t('driverApp.refused', { step: t(`driverApp.step.${r.step}`) })} ·{' '}
                <code>{r.code}</code>
              </span>
            }
            description={r.message}
          />
        ))}
        {shown.length ? (
          shown.map((d) => <DriverDeliveryCard key={d.id} delivery={d} status={d.status} />)
        ) : (
          <Empty description={t('driverApp.done')} />
        )}
      </Space>
    </OutboxContext.Provider>
  );
}
