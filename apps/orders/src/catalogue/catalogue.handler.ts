import { Injectable } from '@nestjs/common';
import { OnEvent, type EventEnvelope } from '@app/common';
import type { IngredientSnapshot, WeeklyPricesApproved } from '@app/common';
import { CatalogueService } from './catalogue.service';

@Injectable()
export class CatalogueHandler {
  constructor(private readonly catalogue: CatalogueService) {}

  @OnEvent('procurement.ingredient.registered', 'procurement.ingredient.updated')
  onIngredient(snapshot: IngredientSnapshot, event: EventEnvelope): Promise<void> {
    return this.catalogue.recordIngredient(snapshot, event);
  }

  @OnEvent('procurement.prices.approved')
  onPricesApproved(approved: WeeklyPricesApproved, event: EventEnvelope): Promise<void> {
    return this.catalogue.recordApprovedPrices(approved, event);
  }
}
