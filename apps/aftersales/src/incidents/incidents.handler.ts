import { Injectable } from '@nestjs/common';
import { DeliveryBreached, DeliveryBreachWaived, DriverLeftEarly, OnEvent } from '@app/common';
import { IncidentsService } from './incidents.service';

@Injectable()
export class IncidentsHandler {
  constructor(private readonly incidents: IncidentsService) {}

  @OnEvent('delivery.delivery.breached')
  onBreached(e: DeliveryBreached): Promise<void> {
    return this.incidents.onBreach(e);
  }

  @OnEvent('delivery.delivery.breach-waived')
  onWaived(e: DeliveryBreachWaived): Promise<void> {
    return this.incidents.onBreachWaived(e);
  }

  @OnEvent('delivery.delivery.early-departure')
  onEarlyDeparture(e: DriverLeftEarly): Promise<void> {
    return this.incidents.onEarlyDeparture(e);
  }
}
