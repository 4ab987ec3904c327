import {
  anOrder,
  anOrderRequest,
  aPlacementContext,
  MONDAY_10_00,
  NOW,
} from '../../testing/domain-factories';
import { priceOrder } from './order-placement';
import {
  backorder,
  cancelOrder,
  changeOrder,
  confirmReservation,
  markDispatched,
  placeOrder,
  recordDelivery,
} from './order-lifecycle';

const LATER = new Date('2026-12-03T03:00:00Z');
const MISSING = [{ sku: 'PORK-BELLY', quantity: 2000 }];

describe('order lifecycle', () => {
  it('R-ORD-2: placing emits the facts with the expanded ingredient demand, revision 1', () => {
    const priced = priceOrder(anOrderRequest(), aPlacementContext());
    const { order, events } = placeOrder({ orderId: 'o-1', canteenId: 'canteen-1', priced }, NOW);
    expect(order).toMatchObject({ status: 'placed', revision: 1, totalFen: 62_500 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'orders.order.placed',
      payload: {
        orderId: 'o-1',
        canteenId: 'canteen-1',
        placedAt: NOW.toISOString(),
        requestedTime: MONDAY_10_00.toISOString(),
        mealStartsAt: '2026-12-07T03:30:00.000Z',
        urgent: false,
        revision: 1,
        ingredientDemand: [
          { sku: 'PORK-BELLY', quantity: 6000 },
          { sku: 'RICE', quantity: 5000 },
          { sku: 'SOY-SAUCE', quantity: 400 },
        ],
      },
    });
    expect(events[0].payload).not.toHaveProperty('needBy');
  });

  it('R-ORD-2: a confirmed reservation confirms the order', () => {
    const t = confirmReservation(anOrder(), 1, LATER)!;
    expect(t.order).toMatchObject({ status: 'confirmed', confirmedAt: LATER });
    expect(t.events[0]).toMatchObject({
      type: 'orders.order.confirmed',
      payload: { orderId: 'order-1', confirmedAt: LATER.toISOString(), revision: 1 },
    });
  });

  it('R-ORD-2: a shortage backorders the order with the missing quantities', () => {
    const t = backorder(anOrder(), 1, MISSING)!;
    expect(t.order).toMatchObject({ status: 'backordered', missing: MISSING });
    expect(t.events).toEqual([
      {
        type: 'orders.order.backordered',
        payload: { orderId: 'order-1', canteenId: 'canteen-1', missing: MISSING },
      },
    ]);
  });

  it('R-ORD-2: a backordered order is confirmed once the stock arrives', () => {
    const backordered = backorder(anOrder(), 1, MISSING)!.order;
    const t = confirmReservation(backordered, 1, LATER)!;
    expect(t.order).toMatchObject({ status: 'confirmed', missing: [] });
    expect(t.events[0].type).toBe('orders.order.confirmed');
  });

  it('R-ORD-2: answers for an older revision, or repeated ones, change nothing', () => {
    const changed = changeOrder(anOrder(), priceOrder(anOrderRequest(), aPlacementContext())).order;
    expect(changed.revision).toBe(2);
    expect(confirmReservation(changed, 1, LATER)).toBeNull();
    expect(backorder(changed, 1, MISSING)).toBeNull();
    const confirmed = confirmReservation(changed, 2, LATER)!.order;
    expect(confirmReservation(confirmed, 2, LATER)).toBeNull();
    expect(backorder(confirmed, 2, MISSING)).toBeNull();
  });

  it('R-ORD-4: a change bumps the revision, re-prices, and waits for a new reservation', () => {
    const confirmed = confirmReservation(anOrder(), 1, LATER)!.order;
    const priced = priceOrder(
      anOrderRequest({ ingredients: [{ sku: 'EGG', quantity: 10 }] }),
      aPlacementContext(),
    );
    const t = changeOrder(confirmed, priced);
    expect(t.order).toMatchObject({ status: 'placed', revision: 2, totalFen: 60_800 });
    expect(t.order.confirmedAt).toBeUndefined();
    expect(t.events[0]).toMatchObject({
      type: 'orders.order.changed',
      payload: {
        revision: 2,
        ingredientDemand: expect.arrayContaining([{ sku: 'EGG', quantity: 10 }]),
      },
    });
  });

  it('R-ORD-4: cancelling before dispatch emits the cancellation so the reservation is released', () => {
    const t = cancelOrder(backorder(anOrder(), 1, MISSING)!.order, LATER);
    expect(t.order).toMatchObject({ status: 'cancelled', cancelledAt: LATER });
    expect(t.events).toEqual([
      {
        type: 'orders.order.cancelled',
        payload: { orderId: 'order-1', canteenId: 'canteen-1', cancelledAt: LATER.toISOString() },
      },
    ]);
  });

  it('R-ORD-4: once dispatched, an order can be neither changed nor cancelled', () => {
    const dispatched = markDispatched(confirmReservation(anOrder(), 1, LATER)!.order, LATER)!.order;
    expect(dispatched.status).toBe('dispatched');
    const priced = priceOrder(anOrderRequest(), aPlacementContext());
    expect(() => changeOrder(dispatched, priced)).toThrow(
      expect.objectContaining({ code: 'ORDER.NOT_CHANGEABLE', kind: 'conflict' }),
    );
    expect(() => cancelOrder(dispatched, LATER)).toThrow(
      expect.objectContaining({ code: 'ORDER.NOT_CHANGEABLE' }),
    );
  });

  it('R-ORD-4: a cancelled order cannot be cancelled again, nor dispatched', () => {
    const cancelled = cancelOrder(anOrder(), LATER).order;
    expect(() => cancelOrder(cancelled, LATER)).toThrow(
      expect.objectContaining({ code: 'ORDER.NOT_CHANGEABLE' }),
    );
    expect(markDispatched(cancelled, LATER)).toBeNull();
  });

  it('R-DEL-3: every line accepted in full makes the order delivered, billed at its prices', () => {
    const dispatched = markDispatched(anOrder({ status: 'confirmed' }), LATER)!.order;
    const t = recordDelivery(dispatched, {
      deliveryId: 'd-1',
      deliveredAt: MONDAY_10_00,
      lines: [
        { lineId: 'L1', acceptedQuantity: 40, rejectedQuantity: 0 },
        { lineId: 'L2', acceptedQuantity: 5000, rejectedQuantity: 0 },
      ],
    })!;
    expect(t.order.status).toBe('delivered');
    expect(t.order.delivery?.acceptedAmountFen).toBe(62_500);
  });

  it('R-DEL-3: a rejected quantity makes the order partially delivered, billing only what was accepted', () => {
    const dispatched = markDispatched(anOrder({ status: 'confirmed' }), LATER)!.order;
    const t = recordDelivery(dispatched, {
      deliveryId: 'd-1',
      deliveredAt: MONDAY_10_00,
      lines: [
        { lineId: 'L1', acceptedQuantity: 38, rejectedQuantity: 2 },
        { lineId: 'L2', acceptedQuantity: 5000, rejectedQuantity: 0 },
      ],
    })!;
    expect(t.order.status).toBe('partially-delivered');
    expect(t.order.delivery?.acceptedAmountFen).toBe(38 * 1500 + 2500);
    expect(
      recordDelivery(t.order, { deliveryId: 'd-1', deliveredAt: MONDAY_10_00, lines: [] }),
    ).toBeNull();
  });

  it('R-ORD-4: a delivery report for a cancelled order changes nothing', () => {
    const cancelled = cancelOrder(anOrder(), LATER).order;
    expect(
      recordDelivery(cancelled, { deliveryId: 'd-1', deliveredAt: MONDAY_10_00, lines: [] }),
    ).toBeNull();
  });

  it('R-ORD-4: dispatch is taken from delivery even before procurement answered', () => {
    expect(markDispatched(anOrder(), LATER)?.order).toMatchObject({
      status: 'dispatched',
      dispatchedAt: LATER,
    });
    const delivered = recordDelivery(markDispatched(anOrder(), LATER)!.order, {
      deliveryId: 'd-1',
      deliveredAt: MONDAY_10_00,
      lines: [],
    })!.order;
    expect(markDispatched(delivered, LATER)).toBeNull();
  });
});
