/** Test data for the aftersales integration specs: events other services would publish. */
import { newEvent, type EventType, type PayloadOf } from '@app/common';
import type { DeliveredLine, DeliveryCompleted } from '@app/common';
import { KafkaProbe, type TestService } from '@app/common/testing';
import { topicOf } from '@app/common';

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

/** Publishes an event as the named service would, on its real topic. */
export async function publish<T extends EventType>(
  probe: KafkaProbe,
  type: T,
  subject: string,
  data: PayloadOf<T>,
  at = new Date('2026-03-02T02:30:00Z'),
): Promise<void> {
  const event = newEvent(type, subject, data, at, {
    source: `/${type.split('.')[0]}`,
    correlationId: `test-${subject}`,
  });
  await probe.send(topicOf(type), subject, JSON.stringify(event));
}

export function authAs(
  service: TestService,
  role: Parameters<TestService['auth']>[0],
  claims = {},
) {
  return { Authorization: service.auth(role, claims) };
}
