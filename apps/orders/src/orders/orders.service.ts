import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  canteenScope,
  scopedFilter,
  Clock,
  DomainError,
  EventFactory,
  newWithEvents,
  withEvents,
} from '@app/common';
import type {
  DeliveryCompleted,
  DeliveryDispatched,
  EventEnvelope,
  ExchangeApproved,
  ReservationBackordered,
  ReservationConfirmed,
} from '@app/common';
import { isoWeekOf } from '@app/common/clock/business-time';
import { CanteensService } from '../canteens/canteens.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { MenusService } from '../menus/menus.service';
import { assertSameRequest, requestFingerprint } from './domain/idempotency';
import type { Order, OrderStatus } from './domain/order';
import type { OrderEvent } from './domain/order-events';
import {
  backorder,
  cancelOrder,
  changeOrder,
  confirmReservation,
  markDispatched,
  placeOrder,
  recordDelivery,
  type Transition,
} from './domain/order-lifecycle';
import {
  menuWeeksOf,
  priceOrder,
  pricingWeekOf,
  type OrderRequest,
  type PricedOrder,
} from './domain/order-placement';
import { replacementFor } from './domain/replacement-order';
import { OrderRequestDto, OrderView } from './order.dto';
import { OrderDocument } from './order.schema';
import { toOrderView } from './order-view.mapper';

const IDEMPOTENCY_KEY = /^[\w.:-]{8,100}$/;

/** Optional order fields: removed from the document when a change clears them. */
const OPTIONAL_FIELDS = [
  'requestedTime',
  'needBy',
  'mealStartsAt',
  'replacementFor',
  'confirmedAt',
  'dispatchedAt',
  'cancelledAt',
  'delivery',
] as const;

@Injectable()
export class OrdersService {
  constructor(
    @InjectModel(OrderDocument.name) private readonly orders: Model<OrderDocument>,
    private readonly canteens: CanteensService,
    private readonly menus: MenusService,
    private readonly catalogue: CatalogueService,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** R-ORD-1, R-ORD-5: places an order once per Idempotency-Key. */
  async place(
    dto: OrderRequestDto,
    idempotencyKey: string | undefined,
    caller: Caller,
  ): Promise<OrderView> {
    const canteenId = ownCanteen(caller);
    const key = checkedKey(idempotencyKey);
    const request = toRequest(dto);
    const fingerprint = requestFingerprint(request);
    const existing = await this.orders.findOne({ canteenId, idempotencyKey: key }).lean().exec();
    if (existing) return this.replay(existing, request, key);

    const priced = await this.price(request, canteenId);
    const { order, events } = placeOrder(
      { orderId: randomUUID(), canteenId, priced },
      this.clock.now(),
    );
    try {
      await this.orders.create(
        newWithEvents(toDocument(order, key, fingerprint), this.envelopes(order, events)),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // The same key raced in from a retry; the first write won.
      const first = await this.orders.findOne({ canteenId, idempotencyKey: key }).lean().exec();
      if (!first) throw error;
      return this.replay(first, request, key);
    }
    return toOrderView(order);
  }

  /** R-ORD-4: replaces the order's content under a new revision, until dispatch. */
  async change(orderId: string, dto: OrderRequestDto, caller: Caller): Promise<OrderView> {
    const order = await this.load(orderId, caller);
    const pinned = new Map(
      order.lines.flatMap((l) =>
        l.dish ? [[isoWeekOf(l.dish.date), l.dish.menuId] as const] : [],
      ),
    );
    const priced = await this.price(toRequest(dto), order.canteenId, pinned);
    return toOrderView(await this.save(order, changeOrder(order, priced), 'http'));
  }

  /** R-ORD-4: cancels before dispatch; procurement releases the reservation on the event. */
  async cancel(orderId: string, caller: Caller): Promise<OrderView> {
    const order = await this.load(orderId, caller);
    return toOrderView(await this.save(order, cancelOrder(order, this.clock.now()), 'http'));
  }

  async get(orderId: string, caller: Caller): Promise<OrderView> {
    return toOrderView(await this.load(orderId, caller));
  }

  async list(
    caller: Caller,
    filter: { status?: OrderStatus; canteenId?: string },
  ): Promise<OrderView[]> {
    const docs = await this.orders
      .find(
        scopedFilter(caller, SCOPE, {
          ...(filter.canteenId ? { canteenId: filter.canteenId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        }),
      )
      .sort({ placedAt: -1 })
      .limit(500)
      .lean()
      .exec();
    return docs.map((d) => toOrderView(toDomain(d)));
  }

  // ---- reactions to other services' events (idempotent: stale or repeated facts change nothing) ----

  async onReservationConfirmed(fact: ReservationConfirmed): Promise<void> {
    await this.react(fact.orderId, (o) => confirmReservation(o, fact.revision, this.clock.now()));
  }

  async onReservationBackordered(fact: ReservationBackordered): Promise<void> {
    const missing = fact.missing.map(({ sku, quantity }) => ({ sku, quantity }));
    await this.react(fact.orderId, (o) => backorder(o, fact.revision, missing));
  }

  async onDispatched(fact: DeliveryDispatched): Promise<void> {
    await this.react(fact.orderId, (o) => markDispatched(o, new Date(fact.pickedUpAt)));
  }

  async onDeliveryCompleted(fact: DeliveryCompleted): Promise<void> {
    await this.react(fact.orderId, (o) =>
      recordDelivery(o, {
        deliveryId: fact.deliveryId,
        deliveredAt: new Date(fact.deliveredAt),
        lines: fact.lines.map(({ lineId, acceptedQuantity, rejectedQuantity }) => ({
          lineId,
          acceptedQuantity,
          rejectedQuantity,
        })),
      }),
    );
  }

  /** R-AS-6: one replacement order per approved exchange, whatever the redeliveries. */
  async onExchangeApproved(exchange: ExchangeApproved, event: EventEnvelope): Promise<void> {
    const key = `exchange:${exchange.exchangeId}`;
    if (await this.orders.exists({ canteenId: exchange.canteenId, idempotencyKey: key }).exec())
      return;
    const original = await this.findOrder(exchange.originalOrderId);
    if (!original) throw DomainError.notFound('order', exchange.originalOrderId);
    const priced = replacementFor(original, {
      ...exchange,
      needBy: new Date(exchange.needBy),
      lines: exchange.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
    });
    const { order, events } = placeOrder(
      {
        orderId: randomUUID(),
        canteenId: exchange.canteenId,
        priced,
        replacementFor: { exchangeId: exchange.exchangeId, originalOrderId: original.orderId },
      },
      this.clock.now(),
    );
    try {
      await this.orders.create(
        newWithEvents(toDocument(order, key, event.id), this.envelopes(order, events)),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** An order by id without tenant scope, for event handlers in this service. */
  async findOrder(orderId: string): Promise<Order | null> {
    const doc = await this.orders.findById(orderId).lean().exec();
    return doc ? toDomain(doc) : null;
  }

  /** Orders whose goods were accepted in [from, to), for the canteen statement. */
  async deliveredBetween(canteenId: string, from: Date, to: Date): Promise<Order[]> {
    const docs = await this.orders
      .find({ canteenId, deliveredAt: { $gte: from, $lt: to } })
      .lean()
      .exec();
    return docs.map(toDomain);
  }

  private async react(orderId: string, apply: (order: Order) => Transition | null): Promise<void> {
    const order = await this.findOrder(orderId);
    if (!order) throw DomainError.notFound('order', orderId);
    const transition = apply(order);
    if (transition) await this.save(order, transition, 'event');
  }

  private async price(
    request: OrderRequest,
    canteenId: string,
    pinnedMenus?: ReadonlyMap<string, string>,
  ): Promise<PricedOrder> {
    const now = this.clock.now();
    const [canteen, menusByWeek, ingredients, approvedPrices] = await Promise.all([
      this.canteens.orderingTermsOf(canteenId),
      this.menus.menusForOrdering(menuWeeksOf(request), pinnedMenus),
      this.catalogue.knownIngredients(request.ingredients.map((l) => l.sku)),
      this.catalogue.approvedPricesOf(pricingWeekOf(request, now)),
    ]);
    return priceOrder(request, { now, canteen, menusByWeek, ingredients, approvedPrices });
  }

  private replay(existing: OrderDocument, request: OrderRequest, key: string): OrderView {
    assertSameRequest(existing.requestFingerprint, request, key);
    return toOrderView(toDomain(existing));
  }

  private async load(orderId: string, caller: Caller): Promise<Order> {
    const doc = await this.orders
      .findOne(scopedFilter(caller, SCOPE, { _id: orderId }))
      .lean()
      .exec();
    if (!doc) throw DomainError.notFound('order', orderId);
    return toDomain(doc);
  }

  /**
   * Writes a transition and its events in one guarded single-document update: if the order moved
   * meanwhile, nothing is written — HTTP callers get 409, event handlers retry on fresh state.
   */
  private async save(
    before: Order,
    { order, events }: Transition,
    origin: 'http' | 'event',
  ): Promise<Order> {
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, ''> = {};
    for (const [field, value] of Object.entries(order)) {
      if (field !== 'orderId' && value !== undefined) $set[field] = value;
    }
    for (const field of OPTIONAL_FIELDS) if (order[field] === undefined) $unset[field] = '';
    if (order.delivery) $set.deliveredAt = order.delivery.deliveredAt;
    const result = await this.orders
      .updateOne(
        { _id: before.orderId, revision: before.revision, status: before.status },
        withEvents(
          { $set, ...(Object.keys($unset).length ? { $unset } : {}) },
          this.envelopes(order, events),
        ),
      )
      .exec();
    if (result.matchedCount === 0) {
      const message = `order ${before.orderId} changed meanwhile`;
      throw new DomainError(
        'ORDER.CONCURRENT_CHANGE',
        origin === 'http' ? `${message}; retry` : message,
        'conflict',
      );
    }
    return order;
  }

  private envelopes(order: Order, events: OrderEvent[]): EventEnvelope[] {
    return events.map((e) => this.events.create(e.type, order.orderId, e.payload));
  }
}

const SCOPE = { canteenId: 'canteenId' };

function ownCanteen(caller: Caller): string {
  const { canteenId } = canteenScope(caller);
  if (!canteenId)
    throw new DomainError('ORDER.CANTEEN_ONLY', 'only a canteen places its orders', 'forbidden');
  return canteenId;
}

function checkedKey(key: string | undefined): string {
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError(
      'ORDER.IDEMPOTENCY_KEY_REQUIRED',
      'send an Idempotency-Key header',
      'invalid',
      [{ field: 'Idempotency-Key', reason: 'required: 8–100 letters, digits, ., :, _ or -' }],
    );
  }
  return key;
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

function toRequest(dto: OrderRequestDto): OrderRequest {
  return {
    dishes: (dto.dishes ?? []).map((d) => ({ ...d })),
    ingredients: (dto.ingredients ?? []).map((l) => ({ ...l })),
    ...(dto.requestedTime ? { requestedTime: new Date(dto.requestedTime) } : {}),
    urgent: dto.urgent ?? false,
    ...(dto.needBy ? { needBy: new Date(dto.needBy) } : {}),
  };
}

function toDocument(order: Order, idempotencyKey: string, fingerprint: string): OrderDocument {
  const { orderId, ...fields } = order;
  return { _id: orderId, ...fields, idempotencyKey, requestFingerprint: fingerprint };
}

function toDomain(doc: OrderDocument): Order {
  const optional = <K extends keyof Order>(key: K, value: Order[K] | undefined) =>
    value === undefined || value === null ? {} : { [key]: value };
  return {
    orderId: doc._id,
    canteenId: doc.canteenId,
    status: doc.status,
    revision: doc.revision,
    placedAt: doc.placedAt,
    urgent: doc.urgent,
    lines: doc.lines,
    ingredientDemand: doc.ingredientDemand,
    totalFen: doc.totalFen,
    missing: doc.missing,
    ...optional('requestedTime', doc.requestedTime),
    ...optional('needBy', doc.needBy),
    ...optional('mealStartsAt', doc.mealStartsAt),
    ...optional('replacementFor', doc.replacementFor),
    ...optional('confirmedAt', doc.confirmedAt),
    ...optional('dispatchedAt', doc.dispatchedAt),
    ...optional('cancelledAt', doc.cancelledAt),
    ...optional('delivery', doc.delivery),
  };
}
