/**
 * The kitchen's menu editor: the chef drafts the week's menu with a recipe, sees the service's
 * refusal next to the field it is about, and publishes before Friday; English on request.
 */
import { mondayOf, nextWeek } from '../web/src/lib/time';
import { api, eventually, STAFF } from './support/api';
import { ConsolePage } from './support/console-page';
import { expectText } from './support/expect-text';
import { journey, useBrowser } from './support/journey';

const WEEK = nextWeek(new Date(), 3);
const SKU = 'TOFU';

describe('console: kitchen menu editor (browser)', () => {
  const { browser } = useBrowser();

  beforeAll(async () => {
    await api(STAFF.buyer, 'procurement', 'POST', '/ingredients', {
      sku: SKU,
      name: '豆腐',
      unit: 'g',
      category: 'soy',
      storage: 'chilled',
      shelfLifeDays: 5,
      removalStrategy: 'fefo',
    });
    // The catalogue reaches orders over Kafka: a draft of another week using the SKU proves it.
    const probeWeek = nextWeek(new Date(), 4);
    await eventually(() =>
      api(STAFF.chef, 'orders', 'PUT', `/menus/${probeWeek}/draft`, {
        dishes: [
          {
            dishId: 'probe',
            name: '试菜',
            pricePerPortion: '1.00',
            recipe: [{ sku: SKU, quantityPerPortion: 1 }],
          },
        ],
        offerings: [{ date: mondayOf(probeWeek), meal: 'lunch', dishId: 'probe' }],
      }),
    );
  });

  journey(
    'R-MENU-1, R-MENU-2, R-MENU-4: the chef drafts a dish with its recipe, fixes the refused price next to its field, publishes; English on request',
    async () => {
      const chef = await ConsolePage.signIn(browser(), 'kitchen', STAFF.chef);
      await chef.goto(`/kitchen?week=${WEEK}`);
      const { page } = chef;
      await page.getByTestId('add-dish').click();
      const dish = page.getByTestId('dish').first();
      await dish.getByLabel('编号').fill('mapo-tofu');
      await dish.getByLabel('名称').fill('麻婆豆腐');
      await dish.getByLabel('每份价格（元）').fill('12.345');
      await dish.getByRole('button', { name: '+ SKU' }).click();
      await dish.getByLabel('SKU').fill(SKU);
      await dish.getByLabel('per portion').fill('200');
      await page.getByTestId('add-offering').click();
      const offering = page.getByTestId('offering').first();
      await chef.choose(offering.getByLabel('菜品'), 'mapo-tofu');

      // The service refuses the price; its reason is shown under the price field
      await page.getByTestId('save-draft').click();
      const priceItem = page.locator('.ant-form-item', { has: page.getByLabel('每份价格（元）') });
      await priceItem.locator('.ant-form-item-explain-error').first().waitFor();
      expect(await priceItem.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
      await chef.screenshot('price-refused');

      await dish.getByLabel('每份价格（元）').fill('12.00');
      await page.getByTestId('save-draft').click();
      const versions = page.getByTestId('menu-versions');
      await expectText(versions, '草稿');
      await expectText(versions, '麻婆豆腐');
      await page.getByTestId('publish-menu').click();
      await expectText(versions, '已发布');
      const menu = await api<{
        version: number;
        status: string;
        dishes: { pricePerPortion: string }[];
      }>(STAFF.chef, 'orders', 'GET', `/menus/${WEEK}`);
      expect(menu).toMatchObject({
        version: 1,
        status: 'published',
        dishes: [{ pricePerPortion: '12.00' }],
      });
      await chef.screenshot('published');

      await page.getByTestId('language-switch').click();
      await expectText(page.getByTestId('desk-menu'), 'Kitchen menu');
      await expectText(page.locator('h3'), 'Weekly menu');
      await chef.screenshot('english');
      await chef.close();
    },
  );
});
