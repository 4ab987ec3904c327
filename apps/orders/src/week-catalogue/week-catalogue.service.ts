import { Injectable } from '@nestjs/common';
import { Caller, canteenScope, Clock, DomainError, fenToYuan, ISO_WEEK_PATTERN } from '@app/common';
import { CanteensService } from '../canteens/canteens.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { MenusService } from '../menus/menus.service';
import { buildWeekCatalogue, type WeekCatalogue } from './domain/week-catalogue';
import type { WeekCatalogueView } from './week-catalogue.dto';

/** R-MENU-2 / R-ORD-1: what a canteen may order in a week, at its prices. */
@Injectable()
export class WeekCatalogueService {
  constructor(
    private readonly menus: MenusService,
    private readonly catalogue: CatalogueService,
    private readonly canteens: CanteensService,
    private readonly clock: Clock,
  ) {}

  async of(week: string, caller: Caller, askedCanteenId?: string): Promise<WeekCatalogueView> {
    if (!ISO_WEEK_PATTERN.test(week)) {
      throw new DomainError('CATALOGUE.INVALID_WEEK', `not an ISO week: ${week}`, 'invalid', [
        { field: 'week', reason: 'must be an ISO week like 2026-W50' },
      ]);
    }
    const own = canteenScope(caller).canteenId;
    if (own && askedCanteenId && askedCanteenId !== own) {
      throw DomainError.notFound('canteen', askedCanteenId);
    }
    const canteenId = own ?? askedCanteenId;
    const [canteen, menus, prices] = await Promise.all([
      canteenId ? this.canteens.orderingTermsOf(canteenId) : Promise.resolve(undefined),
      this.menus.menusForOrdering([week]),
      this.catalogue.approvedPricesOf(week),
    ]);
    const ingredients = await this.catalogue.knownIngredients([...prices.keys()]);
    return toView(
      buildWeekCatalogue({
        week,
        now: this.clock.now(),
        canteen,
        menu: menus.get(week),
        prices,
        ingredients,
      }),
    );
  }
}

function toView(c: WeekCatalogue): WeekCatalogueView {
  return {
    week: c.week,
    ...(c.canteenId ? { canteenId: c.canteenId } : {}),
    markupBp: c.markupBp,
    ...(c.menu
      ? {
          menu: {
            menuId: c.menu.menuId,
            version: c.menu.version,
            ...(c.menu.late
              ? {
                  late: {
                    reason: c.menu.late.reason,
                    by: c.menu.late.by,
                    at: new Date(c.menu.late.at).toISOString(),
                    effectiveFrom: new Date(c.menu.late.effectiveFrom).toISOString(),
                    dropped: c.menu.late.dropped,
                  },
                }
              : {}),
            meals: c.menu.meals.map((m) => ({
              date: m.date,
              meal: m.meal,
              startsAt: m.startsAt.toISOString(),
              orderable: m.orderable,
              dishes: m.dishes.map((d) => ({
                dishId: d.dishId,
                name: d.name,
                pricePerPortion: fenToYuan(d.pricePerPortionFen),
              })),
            })),
          },
        }
      : {}),
    ingredients: c.ingredients.map((i) => ({
      sku: i.sku,
      name: i.name,
      unit: i.unit,
      price: fenToYuan(i.priceFen),
      priceUnitQuantity: i.priceUnitQuantity,
      exactPrice: {
        price: fenToYuan(i.exactPrice.priceFen),
        priceUnitQuantity: i.exactPrice.priceUnitQuantity,
        markupBp: i.exactPrice.markupBp,
      },
    })),
  };
}
