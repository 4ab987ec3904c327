import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { applySnapshot, type CanteenSnapshot, type EventEnvelope } from '@app/common';
import type { Destination } from '../deliveries/domain/delivery';
import { CanteenCopy } from './canteen-copy.schema';

@Injectable()
export class CanteenCopiesService {
  constructor(@InjectModel(CanteenCopy.name) private readonly canteens: Model<CanteenCopy>) {}

  async apply(snapshot: CanteenSnapshot, event: EventEnvelope): Promise<void> {
    await applySnapshot(
      this.canteens,
      snapshot.canteenId,
      {
        name: snapshot.name,
        address: snapshot.address,
        contact: { name: snapshot.contact.name, phone: snapshot.contact.phone },
        receivingWindow: { from: snapshot.receivingWindow.from, to: snapshot.receivingWindow.to },
        ...(snapshot.webhookUrl ? { webhookUrl: snapshot.webhookUrl } : {}),
        active: snapshot.active,
      },
      event,
    );
  }

  async find(canteenId: string): Promise<CanteenCopy | null> {
    return this.canteens.findById(canteenId).lean().exec();
  }

  async destinationOf(canteenId: string): Promise<Destination | undefined> {
    const canteen = await this.find(canteenId);
    return canteen ? toDestination(canteen) : undefined;
  }
}

export function toDestination(
  canteen: Pick<CanteenCopy, 'name' | 'contact' | 'address' | 'receivingWindow'>,
): Destination {
  return {
    name: canteen.name,
    ...(canteen.contact && {
      contact: { name: canteen.contact.name, phone: canteen.contact.phone },
    }),
    address: canteen.address,
    receivingWindow: { from: canteen.receivingWindow.from, to: canteen.receivingWindow.to },
  };
}
