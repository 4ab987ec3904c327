/**
 * The week's procurement round in the console, each step by the person whose job it is, each
 * signed in separately: survey → review → quote → verification → approval → purchase order →
 * goods receipt with two signatures → the lot in stock.
 */
import { mondayOf, nextWeek } from '../web/src/lib/time';
import { aCanteen, api, eventually, STAFF } from './support/api';
import { CanteenPortal } from './support/canteen-portal';
import { ConsolePage } from './support/console-page';
import { expectText } from './support/expect-text';
import { journey, useBrowser } from './support/journey';

const WEEK = nextWeek(new Date(), 2); // two weeks ahead: menu and quote deadlines are still open
const SKU = 'RICE';

describe('console: procurement round (browser)', () => {
  const { browser } = useBrowser();
  let supplierId: string;
  const as = (who: Parameters<typeof ConsolePage.signIn>[2]) =>
    ConsolePage.signIn(browser(), 'procurement', who);

  beforeAll(async () => {
    await api(STAFF.buyer, 'procurement', 'POST', '/ingredients', {
      sku: SKU,
      name: '大米',
      unit: 'g',
      category: 'grain',
      storage: 'dry',
      shelfLifeDays: 180,
    });
    supplierId = (
      await api<{ id: string }>(STAFF.buyer, 'procurement', 'POST', '/suppliers', {
        name: '浦东粮油',
        contact: { name: '李师傅', phone: '13900000000' },
        skus: [SKU],
      })
    ).id;
    // The ingredient reaches orders' catalogue over Kafka before a recipe may use it.
    await eventually(() =>
      api(STAFF.chef, 'orders', 'PUT', `/menus/${WEEK}/draft`, {
        dishes: [
          {
            dishId: 'rice',
            name: '白米饭',
            pricePerPortion: '2.00',
            recipe: [{ sku: SKU, quantityPerPortion: 150 }],
          },
        ],
        offerings: [{ date: mondayOf(WEEK), meal: 'lunch', dishId: 'rice' }],
      }),
    );
    await api(STAFF.chef, 'orders', 'POST', `/menus/${WEEK}/publish`);
  });

  journey(
    'R-PROC-1, R-PROC-2, R-PROC-3, R-PROC-4, R-PROC-5, R-PROC-7, R-INV-1, R-INV-2: survey → review → quote → verify → approve → PO → two-signature receipt → the lot in stock',
    async () => {
      // R-PROC-1: the buyer compiles three sources with contacts and submits
      const buyer = await as(STAFF.buyer);
      await buyer.goto(`/procurement?week=${WEEK}&tab=survey`);
      await eventually(async () => {
        // the published menu reaches procurement over Kafka; until then there is nothing to survey
        const open = buyer.page.getByRole('button', { name: '开始本周调查' });
        if (await open.isVisible()) await open.click();
        await buyer.page.getByRole('cell', { name: SKU }).first().waitFor({ timeout: 2000 });
      });
      for (const [i, price] of ['4.80', '5.00', '5.20'].entries()) {
        await buyer.page.getByTestId('add-observation').click();
        const row = buyer.page.getByTestId('observation-row').nth(i);
        await row.getByLabel('来源').fill(['新发地市场', '大洋批发', '社区粮店'][i]);
        await row.getByLabel('联系人').fill(`联系人${i + 1}`);
        await row.getByLabel('电话').fill(`1380000000${i}`);
        await row.getByLabel('价格（元）').fill(price);
      }
      await buyer.page.getByTestId('save-observations').click();
      await expectText(buyer.page.getByTestId('survey-progress'), '3/3');
      await buyer.screenshot('survey-compiled');
      await buyer.page.getByTestId('submit-survey').click();
      await expectText(buyer.page.getByTestId('survey-status'), '已提交');

      // R-PROC-4 separation of duties: the compiler, holding an ops-manager token, may not review
      const compilerAsManager = await as({ role: 'ops-manager', sub: STAFF.buyer.sub });
      await compilerAsManager.goto(`/procurement?week=${WEEK}&tab=survey`);
      await compilerAsManager.page.getByTestId('approve-survey').click();
      await expectText(
        compilerAsManager.page.getByTestId('action-error'),
        'SURVEY.SEPARATION_OF_DUTIES',
      );
      await expectText(compilerAsManager.page.getByTestId('action-error'), '职责分离');
      await compilerAsManager.screenshot('separation-of-duties');
      await compilerAsManager.close();

      // R-PROC-2: the ops-manager approves the survey
      const manager = await as(STAFF.opsManager);
      await manager.goto(`/procurement?week=${WEEK}&tab=survey`);
      await manager.page.getByTestId('approve-survey').click();
      await expectText(manager.page.getByTestId('survey-status'), '已批准');
      await manager.page.getByTestId('history').getByText('已批准').first().waitFor();

      // R-PROC-3: the designated supplier quotes before the deadline, 20 % above the median
      const supplier = await as({ role: 'supplier', sub: 'sup-user', supplierId });
      await supplier.goto(`/procurement?week=${WEEK}&tab=quotes`);
      await supplier.page.getByTestId('quote-deadline').waitFor();
      await supplier.page.getByTestId('quote-line').getByLabel('价格（元）').fill('6.00');
      await supplier.page.getByTestId('submit-quote').click();
      await supplier.page.getByTestId('quote-status-submitted').waitFor();
      await supplier.screenshot('quote-submitted');

      // R-PROC-4: the cost accountant verifies: flagged above the 10 % tolerance, justified in writing
      const accountant = await as(STAFF.accountant);
      await accountant.goto(`/procurement?week=${WEEK}&tab=verification`);
      await accountant.page.getByTestId('verify-quote').click();
      const table = accountant.page.getByTestId(`verification-${supplierId}`);
      await expectText(table, '超出容差');
      await expectText(table, '+20%');
      await expectText(table, '5.00 元');
      await table.getByLabel(`说明 ${SKU}`).fill('新米上市，市场价普涨');
      await table.getByRole('button', { name: '保存说明' }).click();
      await expectText(table, '新米上市，市场价普涨');
      await accountant.screenshot('quote-verified');

      // R-PROC-4: the ops-manager approves from the queue
      await manager.goto(`/procurement?week=${WEEK}&tab=approval`);
      await manager.page.getByTestId('approve-quote').click();
      await manager.page.getByTestId('approval-queue-empty').waitFor();
      await manager.screenshot('quote-approved');

      // R-PROC-5: the buyer orders at the approved price
      await buyer.goto(`/procurement?week=${WEEK}&tab=purchase-orders`);
      await buyer.choose(buyer.page.locator('#supplierId'), supplierId);
      await buyer.page.getByLabel(`数量 ${SKU}`).fill('50000');
      await buyer.page.getByTestId('create-po').click();
      await expectText(buyer.page.getByTestId('po-status').first(), '未结');
      await expectText(buyer.page.getByTestId('purchase-orders'), '300.00 元');
      const poId = (await buyer.page.getByTestId('po-id').first().innerText()).trim();
      await buyer.screenshot('purchase-order');

      // R-PROC-7: the warehouse keeper records the receipt and signs; the chef signs separately
      const keeper = await as(STAFF.keeper);
      await keeper.goto(`/procurement?week=${WEEK}&tab=receipt`);
      await keeper.choose(keeper.page.locator('#purchaseOrderId'), poId);
      await keeper.page.getByLabel(`合格数量 ${SKU}`).fill('50000');
      await keeper.page.getByTestId('record-receipt').click();
      await expectText(keeper.page.getByTestId('receipt-status'), '待签字');
      const receiptId = (await keeper.page.getByTestId('receipt-id').innerText()).trim();
      await keeper.page.getByTestId('sign-receipt').click();
      await expectText(keeper.page.getByText(`${STAFF.keeper.sub} ·`).first(), STAFF.keeper.sub);
      await expectText(keeper.page.getByTestId('receipt-status'), '待签字');
      await keeper.screenshot('receipt-first-signature');

      const chef = await as(STAFF.chef);
      await chef.goto(
        `/procurement?week=${WEEK}&tab=receipt&receipt=${encodeURIComponent(receiptId)}`,
      );
      await chef.page.getByTestId('sign-receipt').click();
      await expectText(chef.page.getByTestId('receipt-status'), '已生效');
      await chef.screenshot('receipt-effective');

      // R-INV-1, R-INV-2: the lot is in stock, first in line for issue
      await keeper.goto(`/procurement?week=${WEEK}&tab=stock`);
      const lots = keeper.page.getByTestId('lots');
      await expectText(lots, SKU);
      await expectText(lots, '50000');
      await expectText(lots, '1 (FIFO)');
      await expectText(lots, poId);
      await keeper.screenshot('stock-lot');
      for (const p of [buyer, manager, supplier, accountant, keeper, chef]) await p.close();
    },
  );
  journey(
    'R-ORD-1, R-ORD-2: a canteen orders from the published menu at the Shanghai time it picks; the stock is reserved and the order confirmed',
    async () => {
      const canteenId = await aCanteen('第一营业点');
      const canteen = await CanteenPortal.signIn(
        browser(),
        'procurement',
        canteenId,
        'canteen-wang',
      );
      await canteen.openOrdering(WEEK);
      const monday = mondayOf(WEEK);
      await canteen.orderDish('白米饭', monday, 100);
      await canteen.deliverAt(monday, '10:00');
      const { orderId, outcome } = await canteen.place();
      expect(await canteen.answer(outcome)).toBe('confirmed'); // reserved over Kafka
      const orders = await canteen.openOrders();
      await expectText(canteen.orderRow(orderId), '200.00 元'); // 100 portions × 2.00 元
      await expectText(orders.getByTestId('order-status'), '已确认');
      await canteen.screenshot('order-confirmed');
      const stock = await api<{ sku: string; onHand: number; available: number }[]>(
        STAFF.keeper,
        'procurement',
        'GET',
        '/stock',
      );
      expect(stock.find((s) => s.sku === SKU)).toMatchObject({ onHand: 50_000, available: 35_000 }); // 100 × 150 g reserved
      await canteen.close();
    },
  );
});
