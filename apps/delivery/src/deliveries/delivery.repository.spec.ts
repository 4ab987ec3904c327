import type { EventFactory } from '@app/common';
import type { Model } from 'mongoose';
import { REQUESTED_TIME, anAssignedDelivery, at } from '../testing/delivery-factories';
import { DeliveryRepository, type StoredDelivery } from './delivery.repository';
import type { DeliveryRecord } from './delivery.schema';
import type { SlaTimersRepository } from './sla-timers.repository';
import { fireDueTimers } from './domain/sla-timers';

type Update = { $set: Record<string, unknown>; $inc: Record<string, number> };

/** A model that records the guarded updates it receives and answers whether the version matched. */
function aRepository(options: { versionMatches?: boolean } = {}) {
  const updates: { filter: object; update: Update }[] = [];
  const model = {
    updateOne: (filter: object, update: Update) => ({
      exec: async () => {
        updates.push({ filter, update });
        return { matchedCount: options.versionMatches === false ? 0 : 1 };
      },
    }),
  } as unknown as Model<DeliveryRecord>;
  const events = {
    create: (type: string, subject: string, data: unknown) => ({
      id: `${type}:${subject}`,
      type,
      subject,
      data,
    }),
  } as unknown as EventFactory;
  const timerCalls: string[] = [];
  const timers = {
    expect: async (_d: unknown, version: number) => void timerCalls.push(`expect@${version}`),
    settle: async (_d: unknown, version: number) => void timerCalls.push(`settle@${version}`),
  } as unknown as SlaTimersRepository;
  return { repository: new DeliveryRepository(model, events, timers), updates, timerCalls };
}

const afterDeadline = at(REQUESTED_TIME, 60_000);
const stored: StoredDelivery = { delivery: anAssignedDelivery(), version: 3 };

describe('DeliveryRepository.save', () => {
  it('R-DEL-5: a breach is written with its event, guarded by the version read, changed fields only', async () => {
    const { repository, updates, timerCalls } = aRepository();
    const result = await repository.save(stored, fireDueTimers(stored.delivery, afterDeadline));
    expect(result.saved).toBe(true);
    expect(result.events.map((e) => e.type)).toEqual(['delivery.delivery.breached']);
    expect(updates[0].filter).toEqual({ _id: stored.delivery.deliveryId, version: 3 });
    const set = updates[0].update.$set;
    expect(Object.keys(set).filter((k) => !k.startsWith('outbox'))).toEqual([
      'atRiskDueAt',
      'breachDueAt',
      'breaches',
    ]);
    expect(updates[0].update.$inc).toEqual({ version: 1, outboxSeq: 1 });
    expect(timerCalls).toEqual(['expect@4', 'settle@4']);
  });

  it('R-DEL-5: a write that lost the version race reports it, so the caller re-reads', async () => {
    const { repository, timerCalls } = aRepository({ versionMatches: false });
    const result = await repository.save(stored, fireDueTimers(stored.delivery, afterDeadline));
    expect(result.saved).toBe(false);
    expect(timerCalls).toEqual(['expect@4']);
  });
});
