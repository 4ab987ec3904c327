import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, DeliveryBreached, DeliveryBreachWaived, DriverLeftEarly } from '@app/common';
import { PenaltiesService } from '../penalties/penalties.service';
import type { Actor } from '../shared/actor';
import {
  BREACH_SEVERITY,
  breachPenaltyHoldUntil,
  breachResponsibility,
} from './domain/breach-incident';
import { IncidentDoc } from './incident.schema';

const EVENT_ACTOR: Actor = { id: 'system:events', role: 'system' };

@Injectable()
export class IncidentsService {
  constructor(
    @InjectModel(IncidentDoc.name) private readonly incidents: Model<IncidentDoc>,
    private readonly penalties: PenaltiesService,
    private readonly clock: Clock,
  ) {}

  /** R-DEL-5 → R-AS-11: an incident and a proposed fine, held for the waiver window. */
  async onBreach(e: DeliveryBreached): Promise<void> {
    const detectedAt = new Date(e.detectedAt);
    const responsible = breachResponsibility({ ...e, detectedAt, deliveredAt: undefined });
    await this.incidents
      .updateOne(
        { _id: e.deliveryId },
        {
          $setOnInsert: { status: 'open' },
          $set: {
            canteenId: e.canteenId,
            orderId: e.orderId,
            detectedAt,
            responsibleRole: responsible.role,
            ...(responsible.staffId && { responsibleStaffId: responsible.staffId }),
          },
        },
        { upsert: true },
      )
      .exec();
    const incident = await this.incidents.findById(e.deliveryId).lean().exec();
    if (incident?.status === 'waived') return;
    const penaltyId = `breach-${e.deliveryId}`;
    await this.penalties.proposeScaled(
      {
        penaltyId,
        source: { kind: 'delivery-breach', id: e.deliveryId },
        reason: `delivery ${e.deliveryId} missed its deadline ${e.deadline}`,
        severity: BREACH_SEVERITY,
        badImpact: false,
        problem: { canteenId: e.canteenId, category: 'service', cause: 'late-delivery' },
        ...(responsible.staffId && { responsibleStaffId: responsible.staffId }),
        occurredAt: detectedAt,
        holdUntil: breachPenaltyHoldUntil(detectedAt),
      },
      EVENT_ACTOR,
    );
    await this.incidents.updateOne({ _id: e.deliveryId }, { $set: { penaltyId } }).exec();
    // A waiver that landed between the two reads still withdraws the proposal.
    if ((await this.incidents.findById(e.deliveryId).lean().exec())?.status === 'waived') {
      await this.penalties.withdraw(penaltyId, 'breach waived (force majeure)', EVENT_ACTOR);
    }
  }

  /** R-DEL-6: force majeure waives the breach and takes back the proposed fine. */
  async onBreachWaived(e: DeliveryBreachWaived): Promise<void> {
    await this.incidents
      .updateOne(
        { _id: e.deliveryId },
        {
          $set: {
            status: 'waived',
            canteenId: e.canteenId,
            orderId: e.orderId,
            waiverCause: e.cause,
            waiverProofRef: e.proofRef,
            waivedAt: this.clock.now(),
          },
        },
        { upsert: true },
      )
      .exec();
    await this.penalties.withdraw(
      `breach-${e.deliveryId}`,
      `breach waived (force majeure): ${e.cause}, proof ${e.proofRef}, new time ${e.newDeadline}`,
      EVENT_ACTOR,
    );
  }

  /** R-DEL-7 / R-AS-11: 20 元 for the driver, per person per time. */
  onEarlyDeparture(e: DriverLeftEarly): Promise<void> {
    return this.penalties.proposeFixed(
      `early-${e.deliveryId}-${e.driverId}`,
      { kind: 'early-departure', id: e.deliveryId },
      'early-departure',
      e.driverId,
      new Date(e.departedAt),
      `left canteen ${e.canteenId} at ${e.departedAt}, before the service end ${e.serviceEndsAt}`,
      EVENT_ACTOR,
    );
  }
}
