import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Caller, canteenScope, DomainError, EventFactory, newWithEvents } from '@app/common';
import { Canteen } from './canteen.schema';
import { CanteenView, RegisterCanteenDto } from './canteen.dto';
import { isValidWindow, toSnapshot } from './domain/canteen-snapshot';

@Injectable()
export class CanteensService {
  constructor(
    @InjectModel(Canteen.name) private readonly canteens: Model<Canteen>,
    private readonly events: EventFactory,
  ) {}

  async register(dto: RegisterCanteenDto, by: Caller): Promise<CanteenView> {
    if (!isValidWindow(dto.receivingWindow)) {
      throw new DomainError(
        'CANTEEN.INVALID_WINDOW',
        'receivingWindow.from must be before receivingWindow.to',
        'invalid',
        [{ field: 'receivingWindow', reason: 'from must be before to' }],
      );
    }
    const canteen = {
      _id: randomUUID(),
      ...dto,
      mealWindows: [],
      active: true,
      registeredBy: by.sub,
    };
    const event = this.events.create('orders.canteen.registered', canteen._id, toSnapshot(canteen));
    await this.canteens.create(newWithEvents(canteen, [event]));
    return toView(canteen);
  }

  async list(caller: Caller): Promise<CanteenView[]> {
    const found = await this.canteens.find(idScope(caller)).sort({ name: 1 }).lean().exec();
    return found.map(toView);
  }

  async get(id: string, caller: Caller): Promise<CanteenView> {
    const { canteenId } = canteenScope(caller);
    const found = canteenId && canteenId !== id ? null : await this.canteens.findById(id).lean().exec();
    if (!found) throw DomainError.notFound('canteen', id);
    return toView(found);
  }
}

/** A canteen token sees only its own canteen record. */
function idScope(caller: Caller): { _id?: string } {
  const { canteenId } = canteenScope(caller);
  return canteenId ? { _id: canteenId } : {};
}

function toView(
  c: Pick<Canteen, '_id' | 'name' | 'address' | 'contact' | 'receivingWindow' | 'active'>,
): CanteenView {
  return {
    id: c._id,
    name: c.name,
    address: c.address,
    contact: c.contact,
    receivingWindow: c.receivingWindow,
    active: c.active,
  };
}
