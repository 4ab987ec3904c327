/**
 * R-DEL-5, R-DEL-6: who is told what. At risk and breach go to the project manager and the
 * canteen ("如果不能按时运达,项目负责人会及时通知客户" (002)); a new delivery time after force
 * majeure goes to both as well, so the promise in writing matches the system.
 */
import { shanghaiDate, toShanghai } from '@app/common/clock/business-time';

export const NOTIFICATION_KINDS = ['at-risk', 'breach', 'new-time'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const RECIPIENTS = ['project-manager', 'canteen'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export interface NotificationDraft {
  kind: NotificationKind;
  recipient: Recipient;
  deliveryId: string;
  orderId: string;
  canteenId: string;
  message: string;
}

/** The delivery events that notify people, reduced to what the message needs. */
export type NotifiableEvent =
  | {
      type: 'delivery.delivery.at-risk';
      payload: DeliveryFacts & { reason: 'not-dispatched' | 'on-the-road' };
    }
  | { type: 'delivery.delivery.breached'; payload: DeliveryFacts }
  | {
      type: 'delivery.delivery.breach-waived';
      payload: DeliveryFacts & { cause: string; newDeadline: string };
    };

interface DeliveryFacts {
  deliveryId: string;
  orderId: string;
  canteenId: string;
  deadline: string;
}

/** `2026-01-05 10:00` in the business calendar, the way people on the phone say it. */
export function localTime(iso: string): string {
  const instant = new Date(iso);
  const t = toShanghai(instant);
  const hh = String(t.hour).padStart(2, '0');
  const mm = String(t.minute).padStart(2, '0');
  return `${shanghaiDate(instant)} ${hh}:${mm}`;
}

function describe(event: NotifiableEvent): { kind: NotificationKind; message: string } {
  const p = event.payload;
  const order = `order ${p.orderId} (delivery ${p.deliveryId})`;
  switch (event.type) {
    case 'delivery.delivery.at-risk': {
      const why =
        event.payload.reason === 'not-dispatched'
          ? 'has not left the kitchen yet'
          : 'is still on the road';
      return {
        kind: 'at-risk',
        message: `Delivery at risk: ${order} ${why}; due ${localTime(p.deadline)} (Asia/Shanghai).`,
      };
    }
    case 'delivery.delivery.breached':
      return {
        kind: 'breach',
        message: `Delivery late: ${order} was due ${localTime(p.deadline)} (Asia/Shanghai).`,
      };
    case 'delivery.delivery.breach-waived':
      return {
        kind: 'new-time',
        message: `New delivery time for ${order}: ${localTime(event.payload.newDeadline)} (Asia/Shanghai), because of ${event.payload.cause}.`,
      };
  }
}

export function notificationsFor(event: NotifiableEvent): NotificationDraft[] {
  const { kind, message } = describe(event);
  return RECIPIENTS.map((recipient) => ({
    kind,
    recipient,
    deliveryId: event.payload.deliveryId,
    orderId: event.payload.orderId,
    canteenId: event.payload.canteenId,
    message,
  }));
}
