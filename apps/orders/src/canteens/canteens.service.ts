import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  scopedFilter,
  Clock,
  DomainError,
  EventFactory,
  newWithEvents,
  type OutboxFields,
  withEvents,
} from '@app/common';
import type { Meal } from '@app/common';
import type { OrderingCanteen } from '../orders/domain/order-placement';
import { Canteen } from './canteen.schema';
import {
  ApproveMealWindowDto,
  CanteenView,
  RegisterCanteenDto,
  UpdateCanteenDto,
} from './canteen.dto';
import { isValidWindow, toSnapshot } from './domain/canteen-snapshot';
import {
  approveMealWindow,
  assertMarkup,
  withdrawMealWindow,
  type ApprovedMealWindow,
} from './domain/canteen-terms';

type StoredCanteen = Canteen & { updatedAt?: Date };

@Injectable()
export class CanteensService {
  constructor(
    @InjectModel(Canteen.name) private readonly canteens: Model<Canteen>,
    private readonly events: EventFactory,
    private readonly clock: Clock,
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
    assertMarkup(dto.markupBp ?? 0);
    const canteen = {
      _id: randomUUID(),
      ...dto,
      markupBp: dto.markupBp ?? 0,
      mealWindows: [],
      active: true,
      registeredBy: by.sub,
    };
    const event = this.events.create('orders.canteen.registered', canteen._id, toSnapshot(canteen));
    await this.canteens.create(newWithEvents(canteen, [event]));
    return toView(canteen);
  }

  async list(caller: Caller): Promise<CanteenView[]> {
    const found = await this.canteens
      .find(scopedFilter(caller, SCOPE, {}))
      .sort({ name: 1 })
      .lean()
      .exec();
    return found.map(toView);
  }

  async get(id: string, caller: Caller): Promise<CanteenView> {
    return toView(await this.load(id, caller));
  }

  async updateDetails(id: string, dto: UpdateCanteenDto, by: Caller): Promise<CanteenView> {
    if (dto.receivingWindow && !isValidWindow(dto.receivingWindow)) {
      throw new DomainError(
        'CANTEEN.INVALID_WINDOW',
        'receivingWindow.from must be before receivingWindow.to',
        'invalid',
        [{ field: 'receivingWindow', reason: 'from must be before to' }],
      );
    }
    const sent = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    return this.update(id, by, () => sent);
  }

  /** R-MENU-3: only an ops-manager approves a meal-time exception (enforced by the controller's role). */
  async approveMealWindow(
    id: string,
    meal: Meal,
    dto: ApproveMealWindowDto,
    by: Caller,
  ): Promise<CanteenView> {
    return this.update(id, by, (c) => ({
      mealWindows: approveMealWindow(
        c.mealWindows,
        meal,
        { from: dto.from, to: dto.to },
        by.sub,
        this.clock.now(),
      ),
    }));
  }

  async withdrawMealWindow(id: string, meal: Meal, by: Caller): Promise<CanteenView> {
    return this.update(id, by, (c) => ({ mealWindows: withdrawMealWindow(c.mealWindows, meal) }));
  }

  async setMarkup(id: string, markupBp: number, by: Caller): Promise<CanteenView> {
    assertMarkup(markupBp);
    return this.update(id, by, () => ({ markupBp }));
  }

  /** What ordering needs to know about a canteen. */
  async orderingTermsOf(canteenId: string): Promise<OrderingCanteen> {
    const c = await this.canteens.findById(canteenId).lean().exec();
    if (!c) throw DomainError.notFound('canteen', canteenId);
    return {
      canteenId: c._id,
      active: c.active,
      markupBp: c.markupBp ?? 0,
      mealWindows: c.mealWindows,
    };
  }

  private async load(id: string, caller: Caller): Promise<StoredCanteen> {
    const found = await this.canteens
      .findOne(scopedFilter(caller, SCOPE, { _id: id }))
      .lean()
      .exec();
    if (!found) throw DomainError.notFound('canteen', id);
    return found;
  }

  /**
   * Applies a change and stages the full snapshot in the same write. The write is guarded by the
   * `updatedAt` read, so a concurrent change is reported instead of silently overwritten.
   */
  private async update(
    id: string,
    caller: Caller,
    change: (
      c: StoredCanteen,
    ) => Partial<Omit<Canteen, '_id' | 'registeredBy' | keyof OutboxFields>>,
  ): Promise<CanteenView> {
    const current = await this.load(id, caller);
    const changes = change(current);
    const next: StoredCanteen = { ...current, ...changes };
    const event = this.events.create('orders.canteen.updated', id, toSnapshot(next));
    const result = await this.canteens
      .updateOne({ _id: id, updatedAt: current.updatedAt }, withEvents({ $set: changes }, [event]))
      .exec();
    if (result.matchedCount === 0) {
      throw new DomainError(
        'CANTEEN.CONCURRENT_CHANGE',
        `canteen ${id} changed meanwhile; retry`,
        'conflict',
      );
    }
    return toView(next);
  }
}

/** A canteen token sees only its own canteen record: its canteenId is the record's `_id`. */
const SCOPE = { canteenId: '_id' };

function toView(
  c: Pick<
    Canteen,
    | '_id'
    | 'name'
    | 'address'
    | 'contact'
    | 'receivingWindow'
    | 'active'
    | 'markupBp'
    | 'mealWindows'
    | 'webhookUrl'
  >,
): CanteenView {
  return {
    id: c._id,
    name: c.name,
    address: c.address,
    contact: c.contact,
    receivingWindow: c.receivingWindow,
    active: c.active,
    markupBp: c.markupBp ?? 0,
    mealWindows: (c.mealWindows ?? []).map((w: ApprovedMealWindow) => ({
      meal: w.meal,
      window: w.window,
      approvedBy: w.approvedBy,
      approvedAt: new Date(w.approvedAt).toISOString(),
    })),
    ...(c.webhookUrl ? { webhookUrl: c.webhookUrl } : {}),
  };
}
