import { DomainError } from '@app/common/errors/domain-error';
import {
  aDish,
  aMenu,
  anOffering,
  KNOWN_SKUS,
  MONDAY,
  TUESDAY,
  WEEK,
} from '../../testing/domain-factories';
import { daysOfWeek, findOfferedDish, ingredientSkusOf, validateMenuContent } from './weekly-menu';

function problemsOf(fn: () => void): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.fields.map((f) => `${f.field}: ${f.reason}`);
    throw e;
  }
  return [];
}

describe('weekly menu', () => {
  it('R-MENU-1: a week runs Monday to Sunday', () => {
    expect(daysOfWeek(WEEK)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
  });

  it('R-MENU-2: a valid menu passes', () => {
    expect(problemsOf(() => validateMenuContent(WEEK, aMenu(), KNOWN_SKUS))).toEqual([]);
  });

  it('R-MENU-2: offerings outside the week, of unknown dishes, or twice are refused', () => {
    const menu = aMenu({
      offerings: [
        anOffering({ date: '2026-12-14' }),
        anOffering({ dishId: 'ghost' }),
        anOffering({ date: TUESDAY }),
        anOffering({ date: TUESDAY }),
      ],
    });
    expect(problemsOf(() => validateMenuContent(WEEK, menu, KNOWN_SKUS))).toEqual([
      'offerings[0].date: not a day of week 2026-W50',
      'offerings[1].dishId: not a dish of this menu',
      'offerings[3]: offered twice',
    ]);
  });

  it('R-MENU-2: every dish needs a recipe of known ingredients in positive integer quantities', () => {
    const menu = aMenu({
      dishes: [
        aDish({ dishId: 'a', recipe: [] }),
        aDish({ dishId: 'b', recipe: [{ sku: 'UNKNOWN', quantityPerPortion: 1.5 }] }),
        aDish({ dishId: 'b', pricePerPortionFen: -1 }),
      ],
      offerings: [],
    });
    expect(problemsOf(() => validateMenuContent(WEEK, menu, KNOWN_SKUS))).toEqual([
      'dishes[0].recipe: a dish needs at least one ingredient',
      'dishes[1].recipe[0].sku: unknown ingredient UNKNOWN',
      'dishes[1].recipe[0].quantityPerPortion: must be a positive integer',
      'dishes[2].dishId: duplicate dish id',
      'dishes[2].pricePerPortion: must be a non-negative amount',
    ]);
  });

  it('R-MENU-2: a dish is orderable only on the day and meal it is offered', () => {
    const menu = aMenu();
    expect(findOfferedDish(menu, MONDAY, 'lunch', 'braised-pork')?.pricePerPortionFen).toBe(1500);
    expect(findOfferedDish(menu, MONDAY, 'dinner', 'braised-pork')).toBeUndefined();
    expect(findOfferedDish(menu, TUESDAY, 'lunch', 'braised-pork')).toBeUndefined();
  });

  it('R-MENU-2: the menu lists the ingredient SKUs its recipes use, once each', () => {
    const menu = aMenu({
      dishes: [
        aDish(),
        aDish({
          dishId: 'rice',
          recipe: [
            { sku: 'RICE', quantityPerPortion: 100 },
            { sku: 'SOY-SAUCE', quantityPerPortion: 1 },
          ],
        }),
      ],
    });
    expect(ingredientSkusOf(menu)).toEqual(['PORK-BELLY', 'RICE', 'SOY-SAUCE']);
  });
});
