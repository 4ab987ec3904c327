import { Injectable } from '@nestjs/common';
import { OnEvent, OrderPlaced, ReturnedGoodsInspected } from '@app/common';
import { RemediesService } from './remedies.service';

/** Delivery's rejected lines are handled by the delivery handler; these close the loop. */
@Injectable()
export class RemediesHandler {
  constructor(private readonly remedies: RemediesService) {}

  @OnEvent('orders.order.placed')
  onOrderPlaced(order: OrderPlaced): Promise<void> {
    return this.remedies.linkReplacement(order);
  }

  @OnEvent('procurement.returned-goods.inspected')
  onInspected(inspection: ReturnedGoodsInspected): Promise<void> {
    return this.remedies.recordInspection(inspection);
  }
}
