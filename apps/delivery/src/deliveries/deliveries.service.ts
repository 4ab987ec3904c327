import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import { addDays, Caller, Clock, DomainError, scopedFilter, startOfShanghaiDay } from '@app/common';
import { DriversService } from '../drivers/drivers.service';
import { SlaPolicyProvider } from './sla-policy';
import {
  AssignDriverDto,
  DeliverDto,
  DriverStepDto,
  DeliveryQueryDto,
  DeliveryView,
  ForceMajeureDto,
} from './delivery.dto';
import { DeliveryRecord } from './delivery.schema';
import { DELIVERY_SCOPE, DeliveryRepository } from './delivery.repository';
import type { Actor, Delivery } from './domain/delivery';
import type { Transition } from './domain/delivery-events';
import { arrive, assignDriver, deliver, depart, pickUp } from './domain/delivery-lifecycle';
import { recordForceMajeure } from './domain/force-majeure';
import { ProofImagesService } from './proof-images/proof-images.service';

/** Concurrent writers are rare (a sweep, an event, a click); a few re-reads settle them. */
const MAX_WRITE_ATTEMPTS = 5;
/** A delivery has four driver steps; a few more keys leave room for retried refusals. */
const MAX_COMMAND_KEYS = 20;

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly repository: DeliveryRepository,
    private readonly drivers: DriversService,
    private readonly clock: Clock,
    private readonly sla: SlaPolicyProvider,
    private readonly images: ProofImagesService,
  ) {}

  async assign(id: string, dto: AssignDriverDto, caller: Caller): Promise<DeliveryView> {
    const driver = await this.drivers.find(dto.driverId);
    if (!driver) {
      throw new DomainError(
        'DELIVERY.UNKNOWN_DRIVER',
        `no driver ${dto.driverId}`,
        'unprocessable',
        [{ field: 'driverId', reason: 'not a registered driver' }],
      );
    }
    const agreedServiceEnd = dto.agreedServiceEnd ? new Date(dto.agreedServiceEnd) : undefined;
    return this.execute(id, caller, (d, now) =>
      assignDriver(
        d,
        { driver: { driverId: driver.id, active: driver.active }, agreedServiceEnd },
        actorOf(caller),
        now,
      ),
    );
  }

  pickUp(id: string, dto: DriverStepDto, caller: Caller, key?: string): Promise<DeliveryView> {
    const recordedAt = dto.recordedAt ? new Date(dto.recordedAt) : undefined;
    return this.execute(id, caller, (d, now) => pickUp(d, actorOf(caller), now, recordedAt), {
      key,
      step: 'pickup',
      request: dto,
    });
  }

  arrive(id: string, dto: DriverStepDto, caller: Caller, key?: string): Promise<DeliveryView> {
    const recordedAt = dto.recordedAt ? new Date(dto.recordedAt) : undefined;
    return this.execute(id, caller, (d, now) => arrive(d, actorOf(caller), now, recordedAt), {
      key,
      step: 'check-in',
      request: dto,
    });
  }

  async deliver(id: string, dto: DeliverDto, caller: Caller, key?: string): Promise<DeliveryView> {
    // Load first: someone else's delivery is not found before anything about its images is said.
    const { delivery } = await this.repository.load(id, caller);
    const replay = replayed(delivery, key, 'delivered', dto);
    if (replay) return replay;
    await this.images.checkReferences(id, [dto.proof?.signatureRef, dto.proof?.photoRef]);
    const proof = dto.proof && { ...dto.proof, receivedAt: new Date(dto.proof.receivedAt) };
    const recordedAt = dto.recordedAt ? new Date(dto.recordedAt) : undefined;
    return this.execute(
      id,
      caller,
      (d, now) => deliver(d, { lines: dto.lines, proof, recordedAt }, actorOf(caller), now),
      { key, step: 'delivered', request: dto },
    );
  }

  depart(id: string, dto: DriverStepDto, caller: Caller, key?: string): Promise<DeliveryView> {
    const recordedAt = dto.recordedAt ? new Date(dto.recordedAt) : undefined;
    return this.execute(id, caller, (d, now) => depart(d, actorOf(caller), now, recordedAt), {
      key,
      step: 'check-out',
      request: dto,
    });
  }

  recordForceMajeure(id: string, dto: ForceMajeureDto, caller: Caller): Promise<DeliveryView> {
    const command = {
      ...dto,
      occurredAt: new Date(dto.occurredAt),
      canteenNotifiedAt: dto.canteenNotifiedAt ? new Date(dto.canteenNotifiedAt) : undefined,
      newDeliveryTime: new Date(dto.newDeliveryTime),
    };
    return this.execute(id, caller, (d, now) =>
      recordForceMajeure(d, command, actorOf(caller), now, this.sla.policy),
    );
  }

  async get(id: string, caller: Caller): Promise<DeliveryView> {
    return toView((await this.repository.load(id, caller)).delivery);
  }

  async list(query: DeliveryQueryDto, caller: Caller): Promise<DeliveryView[]> {
    const filter: FilterQuery<DeliveryRecord> = pick(query, [
      'status',
      'canteenId',
      'driverId',
      'orderId',
    ]);
    if (query.from || query.to) {
      filter.deadline = {
        ...(query.from ? { $gte: startOfShanghaiDay(query.from) } : {}),
        ...(query.to ? { $lt: startOfShanghaiDay(addDays(query.to, 1)) } : {}),
      };
    }
    const found = await this.repository.find(scopedFilter(caller, DELIVERY_SCOPE, filter));
    return found.map((s) => toView(s.delivery));
  }

  /** Load, decide, write with the version read; on a lost race, decide again on fresh state. */
  private async execute(
    id: string,
    caller: Caller,
    decide: (delivery: Delivery, now: Date) => Transition,
    command?: { key?: string; step: string; request?: unknown },
  ): Promise<DeliveryView> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const stored = await this.repository.load(id, caller);
      const replay =
        command && replayed(stored.delivery, command.key, command.step, command.request);
      if (replay) return replay;
      const transition = decide(stored.delivery, this.clock.now());
      if (command?.key) {
        // The key is written with the step itself: of two sends racing, one applies, one replays.
        transition.delivery = {
          ...transition.delivery,
          commandKeys: [
            ...(stored.delivery.commandKeys ?? []),
            {
              key: command.key,
              step: command.step,
              fingerprint: requestFingerprint(command.step, command.request),
            },
          ].slice(-MAX_COMMAND_KEYS),
        };
      }

      const result = await this.repository.save(stored, transition);
      if (result.saved) return toView(result.delivery);
    }
    throw new DomainError(
      'DELIVERY.BUSY',
      'the delivery kept changing while this was written; try again',
      'conflict',
    );
  }
}

/**
 * A driver's phone resends queued steps with the key it gave them (R-DEL-3, offline): a step
 * already applied under that key answers with the delivery as it is now, never applies again.
 * The same key for a different step or body is a client bug and refused.
 */
function replayed(
  delivery: Delivery,
  key: string | undefined,
  step: string,
  request?: unknown,
): DeliveryView | null {
  if (!key) return null;
  const seen = delivery.commandKeys?.find((k) => k.key === key);
  if (!seen) return null;
  if (seen.step !== step || seen.fingerprint !== requestFingerprint(step, request)) {
    throw new DomainError(
      'DELIVERY.IDEMPOTENCY_KEY_REUSED',
      `Idempotency-Key ${key} was already used for a different request`,
      'conflict',
      [{ field: 'Idempotency-Key', reason: 'already used for a different request' }],
    );
  }
  return toView(delivery);
}

function requestFingerprint(step: string, request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([step, request ?? null]))
    .digest('hex');
}

function actorOf(caller: Caller): Actor {
  return { userId: caller.sub, ...(caller.driverId ? { driverId: caller.driverId } : {}) };
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(
    keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]),
  ) as Partial<Pick<T, K>>;
}

export function toView(delivery: Delivery): DeliveryView {
  // The due times are the sweep's bookkeeping, not part of the business view.
  const view: Partial<Delivery> & { id: string } = { id: delivery.deliveryId, ...delivery };
  delete view.deliveryId;
  delete view.atRiskDueAt;
  delete view.breachDueAt;
  delete view.commandKeys;
  return view as DeliveryView;
}
