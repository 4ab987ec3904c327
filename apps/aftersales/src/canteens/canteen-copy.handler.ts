import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { applySnapshot, CanteenSnapshot, EventEnvelope, OnEvent } from '@app/common';
import { CanteenCopy } from './canteen-copy.schema';

@Injectable()
export class CanteenCopyHandler {
  constructor(@InjectModel(CanteenCopy.name) private readonly canteens: Model<CanteenCopy>) {}

  @OnEvent('orders.canteen.registered', 'orders.canteen.updated')
  apply(c: CanteenSnapshot, event: EventEnvelope): Promise<void> {
    return applySnapshot(
      this.canteens,
      c.canteenId,
      { name: c.name, contact: c.contact, active: c.active },
      event,
    );
  }
}
