import { Injectable } from '@nestjs/common';
import { OnEvent, type CanteenSnapshot, type EventEnvelope } from '@app/common';
import { CanteenCopiesService, toDestination } from '../canteens/canteen-copies.service';
import { DeliveryRecord } from './delivery.schema';
import { DeliveryRepository } from './delivery.repository';

/**
 * Keeps the canteen copy, and the destination of deliveries not yet at the canteen, current:
 * a driver on the road must go to today's address and stay until today's window end.
 */
@Injectable()
export class CanteenEventsHandler {
  constructor(
    private readonly canteens: CanteenCopiesService,
    private readonly repository: DeliveryRepository,
  ) {}

  @OnEvent('orders.canteen.registered', 'orders.canteen.updated')
  async onSnapshot(snapshot: CanteenSnapshot, event: EventEnvelope): Promise<void> {
    await this.canteens.apply(snapshot, event);
    const current = await this.canteens.find(snapshot.canteenId);
    if (!current) return;
    const open: DeliveryRecord['status'][] = ['scheduled', 'assigned', 'picked-up'];
    await this.repository.model
      .updateMany(
        { canteenId: snapshot.canteenId, status: { $in: open } },
        { $set: { destination: toDestination(current) }, $inc: { version: 1 } },
      )
      .exec();
  }
}
