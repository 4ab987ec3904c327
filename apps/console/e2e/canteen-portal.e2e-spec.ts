/**
 * The canteen portal: a canteen orders dishes and raw ingredients from the week's catalogue, sees
 * the service's answer (confirmed with its delivery deadline), cancels another order before
 * dispatch, follows its delivery to the proof of delivery, files a complaint; another canteen
 * sees none of it.
 *
 * The stock the order reserves comes from a procurement round played through the services' HTTP
 * APIs (survey → quote → approval → purchase order → receipt with two signatures), as the
 * procurement journey does in the browser.
 */
import { mondayOf, nextWeek, addDays } from '../web/src/lib/time';
import { aCanteen, api, eventually, STAFF, tokenFor } from './support/api';
import { CanteenPortal } from './support/canteen-portal';
import { expectText } from './support/expect-text';
import { journey, useBrowser } from './support/journey';
import { systemInfo } from './support/system';

const WEEK = nextWeek(new Date(), 5); // its own week: the other journeys use +2…+4
const SKU = 'NOODLE';
const DISH = '牛肉面';
// 1 × 1 transparent PNG: the driver's drawn signature
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function stockFromAProcurementRound(): Promise<void> {
  await api(STAFF.buyer, 'procurement', 'POST', '/ingredients', {
    sku: SKU,
    name: '面条',
    unit: 'g',
    category: 'grain',
    storage: 'dry',
    shelfLifeDays: 60,
  });
  const { id: supplierId } = await api<{ id: string }>(
    STAFF.buyer,
    'procurement',
    'POST',
    '/suppliers',
    { name: '张江面业', contact: { name: '赵师傅', phone: '13900000002' }, skus: [SKU] },
  );
  const monday = mondayOf(WEEK);
  await eventually(() =>
    api(STAFF.chef, 'orders', 'PUT', `/menus/${WEEK}/draft`, {
      dishes: [
        {
          dishId: 'beef-noodles',
          name: DISH,
          pricePerPortion: '12.00',
          recipe: [{ sku: SKU, quantityPerPortion: 200 }],
        },
      ],
      offerings: [
        { date: monday, meal: 'lunch', dishId: 'beef-noodles' },
        { date: addDays(monday, 1), meal: 'lunch', dishId: 'beef-noodles' },
      ],
    }),
  );
  await api(STAFF.chef, 'orders', 'POST', `/menus/${WEEK}/publish`);
  // the published menu reaches procurement over Kafka: the survey then asks for its SKU
  await eventually(async () => {
    await api(STAFF.buyer, 'procurement', 'POST', '/price-surveys', { week: WEEK }).catch(
      (e: { status?: number }) => {
        if (e.status !== 409) throw e;
      },
    );
    const survey = await api<{ requiredSkus: string[] }>(
      STAFF.buyer,
      'procurement',
      'GET',
      `/price-surveys/${WEEK}`,
    );
    if (!survey.requiredSkus.includes(SKU)) throw new Error('menu not in the survey yet');
  });
  await api(STAFF.buyer, 'procurement', 'PUT', `/price-surveys/${WEEK}/observations`, {
    observations: ['4.80', '5.00', '5.20'].map((price, i) => ({
      sku: SKU,
      sourceName: ['新发地市场', '大洋批发', '社区粮店'][i],
      contactName: `联系人${i + 1}`,
      contactPhone: `1380000001${i}`,
      price,
      priceUnitQuantity: 1000,
    })),
  });
  await api(STAFF.buyer, 'procurement', 'POST', `/price-surveys/${WEEK}/submit`);
  await api(STAFF.opsManager, 'procurement', 'POST', `/price-surveys/${WEEK}/approve`);
  const supplier = { role: 'supplier', sub: 'noodle-sup', supplierId };
  await api(supplier, 'procurement', 'PUT', `/quotes/${WEEK}`, {
    lines: [{ sku: SKU, price: '5.00', priceUnitQuantity: 1000 }],
  });
  await api(STAFF.accountant, 'procurement', 'POST', `/quotes/${WEEK}/${supplierId}/verify`, {});
  await api(STAFF.opsManager, 'procurement', 'POST', `/quotes/${WEEK}/${supplierId}/approve`);
  const po = await api<{ id: string }>(STAFF.buyer, 'procurement', 'POST', '/purchase-orders', {
    week: WEEK,
    supplierId,
    lines: [{ sku: SKU, quantity: 100_000, price: '5.00', priceUnitQuantity: 1000 }],
  });
  const receipt = await api<{ id: string }>(
    STAFF.keeper,
    'procurement',
    'POST',
    `/purchase-orders/${po.id}/receipts`,
    { lines: [{ lineId: 'L1', accepted: 100_000, rejected: 0 }] },
  );
  await api(STAFF.keeper, 'procurement', 'POST', `/goods-receipts/${receipt.id}/sign`);
  await api(STAFF.chef, 'procurement', 'POST', `/goods-receipts/${receipt.id}/sign`);
}

/** The van's trip through the delivery service's API: assigned, picked up, arrived, signed for. */
async function driveAndHandOver(orderId: string): Promise<void> {
  const driver = { role: 'driver', sub: 'driver-wu', driverId: 'driver-wu' };
  await api(STAFF.dispatcher, 'delivery', 'POST', '/drivers', {
    driverId: 'driver-wu',
    name: '吴师傅',
    phone: '13900000003',
    vehicle: '沪A·54321 冷藏车',
  });
  const [delivery] = await api<{ id: string; lines: { lineId: string; quantity: number }[] }[]>(
    STAFF.dispatcher,
    'delivery',
    'GET',
    `/deliveries?orderId=${orderId}`,
  );
  await api(STAFF.dispatcher, 'delivery', 'POST', `/deliveries/${delivery.id}/assignment`, {
    driverId: 'driver-wu',
  });
  await api(driver, 'delivery', 'POST', `/deliveries/${delivery.id}/pickup`, {});
  await api(driver, 'delivery', 'POST', `/deliveries/${delivery.id}/check-in`, {});
  const upload = await fetch(
    `${systemInfo().consoleUrl}/api/delivery/deliveries/${delivery.id}/proof-images?kind=signature`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(driver)}`, 'content-type': 'image/png' },
      body: PNG,
    },
  );
  expect(upload.status).toBe(201);
  const { ref } = (await upload.json()) as { ref: string };
  await api(driver, 'delivery', 'POST', `/deliveries/${delivery.id}/delivered`, {
    lines: delivery.lines.map((l) => ({
      lineId: l.lineId,
      acceptedQuantity: l.quantity,
      rejectedQuantity: 0,
    })),
    proof: { receiverName: '王芳', receivedAt: new Date().toISOString(), signatureRef: ref },
  });
}

describe('console: canteen portal (browser)', () => {
  const { browser } = useBrowser();
  let canteenA: string;
  let canteenB: string;
  let confirmedOrder: string;
  const monday = mondayOf(WEEK);
  const tuesday = addDays(monday, 1);

  beforeAll(async () => {
    await stockFromAProcurementRound();
    canteenA = await aCanteen('第五营业点');
    canteenB = await aCanteen('第六营业点');
  });

  journey(
    'R-ORD-1, R-ORD-2, R-DEL-1, R-ORD-4: a canteen orders dishes and ingredients with notes from the portal, sees it confirmed with its deadline, changes and cancels another order before dispatch; another canteen sees neither',
    async () => {
      const a = await CanteenPortal.signIn(browser(), 'canteen-portal', canteenA, 'manager-a');
      await a.openOrdering(WEEK);
      await expectText(a.page.getByTestId('menu'), DISH);
      await expectText(a.page.getByTestId('menu'), '12.00 元');
      // the approved price reaches orders over Kafka: the ingredient is then orderable
      await eventually(async () => {
        await a.openOrdering(WEEK);
        await a.page.getByTestId('ingredients').waitFor({ timeout: 2000 });
      });

      // checked before sending: nothing ordered yet
      await a.page.getByTestId('place-order').click();
      await a.page.getByTestId('no-lines').waitFor();

      await a.orderDish(DISH, monday, 10, '少放辣');
      await a.orderIngredient('面条', 1000);
      await a.deliverAt(monday, '10:00');
      const first = await a.place();
      expect(first.orderId).toBeTruthy();
      expect(await a.answer(first.outcome)).toBe('confirmed'); // reserved over Kafka (R-ORD-2)
      await expectText(first.outcome.getByTestId('order-deadline'), `${monday} 10:00`); // R-DEL-1
      await a.screenshot('order-confirmed');
      confirmedOrder = first.orderId;

      // a second order, cancelled before dispatch (R-ORD-4)
      await first.outcome.getByRole('button', { name: '再下一单' }).click();
      await a.orderDish(DISH, tuesday, 5, '细面');
      await a.deliverAt(tuesday, '09:30');
      const second = await a.place();
      expect(await a.answer(second.outcome)).toBe('confirmed');

      await a.openOrders();
      const row = a.orderRow(first.orderId);
      await expectText(row, '牛肉面 × 10（少放辣）');
      await expectText(row.getByTestId('order-status'), '已确认');
      await expectText(row.getByTestId('order-deadline'), `${monday} 10:00`);
      await expectText(a.orderRow(second.orderId), `${tuesday} 09:30`);
      await a.change(second.orderId, DISH, 8);
      await expectText(a.orderRow(second.orderId), '牛肉面 × 8（细面）');
      await expectText(a.orderRow(second.orderId), '96.00 元'); // 8 × 12.00 元
      await a.cancel(second.orderId);
      await a.screenshot('order-cancelled');
      const cancelled = await api<{ status: string }>(
        { role: 'canteen', sub: 'manager-a', canteenId: canteenA },
        'orders',
        'GET',
        `/orders/${second.orderId}`,
      );
      expect(cancelled.status).toBe('cancelled');

      // another canteen sees none of these orders
      const b = await CanteenPortal.signIn(browser(), 'canteen-portal', canteenB, 'manager-b');
      const theirs = await b.openOrders();
      await theirs.locator('.ant-empty').first().waitFor();
      expect(await b.orderRow(first.orderId).count()).toBe(0);
      expect(await b.orderRow(second.orderId).count()).toBe(0);
      await b.screenshot('other-canteen-empty');
      await b.close();
      await a.close();
    },
  );

  journey(
    'R-DEL-3, R-AS-1: the canteen follows the van to the proof of delivery (signature image), sees the delivery on its statement and files a complaint about the order; another canteen does not see it',
    async () => {
      await driveAndHandOver(confirmedOrder);
      const a = await CanteenPortal.signIn(browser(), 'canteen-portal', canteenA, 'manager-a');
      await a.openOrders();
      const row = a.orderRow(confirmedOrder);
      await expectText(row.getByTestId('delivery-status'), '已送达');
      const details = await a.expandDelivery(confirmedOrder);
      await expectText(details.getByTestId('proof-receiver'), '王芳');
      const image = details.getByTestId('proof-image-signature');
      await image.locator('img').waitFor();
      expect(await image.locator('img').getAttribute('src')).toMatch(/^blob:/); // fetched with the token
      await a.screenshot('proof-of-delivery');

      // the statement of this month lists the delivery (orders learns it over Kafka)
      await a.desk.goto('/canteen/statement');
      await expectText(a.page.getByTestId('statement-deliveries'), confirmedOrder, 30_000);
      await a.screenshot('statement');

      await a.fileComplaint({
        causeLabel: '规格不符',
        orderLabel: DISH,
        description: '面条偏粗，与订单不符',
        request: '下次按细面配送',
      });
      const mine = a.page.getByTestId('complaints');
      await expectText(mine, '面条偏粗，与订单不符');
      await expectText(mine.getByTestId('complaint-status'), '已登记');
      await a.screenshot('complaint-filed');

      const b = await CanteenPortal.signIn(browser(), 'canteen-portal', canteenB, 'manager-b');
      await b.desk.goto('/canteen/complaints');
      await b.page.getByTestId('complaints').locator('.ant-empty').first().waitFor();
      await b.close();
      await a.close();
    },
  );
});
