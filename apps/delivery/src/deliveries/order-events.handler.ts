import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Clock,
  OnEvent,
  StateGuarded,
  type OrderCancelled,
  type OrderChanged,
  type OrderConfirmed,
  type OrderFacts,
} from '@app/common';
import { CanteenCopiesService } from '../canteens/canteen-copies.service';
import { DeliveryRepository, type StoredDelivery } from './delivery.repository';
import type { Transition } from './domain/delivery-events';
import { applyOrderChange, cancel, scheduleDelivery } from './domain/delivery-lifecycle';
import type { OrderFactsInput } from './domain/order-facts';
import { SlaPolicyProvider } from './sla-policy';

const MAX_WRITE_ATTEMPTS = 5;

/**
 * The orders service's order events. Each is applied idempotently: one delivery per order
 * (unique orderId), older revisions ignored, and a redelivered event finds nothing to change.
 */
@Injectable()
export class OrderEventsHandler {
  private readonly logger = new Logger(OrderEventsHandler.name);

  constructor(
    private readonly repository: DeliveryRepository,
    private readonly canteens: CanteenCopiesService,
    private readonly sla: SlaPolicyProvider,
    private readonly clock: Clock,
  ) {}

  /** R-DEL-1: every confirmed order, replacement orders included, gets a delivery. */
  @OnEvent('orders.order.confirmed')
  @StateGuarded()
  async onConfirmed(order: OrderConfirmed): Promise<void> {
    if (!(await this.repository.findByOrder(order.orderId))) {
      const destination = await this.canteens.destinationOf(order.canteenId);
      const created = scheduleDelivery(
        randomUUID(),
        { ...toInput(order), confirmedAt: new Date(order.confirmedAt) },
        destination,
        this.sla.policy,
      );
      if (await this.repository.insert(created)) return;
    }
    // Confirmed again after a change: newer facts update the delivery like a change does.
    await this.onChanged(order);
  }

  @OnEvent('orders.order.changed')
  async onChanged(order: OrderChanged): Promise<void> {
    await this.update(order.orderId, (d) => {
      const result = applyOrderChange(d, toInput(order), this.sla.policy);
      if (result.outcome === 'applied') return result;
      if (result.outcome === 'already-dispatched') {
        this.logger.warn(
          `order ${order.orderId} changed after dispatch; delivery kept as picked up`,
        );
      }
      return null;
    });
  }

  /** R-ORD-4: cancelling an order before dispatch cancels its delivery. */
  @OnEvent('orders.order.cancelled')
  async onCancelled(event: OrderCancelled): Promise<void> {
    await this.update(event.orderId, (d) => {
      if (d.status === 'cancelled') return null;
      if (d.status !== 'scheduled' && d.status !== 'assigned') {
        this.logger.warn(`order ${event.orderId} cancelled after dispatch; delivery continues`);
        return null;
      }
      return cancel(d, new Date(event.cancelledAt));
    });
  }

  private async update(
    orderId: string,
    decide: (d: StoredDelivery['delivery']) => Transition | null,
  ): Promise<void> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const stored = await this.repository.findByOrder(orderId);
      if (!stored) return; // no delivery before confirmation: nothing to change
      const transition = decide(stored.delivery);
      if (!transition) return;
      if ((await this.repository.save(stored, transition)).saved) return;
    }
    // Thrown so the consumer retries, then dead-letters: never silently dropped.
    throw new Error(
      `delivery of order ${orderId} kept changing at ${this.clock.now().toISOString()}`,
    );
  }
}

function toInput(order: OrderFacts): OrderFactsInput {
  return {
    orderId: order.orderId,
    canteenId: order.canteenId,
    revision: order.revision,
    urgent: order.urgent,
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      kind: l.kind,
      itemId: l.itemId,
      name: l.name,
      quantity: l.quantity,
      unit: l.unit,
      ...(l.notes ? { notes: l.notes } : {}),
    })),
    ...(order.requestedTime ? { requestedTime: new Date(order.requestedTime) } : {}),
    ...(order.needBy ? { needBy: new Date(order.needBy) } : {}),
    ...(order.mealStartsAt ? { mealStartsAt: new Date(order.mealStartsAt) } : {}),
    ...(order.replacementForExchangeId
      ? { replacementForExchangeId: order.replacementForExchangeId }
      : {}),
  };
}
