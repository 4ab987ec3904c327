import type { ClaimsService, EventFactory } from '@app/common';
import type { Model } from 'mongoose';
import { REQUESTED_TIME, anAssignedDelivery, at } from '../testing/delivery-factories';
import { DeliveryRepository, type StoredDelivery } from './delivery.repository';
import type { DeliveryRecord } from './delivery.schema';
import { fireDueTimers } from './domain/sla-timers';

type Update = { $set: Record<string, unknown>; $inc: Record<string, number> };

/** A claims store shared by "instances", and a model that records the updates it receives. */
function aRepository(options: { claimsHeld?: Set<string>; versionMatches?: boolean } = {}) {
  const held = options.claimsHeld ?? new Set<string>();
  const released: string[] = [];
  const updates: Update[] = [];
  const claims = {
    claim: async (key: string) => (held.has(key) ? false : (held.add(key), true)),
    release: async (key: string) => {
      held.delete(key);
      released.push(key);
    },
  } as unknown as ClaimsService;
  const model = {
    updateOne: (_filter: object, update: Update) => ({
      exec: async () => {
        updates.push(update);
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
  return { repository: new DeliveryRepository(model, events, claims), held, released, updates };
}

const afterDeadline = at(REQUESTED_TIME, 60_000);
const stored: StoredDelivery = { delivery: anAssignedDelivery(), version: 3 };

describe('DeliveryRepository.save', () => {
  it('R-DEL-5: the instance that claims the breach writes it with its event, changed fields only', async () => {
    const { repository, updates } = aRepository();
    const result = await repository.save(
      stored,
      fireDueTimers(stored.delivery, afterDeadline),
      afterDeadline,
    );
    expect(result.saved).toBe(true);
    expect(result.events.map((e) => e.type)).toEqual(['delivery.delivery.breached']);
    const set = updates[0].$set;
    expect(Object.keys(set).filter((k) => !k.startsWith('outbox'))).toEqual([
      'atRiskDueAt',
      'breachDueAt',
      'breaches',
    ]);
    expect(updates[0].$inc).toEqual({ version: 1, outboxSeq: 1 });
  });

  it('R-DEL-5: a breach another instance claimed is neither emitted nor cleared here', async () => {
    const shared = new Set<string>();
    await aRepository({ claimsHeld: shared }).repository.save(
      stored,
      fireDueTimers(stored.delivery, afterDeadline),
      afterDeadline,
    );
    const loser = aRepository({ claimsHeld: shared });
    const onlyBreachDue = { ...stored, delivery: { ...stored.delivery, atRiskDueAt: null } };
    const result = await loser.repository.save(
      onlyBreachDue,
      fireDueTimers(onlyBreachDue.delivery, afterDeadline),
      afterDeadline,
    );
    expect(result.events).toEqual([]);
    expect(result.delivery.breachDueAt).toEqual(REQUESTED_TIME);
    expect(loser.updates).toEqual([]);
  });

  it('R-DEL-5: a claim whose write lost the version race is given back for the next sweep', async () => {
    const { repository, held, released } = aRepository({ versionMatches: false });
    const result = await repository.save(
      stored,
      fireDueTimers(stored.delivery, afterDeadline),
      afterDeadline,
    );
    expect(result.saved).toBe(false);
    expect(released).toHaveLength(1);
    expect(held.size).toBe(0);
  });
});
