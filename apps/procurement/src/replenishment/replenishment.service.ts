import { Injectable } from '@nestjs/common';
import { Clock, startOfShanghaiDay } from '@app/common';
import { IngredientsService } from '../ingredients/ingredients.service';
import { rebuildStock } from '../inventory/domain/stock-ledger';
import { LotsService } from '../inventory/lots/lots.service';
import { SettingsService } from '../settings/settings.service';
import {
  assertCoefficients,
  ReplenishmentSuggestion,
  suggestReplenishment,
  usageWindow,
} from './domain/replenishment';

@Injectable()
export class ReplenishmentService {
  constructor(
    private readonly ingredients: IngredientsService,
    private readonly lots: LotsService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** R-INV-5 for every catalogue ingredient: usage = goods issued over the two previous months. */
  async suggestions(): Promise<ReplenishmentSuggestion[]> {
    const now = this.clock.now();
    const window = usageWindow(now);
    const [catalogue, issues, ledger, settings] = await Promise.all([
      this.ingredients.list(),
      this.lots.ledger({
        kind: 'issue',
        from: startOfShanghaiDay(window.from),
        to: startOfShanghaiDay(window.to),
      }),
      this.lots.ledger(),
      this.settings.get(),
    ]);
    const coefficients = assertCoefficients(settings.seasonalPercent);
    const onHand = rebuildStock(ledger).bySku;
    return catalogue.map((ingredient) =>
      suggestReplenishment({
        sku: ingredient.sku,
        usageLastTwoMonths: issues
          .filter((e) => e.sku === ingredient.sku)
          .reduce((sum, e) => sum - e.onHandDelta, 0),
        onHand: onHand.get(ingredient.sku)?.onHand ?? 0,
        month: window.month,
        coefficients,
      }),
    );
  }
}
