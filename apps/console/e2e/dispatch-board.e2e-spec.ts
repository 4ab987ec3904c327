/**
 * The dispatch board: a delivery due in a little over two hours is on the board, turns at risk by
 * itself when the delivery service's timer finds it inside the 2 h lead time, and the dispatcher
 * assigns a driver.
 *
 * The running services have no test clock, and the orders service cannot price an order due two
 * hours from a real "now" (this week's menu closed last Friday). So orders' confirmation is played
 * on the broker, as the services' own integration specs do; everything after it is the real system.
 */
import { randomUUID } from 'node:crypto';
import { KafkaProbe } from '@app/common/testing';
import { aCanteen, api, eventually, STAFF } from './support/api';
import { ConsolePage } from './support/console-page';
import { DriverPhone } from './support/driver-phone';
import { expectText } from './support/expect-text';
import { journey, useBrowser } from './support/journey';
import { systemInfo } from './support/system';

const LEAD_MS = 120 * 60_000; // AT_RISK_LEAD_MINUTES default
const MARGIN_MS = 55_000; // time the board shows the delivery before it is at risk (event travel included)

describe('console: dispatch board (browser)', () => {
  const { browser } = useBrowser();
  let deliveryId: string;
  const orderId = `ord-${randomUUID()}`;

  beforeAll(async () => {
    const canteenId = await aCanteen('第二营业点');
    await api(STAFF.dispatcher, 'delivery', 'POST', '/drivers', {
      driverId: 'driver-zhang',
      name: '张师傅',
      phone: '13900000001',
      vehicle: '沪A·12345 冷藏车',
    });
    const now = Date.now();
    await new KafkaProbe(systemInfo().namespace).publish(
      'orders.order.confirmed',
      orderId,
      {
        orderId,
        canteenId,
        placedAt: new Date(now).toISOString(),
        requestedTime: new Date(now + LEAD_MS + MARGIN_MS).toISOString(),
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
        ],
        ingredientDemand: [{ sku: 'RICE', quantity: 5000 }],
        revision: 1,
        confirmedAt: new Date(now).toISOString(),
      },
      new Date(now),
    );
    deliveryId = await eventually(async () => {
      const [d] = await api<{ id: string }[]>(
        STAFF.dispatcher,
        'delivery',
        'GET',
        `/deliveries?orderId=${orderId}`,
      );
      if (!d) throw new Error('no delivery yet');
      return d.id;
    });
  });

  journey(
    'R-DEL-5, R-DEL-3, R-DEL-8: a dispatcher sees a delivery turn at risk by itself and assigns a driver, who confirms pickup, arrival and hand-over; on-time charts',
    async () => {
      const dispatcher = await ConsolePage.signIn(browser(), 'dispatch', STAFF.dispatcher);
      await dispatcher.goto('/dispatch');
      const row = dispatcher.page.locator(`tr[data-row-key="${deliveryId}"]`);
      await expectText(row, orderId);
      expect(await row.getAttribute('data-flag')).toBe('open');
      await dispatcher.screenshot('scheduled');

      // R-DEL-5: nobody presses refresh; the board polls and the service's timer decides
      await row.getByTestId('flag-at-risk').waitFor({ timeout: MARGIN_MS + 60_000 });
      expect(await row.getAttribute('data-flag')).toBe('at-risk');
      await expectText(row, '有延误风险');
      await dispatcher.screenshot('at-risk');

      // R-DEL-3: assign a driver
      await dispatcher.choose(row.getByTestId(`driver-select-${deliveryId}`), 'driver-zhang');
      await row.getByTestId(`assign-${deliveryId}`).click();
      await expectText(row, '已指派');
      const assigned = await api<{ status: string; driverId: string }>(
        STAFF.dispatcher,
        'delivery',
        'GET',
        `/deliveries/${deliveryId}`,
      );
      expect(assigned).toMatchObject({ status: 'assigned', driverId: 'driver-zhang' });

      // R-DEL-3: the driver confirms pickup and arrival; the receiver counts and signs
      const driver = await DriverPhone.signIn(browser(), 'dispatch', 'driver-zhang');
      await driver.pickUp(deliveryId);
      await driver.checkIn(deliveryId);
      await driver.receiver(deliveryId, '李师傅');
      // refused without a signature or photo: the reason is shown under the signature
      await driver.confirmWithoutProof(deliveryId);
      await driver.sign(deliveryId);
      await driver.confirmHandOver(deliveryId);
      await driver.screenshot('handed-over');
      await expectText(row, '已送达'); // the board follows by itself
      await driver.close();

      // R-DEL-8: the on-time charts are drawn by ECharts
      await dispatcher.page.getByTestId('on-time-charts').locator('canvas').first().waitFor();
      expect(await dispatcher.page.getByTestId('on-time-charts').locator('canvas').count()).toBe(3);
      await dispatcher.screenshot('assigned');
      await dispatcher.close();
    },
  );
});
