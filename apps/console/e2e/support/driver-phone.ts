/**
 * The driver's phone (390 × 844, touch): the driver desk at /driver as the driver works it —
 * pickup, arrival, the receiver's count and signature, departure — and the outbox of steps
 * waiting to be sent.
 */
import type { Browser, Locator } from 'playwright-core';
import { ConsolePage } from './console-page';
import { expectText } from './expect-text';

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export interface LineCount {
  lineId: string;
  rejected: number;
  /** The label of the reason as the driver sees it (数量不足, 破损, 变质, 规格不符). */
  reason: string;
}

export class DriverPhone {
  private constructor(readonly desk: ConsolePage) {}

  static async signIn(browser: Browser, journey: string, driverId: string): Promise<DriverPhone> {
    const desk = await ConsolePage.signIn(
      browser,
      journey,
      { role: 'driver', sub: driverId, driverId },
      PHONE,
    );
    const phone = new DriverPhone(desk);
    await desk.goto('/driver');
    await phone.waitingCount(); // the desk is drawn
    return phone;
  }

  get page() {
    return this.desk.page;
  }

  card(deliveryId: string): Locator {
    return this.page.getByTestId(`my-delivery-${deliveryId}`);
  }

  async expectStatus(deliveryId: string, label: string): Promise<void> {
    await expectText(this.card(deliveryId).getByTestId('my-delivery-status'), label);
  }

  async pickUp(deliveryId: string): Promise<void> {
    await this.card(deliveryId).getByTestId('driver-pickup').click();
    await this.expectStatus(deliveryId, '已取货');
  }

  async checkIn(deliveryId: string): Promise<void> {
    await this.card(deliveryId).getByTestId('driver-check-in').click();
    await this.expectStatus(deliveryId, '已到达');
  }

  /** The receiver counts: rejected quantities with their reason (the rest is accepted). */
  async count(deliveryId: string, lines: LineCount[]): Promise<void> {
    const card = this.card(deliveryId);
    for (const l of lines) {
      await card
        .locator(`#hand-over-${deliveryId}_lines_${l.lineId}_rejected`)
        .fill(String(l.rejected));
      await this.desk.choose(card.getByTestId(`reason-${l.lineId}`), l.reason);
    }
  }

  async receiver(deliveryId: string, name: string): Promise<void> {
    await this.card(deliveryId).getByTestId('receiver-name').fill(name);
  }

  /** Draws a signature on the canvas: two strokes, as a finger would. */
  async sign(deliveryId: string): Promise<void> {
    const pad = this.card(deliveryId).getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const strokes = [
      [
        [0.1, 0.6],
        [0.25, 0.3],
        [0.4, 0.7],
        [0.55, 0.35],
      ],
      [
        [0.6, 0.5],
        [0.75, 0.4],
        [0.9, 0.6],
      ],
    ];
    for (const stroke of strokes) {
      const [[x0, y0], ...rest] = stroke;
      await this.page.mouse.move(box.x + box.width * x0, box.y + box.height * y0);
      await this.page.mouse.down();
      for (const [x, y] of rest) {
        await this.page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 8 });
      }
      await this.page.mouse.up();
    }
  }

  /** A photo "from the camera": the app re-encodes it as a JPEG and shows a preview. */
  async attachPhoto(deliveryId: string, file: string): Promise<void> {
    const card = this.card(deliveryId);
    await card.getByTestId('photo-input').setInputFiles(file);
    await card.getByTestId('photo-preview').waitFor();
  }

  /** Confirms without a signature or photo: the app refuses, under the signature. */
  async confirmWithoutProof(deliveryId: string): Promise<void> {
    const card = this.card(deliveryId);
    await card.getByTestId('driver-delivered').click();
    await expectText(card.locator('.ant-form-item-explain-error'), '请签名或拍照作为交货凭证');
  }

  async confirmHandOver(deliveryId: string): Promise<void> {
    await this.card(deliveryId).getByTestId('driver-delivered').click();
    await this.expectStatus(deliveryId, '已送达');
  }

  /** R-DEL-7: the check-out before the service end asks first; the driver leaves anyway. */
  async leaveEarly(deliveryId: string): Promise<string> {
    await this.card(deliveryId).getByTestId('driver-check-out').click();
    const dialog = this.page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    const warning = (await dialog.innerText()).replace(/\s+/g, ' ');
    await this.page.getByTestId('confirm-early-check-out').click();
    return warning;
  }

  /** "N actions waiting to be sent": N as the screen says it. */
  async waitingCount(): Promise<number> {
    const outbox = this.page.getByTestId('outbox');
    await outbox.waitFor();
    return Number(await outbox.getAttribute('data-count'));
  }

  async expectWaiting(n: number, timeout = 30_000): Promise<void> {
    await this.page.locator(`[data-testid=outbox][data-count="${n}"]`).waitFor({ timeout });
  }

  /** Waits until the service worker controls the page (it has precached the app by then). */
  async serviceWorkerReady(): Promise<void> {
    // a string: the e2e code is compiled without the DOM's types
    await this.page.evaluate(`(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    })()`);
  }

  async setOffline(offline: boolean): Promise<void> {
    await this.desk.context.setOffline(offline);
  }

  async screenshot(name: string): Promise<void> {
    await this.desk.screenshot(name);
  }

  async close(): Promise<void> {
    await this.desk.close();
  }
}
