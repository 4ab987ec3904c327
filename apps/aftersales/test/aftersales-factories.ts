/** Test data for the aftersales integration specs: events other services would publish. */
import type { DeliveredLine, DeliveryCompleted } from '@app/common';
import type { TestService } from '@app/common/testing';

/** When the events the specs publish (`KafkaProbe.publish`) happened. */
export const PUBLISHED_AT = new Date('2026-03-02T02:30:00Z');

export function aDeliveredLine(overrides: Partial<DeliveredLine> = {}): DeliveredLine {
  return {
    lineId: 'line-1',
    kind: 'dish',
    itemId: 'dish-braised-pork',
    name: '红烧肉',
    orderedQuantity: 20,
    acceptedQuantity: 20,
    rejectedQuantity: 0,
    ...overrides,
  };
}

export function aCompletedDelivery(overrides: Partial<DeliveryCompleted> = {}): DeliveryCompleted {
  return {
    deliveryId: 'del-1',
    orderId: 'order-1',
    canteenId: 'canteenId-1',
    deadline: '2026-03-02T03:00:00.000Z',
    driverId: 'driver-3',
    deliveredAt: '2026-03-02T02:30:00.000Z',
    onTime: true,
    receiverName: '李师傅',
    lines: [aDeliveredLine()],
    ...overrides,
  };
}

export function authAs(
  service: TestService,
  role: Parameters<TestService['auth']>[0],
  claims = {},
) {
  return { Authorization: service.auth(role, claims) };
}

/** The canteens' copies as orders' registration events would have left them (complaints need one). */
export async function seedCanteenCopies(svc: TestService, ids: string[]): Promise<void> {
  await svc.connection.collection('canteens').insertMany(
    ids.map((id) => ({
      _id: id as never,
      name: `canteen ${id}`,
      contact: { name: '王经理', phone: '13800000000' },
      active: true,
      sourceTime: PUBLISHED_AT,
    })),
  );
}
