import type { Browser, Locator } from 'playwright-core';
import { ConsolePage } from './console-page';
import { expectText } from './expect-text';

/** The canteen portal as a canteen's manager uses it: order, follow orders, complain, answer. */
export class CanteenPortal {
  private constructor(readonly desk: ConsolePage) {}

  static async signIn(
    browser: Browser,
    journey: string,
    canteenId: string,
    sub = 'canteen-manager',
  ): Promise<CanteenPortal> {
    return new CanteenPortal(
      await ConsolePage.signIn(browser, journey, { role: 'canteen', sub, canteenId }),
    );
  }

  get page() {
    return this.desk.page;
  }

  async openOrdering(week: string): Promise<void> {
    await this.desk.goto(`/canteen/order?week=${week}`);
    await this.page.getByTestId('place-order').waitFor();
  }

  async tab(name: '订货' | '我的订单' | '月结对账单' | '投诉' | '满意度调查'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Portions of a dish on a day (and meal, when given), with an optional note. */
  async orderDish(dish: string, date: string, portions: number, notes?: string): Promise<void> {
    await this.page.getByLabel(`份数 ${dish} ${date}`).first().fill(String(portions));
    if (notes) await this.page.getByLabel(`备注 ${dish} ${date}`).first().fill(notes);
  }

  async orderIngredient(name: string, quantity: number, notes?: string): Promise<void> {
    await this.page.getByLabel(`数量 ${name}`, { exact: true }).fill(String(quantity));
    if (notes) await this.page.getByLabel(`备注 ${name}`, { exact: true }).fill(notes);
  }

  /** A delivery time picked on the Shanghai clock. */
  async deliverAt(date: string, time: string): Promise<void> {
    await this.page.getByLabel('指定时间').check();
    const when = this.page.locator('#order_requestedTime');
    await when.click();
    await when.fill(`${date} ${time}`);
    await when.press('Enter');
  }

  async asSoonAsPossible(): Promise<void> {
    await this.page.getByLabel('尽快送达（24 小时内）').check();
  }

  /** Places the order and waits for the service's answer to be shown; returns the order id. */
  async place(): Promise<{ orderId: string; outcome: Locator }> {
    await this.page.getByTestId('place-order').click();
    const outcome = this.page.getByTestId('order-outcome');
    await outcome.waitFor();
    return { orderId: (await outcome.getAttribute('data-order-id')) ?? '', outcome };
  }

  /** Waits until the answer leaves `placed` (the stock check runs over Kafka). */
  async answer(outcome: Locator, timeout = 60_000): Promise<string> {
    const until = Date.now() + timeout;
    for (;;) {
      const status = (await outcome.getAttribute('data-status')) ?? 'placed';
      if (status !== 'placed' || Date.now() > until) return status;
      await this.page.waitForTimeout(250);
    }
  }

  async openOrders(): Promise<Locator> {
    await this.desk.goto('/canteen/orders');
    const table = this.page.getByTestId('orders');
    await table.waitFor();
    return table;
  }

  orderRow(orderId: string): Locator {
    return this.page.locator(`tr[data-row-key="${orderId}"]`);
  }

  /** Changes one line's quantity before dispatch (a change replaces the order's content). */
  async change(orderId: string, item: string, quantity: number): Promise<void> {
    await this.orderRow(orderId).getByTestId('change-order').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(`数量 ${item}`).fill(String(quantity));
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async cancel(orderId: string): Promise<void> {
    await this.orderRow(orderId).getByTestId('cancel-order').click();
    await this.page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expectText(this.orderRow(orderId).getByTestId('order-status'), '已取消');
  }

  /** Opens the order's delivery: where the van is, the deadline, the proof. */
  async expandDelivery(orderId: string): Promise<Locator> {
    const row = this.orderRow(orderId);
    await row.locator('.ant-table-row-expand-icon').click();
    const details = this.page.locator('tr.ant-table-expanded-row').getByTestId('delivery-details');
    await details.first().waitFor();
    return details.first();
  }

  async fileComplaint(input: {
    causeLabel: string;
    orderLabel: string;
    description: string;
    request?: string;
  }): Promise<void> {
    await this.desk.goto('/canteen/complaints');
    await this.desk.choose(this.page.locator('#complaint_cause'), input.causeLabel);
    await this.desk.choose(this.page.locator('#complaint_orderId'), input.orderLabel);
    await this.page.locator('#complaint_description').fill(input.description);
    if (input.request) await this.page.locator('#complaint_request').fill(input.request);
    await this.page.getByTestId('file-complaint').click();
  }

  async close(): Promise<void> {
    await this.desk.close();
  }

  async screenshot(name: string): Promise<string> {
    return this.desk.screenshot(name);
  }
}
