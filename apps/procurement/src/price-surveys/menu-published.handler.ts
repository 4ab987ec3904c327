import { Injectable } from '@nestjs/common';
import { MenuPublished, OnEvent } from '@app/common';
import { PriceSurveysService } from './price-surveys.service';

@Injectable()
export class MenuPublishedHandler {
  constructor(private readonly surveys: PriceSurveysService) {}

  @OnEvent('orders.menu.published')
  onMenuPublished(event: MenuPublished): Promise<void> {
    return this.surveys.onMenuPublished(event.week, event.ingredientSkus);
  }
}
