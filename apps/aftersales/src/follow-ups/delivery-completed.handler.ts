import { Injectable } from '@nestjs/common';
import { DeliveryCompleted, OnEvent } from '@app/common';
import { RemediesService } from '../remedies/remedies.service';
import { FollowUpsService } from './follow-ups.service';

/** What aftersales does with a delivered delivery. */
@Injectable()
export class DeliveryCompletedHandler {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly remedies: RemediesService,
  ) {}

  /** R-AS-13/14: follow-ups for every delivery. */
  @OnEvent('delivery.delivery.completed')
  planFollowUps(d: DeliveryCompleted): Promise<void> {
    return this.followUps.onDelivered(d);
  }

  /** R-DEL-4: a return or exchange per rejected line. */
  @OnEvent('delivery.delivery.completed')
  openRemedies(d: DeliveryCompleted): Promise<void> {
    return this.remedies.openFromDelivery(d);
  }
}
