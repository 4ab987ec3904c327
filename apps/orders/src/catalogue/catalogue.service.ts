import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { applySnapshot, type EventEnvelope } from '@app/common';
import type { IngredientSnapshot, WeeklyPricesApproved } from '@app/common';
import { lowestApprovedPrices, type ApprovedPriceQuote } from '../orders/domain/line-pricing';
import type { KnownIngredient } from '../orders/domain/order-placement';
import { ApprovedPrices } from './approved-prices.schema';
import { Ingredient } from './ingredient.schema';

/** What orders knows of procurement's catalogue and prices, kept from its events. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectModel(Ingredient.name) private readonly ingredients: Model<Ingredient>,
    @InjectModel(ApprovedPrices.name) private readonly prices: Model<ApprovedPrices>,
  ) {}

  async recordIngredient(snapshot: IngredientSnapshot, event: EventEnvelope): Promise<void> {
    await applySnapshot(
      this.ingredients,
      snapshot.sku,
      { name: snapshot.name, unit: snapshot.unit },
      event,
    );
  }

  /** A later approval of the same week replaces the earlier price list as a whole. */
  async recordApprovedPrices(approved: WeeklyPricesApproved, event: EventEnvelope): Promise<void> {
    const prices = approved.prices.map(({ sku, supplierId, priceFen, priceUnitQuantity }) => ({
      sku,
      supplierId,
      priceFen,
      priceUnitQuantity,
    }));
    await applySnapshot(this.prices, approved.week, { prices }, event);
  }

  async knownIngredients(skus: readonly string[]): Promise<Map<string, KnownIngredient>> {
    const found = await this.ingredients
      .find({ _id: { $in: [...new Set(skus)] } })
      .lean()
      .exec();
    return new Map(found.map((i) => [i._id, { name: i.name, unit: i.unit }]));
  }

  async knownSkus(skus: readonly string[]): Promise<Set<string>> {
    return new Set((await this.knownIngredients(skus)).keys());
  }

  /** Lowest approved price per SKU for the week (see README: several suppliers). */
  async approvedPricesOf(week: string): Promise<Map<string, ApprovedPriceQuote>> {
    const found = await this.prices.findById(week).lean().exec();
    return lowestApprovedPrices(found?.prices ?? []);
  }
}
