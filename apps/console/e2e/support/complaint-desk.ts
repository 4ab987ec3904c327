import type { ConsolePage } from './console-page';
import { expectText } from './expect-text';

/** The aftersales desk as an agent works it: one complaint step after the other. */
export class ComplaintDesk {
  constructor(private readonly desk: ConsolePage) {}

  private get page() {
    return this.desk.page;
  }

  async record(fields: {
    canteenId: string;
    cause: string;
    description: string;
    request: string;
  }): Promise<string> {
    await this.desk.goto('/aftersales');
    await this.page.locator('.ant-tabs-tab[data-node-key="record"]').click();
    const form = this.page.getByTestId('record-complaint');
    await form.locator('#canteenId').fill(fields.canteenId);
    await this.desk.choose(form.locator('#cause'), fields.cause);
    await form.locator('#description').fill(fields.description);
    await form.locator('#request').fill(fields.request);
    await form.locator('button[type=submit]').click();
    await this.page.waitForURL(/\/aftersales\/complaints\//);
    return decodeURIComponent(this.page.url().split('/complaints/')[1]);
  }

  async open(id: string): Promise<void> {
    await this.desk.goto(`/aftersales/complaints/${encodeURIComponent(id)}`);
    await this.page.getByTestId('complaint-status').waitFor();
  }

  /** Opens the step's tab, fills its fields by their labels, submits, waits for `expectStatus`. */
  async step(
    action: string,
    fill: Record<string, string | boolean>,
    expectStatus?: string,
  ): Promise<void> {
    await this.page.locator(`.ant-tabs-tab[data-node-key="${action}"]`).click();
    const form = this.page.getByTestId(`step-${action}`);
    for (const [field, value] of Object.entries(fill)) {
      const input = form.locator(`#${action}_${field}`);
      if (value === true) await input.click();
      else if (typeof value === 'string' && (await input.getAttribute('role')) === 'combobox') {
        await this.desk.choose(input, value);
      } else if (typeof value === 'string') await input.fill(value);
    }
    await form.locator('button[type=submit]').click();
    if (expectStatus) await expectText(this.page.getByTestId('complaint-status'), expectStatus);
  }
}
