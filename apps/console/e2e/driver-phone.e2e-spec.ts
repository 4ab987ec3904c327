/**
 * The driver's phone app (390 × 844, touch): a hand-over with a signature drawn on the screen and
 * a rejected line, online and then with the network gone between arrival and confirmation.
 *
 * Like the dispatch journey, orders' confirmation is played on the broker (the running services
 * use the real clock and no order can be priced for today from a real "now"); everything after
 * it — delivery, proof images, aftersales' exchange — is the real system.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { KafkaProbe } from '@app/common/testing';
import { aCanteen, api, eventually, STAFF, tokenFor } from './support/api';
import { DriverPhone } from './support/driver-phone';
import { journey, useBrowser } from './support/journey';
import { ROOT, systemInfo } from './support/system';

interface DeliveryView {
  id: string;
  status: string;
  deliveredAt?: string;
  sentLate?: boolean;
  leftEarly?: boolean;
  proof?: { receiverName: string; signatureRef?: string; photoRef?: string };
  acceptance?: {
    lineId: string;
    acceptedQuantity: number;
    rejectedQuantity: number;
    rejectionReason?: string;
  }[];
}
interface Remedy {
  id: string;
  type: string;
  originalOrderId: string;
  lines: { lineId?: string; quantity?: number; [k: string]: unknown }[];
}

const HOUR_MS = 3600_000;

describe("console: the driver's phone (browser)", () => {
  const { browser } = useBrowser();
  let canteenId: string;
  const probe = () => new KafkaProbe(systemInfo().namespace);

  /** An order confirmed for delivery in 3 h, assigned to `driverId`: its delivery id. */
  async function anAssignedDelivery(orderId: string, driverId: string): Promise<string> {
    const now = Date.now();
    await probe().publish(
      'orders.order.confirmed',
      orderId,
      {
        orderId,
        canteenId,
        placedAt: new Date(now).toISOString(),
        requestedTime: new Date(now + 3 * HOUR_MS).toISOString(),
        urgent: false,
        lines: [
          {
            lineId: 'L1',
            kind: 'ingredient',
            itemId: 'RICE',
            name: '大米',
            quantity: 5000,
            unit: 'g',
            unitPriceFen: 600,
          },
          {
            lineId: 'L2',
            kind: 'ingredient',
            itemId: 'EGG',
            name: '鸡蛋',
            quantity: 60,
            unit: '个',
            unitPriceFen: 80,
          },
        ],
        ingredientDemand: [
          { sku: 'RICE', quantity: 5000 },
          { sku: 'EGG', quantity: 60 },
        ],
        revision: 1,
        confirmedAt: new Date(now).toISOString(),
      },
      new Date(now),
    );
    const id = await eventually(async () => {
      const [d] = await api<{ id: string }[]>(
        STAFF.dispatcher,
        'delivery',
        'GET',
        `/deliveries?orderId=${orderId}`,
      );
      if (!d) throw new Error('no delivery yet');
      return d.id;
    });
    await api(STAFF.dispatcher, 'delivery', 'POST', `/deliveries/${id}/assignment`, { driverId });
    return id;
  }

  const delivery = (id: string) =>
    api<DeliveryView>(STAFF.dispatcher, 'delivery', 'GET', `/deliveries/${id}`);

  /** R-DEL-4: the rejected quantity's exchange or return, once aftersales has it. */
  const remediesOf = (orderId: string) =>
    eventually(async () => {
      const all = await api<Remedy[]>(
        STAFF.agent,
        'aftersales',
        'GET',
        `/remedies?canteenId=${canteenId}`,
      );
      const mine = all.filter((r) => r.originalOrderId === orderId);
      if (!mine.length) throw new Error(`no remedy for ${orderId} yet`);
      return mine;
    });

  async function completedEvents(id: string) {
    return (await probe().events('delivery.delivery.events')).filter(
      (e) => e.subject === id && e.type === 'delivery.delivery.completed',
    );
  }

  beforeAll(async () => {
    canteenId = await aCanteen('第三营业点');
    for (const [driverId, name] of [
      ['driver-wang', '王师傅'],
      ['driver-zhao', '赵师傅'],
    ]) {
      await api(STAFF.dispatcher, 'delivery', 'POST', '/drivers', {
        driverId,
        name,
        phone: '13900000002',
        vehicle: '沪B·54321 冷藏车',
      });
    }
  });

  journey(
    'R-DEL-3, R-DEL-4, R-DEL-7: on the phone a driver picks up, arrives, has one line rejected, the receiver signs on the screen and a photo is taken; both are proof images, the rejection opens an exchange, leaving early is warned',
    async () => {
      const orderId = `ord-${randomUUID()}`;
      const id = await anAssignedDelivery(orderId, 'driver-wang');
      const phone = await DriverPhone.signIn(browser(), 'driver-phone', 'driver-wang');
      await phone.card(id).waitFor();
      await phone.screenshot('assigned');
      await phone.pickUp(id);
      await phone.checkIn(id);
      await phone.expectWaiting(0);

      await phone.count(id, [{ lineId: 'L2', rejected: 6, reason: '破损' }]);
      await phone.receiver(id, '李师傅');
      await phone.sign(id);
      await phone.attachPhoto(id, resolve(ROOT, 'apps/console/web/public/icon-512.png'));
      await phone.screenshot('signed');
      await phone.confirmHandOver(id);
      await phone.expectWaiting(0);

      const delivered = await eventually(async () => {
        const d = await delivery(id);
        if (d.status !== 'delivered') throw new Error(d.status);
        return d;
      });
      expect(delivered.proof).toMatchObject({ receiverName: '李师傅' });
      expect(delivered.proof?.signatureRef).toMatch(/^proof-image:/);
      expect(delivered.acceptance).toEqual([
        { lineId: 'L1', acceptedQuantity: 5000, rejectedQuantity: 0 },
        { lineId: 'L2', acceptedQuantity: 54, rejectedQuantity: 6, rejectionReason: 'damaged' },
      ]);
      expect(delivered.proof?.photoRef).toMatch(/^proof-image:/);
      // the dispatcher sees the drawn signature (a PNG) and the photo (re-encoded as a JPEG)
      for (const [ref, type] of [
        [delivered.proof!.signatureRef!, 'image/png'],
        [delivered.proof!.photoRef!, 'image/jpeg'],
      ]) {
        const image = await fetch(
          `${systemInfo().consoleUrl}/api/delivery/deliveries/${id}/proof-images/${ref.slice('proof-image:'.length)}`,
          { headers: { authorization: `Bearer ${await tokenFor(STAFF.dispatcher)}` } },
        );
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe(type);
        expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(500);
      }

      const [remedy, ...others] = await remediesOf(orderId);
      expect(others).toEqual([]);
      expect(['exchange', 'return']).toContain(remedy.type);

      // R-DEL-7: the service end (the receiving window's end) is hours away
      const warning = await phone.leaveEarly(id);
      expect(warning).toContain('20 元');
      await phone.expectWaiting(0);
      const departed = await eventually(async () => {
        const d = await delivery(id);
        if (d.status !== 'departed') throw new Error(d.status);
        return d;
      });
      expect(departed.leftEarly).toBe(true);
      await phone.screenshot('departed');
      await phone.close();
    },
  );

  journey(
    'R-DEL-3, R-DEL-4: the network goes after arrival; the app reloads offline from its service worker, the hand-over waits on the phone and arrives exactly once, at the time it was recorded, when the network is back',
    async () => {
      const orderId = `ord-${randomUUID()}`;
      const id = await anAssignedDelivery(orderId, 'driver-zhao');
      const phone = await DriverPhone.signIn(browser(), 'driver-phone-offline', 'driver-zhao');
      await phone.pickUp(id);
      await phone.checkIn(id);
      await phone.expectWaiting(0);
      await eventually(async () => expect((await delivery(id)).status).toBe('arrived'));
      await phone.serviceWorkerReady();

      await phone.setOffline(true);
      await phone.page.reload(); // served by the service worker; the list from IndexedDB
      await phone.page.getByTestId('offline').waitFor();
      await phone.expectStatus(id, '已到达');
      await phone.count(id, [{ lineId: 'L1', rejected: 500, reason: '数量不足' }]);
      await phone.receiver(id, '周师傅');
      await phone.sign(id);
      const tappedFrom = Date.now();
      await phone.confirmHandOver(id);
      const tappedTo = Date.now();
      await phone.expectWaiting(1);
      expect(await phone.page.getByTestId('outbox-count').innerText()).toContain('1 项操作待发送');
      await expectQueuedTag(phone, id);
      await phone.screenshot('waiting-offline');
      expect((await delivery(id)).status).toBe('arrived'); // nothing reached the service

      await phone.setOffline(false);
      await phone.expectWaiting(0);
      const delivered = await eventually(async () => {
        const d = await delivery(id);
        if (d.status !== 'delivered') throw new Error(d.status);
        return d;
      });
      // recorded when the driver tapped, sent within 5 min of it: on time, not flagged late
      const recordedAt = Date.parse(delivered.deliveredAt!);
      expect(recordedAt).toBeGreaterThanOrEqual(tappedFrom - 1000);
      expect(recordedAt).toBeLessThanOrEqual(tappedTo);
      expect(delivered.sentLate).toBeUndefined();
      expect(delivered.proof?.signatureRef).toMatch(/^proof-image:/);
      expect(delivered.acceptance?.[0]).toEqual({
        lineId: 'L1',
        acceptedQuantity: 4500,
        rejectedQuantity: 500,
        rejectionReason: 'short',
      });
      await phone.screenshot('sent');

      // exactly once: one completion on the broker, one exchange/return in aftersales
      const remedies = await remediesOf(orderId);
      expect(remedies).toHaveLength(1);
      const completed = await eventually(async () => {
        const events = await completedEvents(id);
        if (!events.length) throw new Error('no completion yet');
        return events;
      });
      expect(completed).toHaveLength(1);
      expect(completed[0].data).toMatchObject({ deliveredAt: delivered.deliveredAt });
      await phone.close();
    },
  );
});

async function expectQueuedTag(phone: DriverPhone, id: string): Promise<void> {
  await phone.card(id).getByTestId('queued-tag').waitFor();
}
