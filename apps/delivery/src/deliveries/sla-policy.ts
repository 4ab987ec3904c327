import { Injectable } from '@nestjs/common';
import { MINUTE_MS } from '@app/common';
import { DeliveryConfig } from '../config/delivery-config';
import type { SlaPolicy } from './domain/delivery';

/** The configured SLA settings in the domain's terms. */
@Injectable()
export class SlaPolicyProvider {
  readonly policy: SlaPolicy;

  constructor(config: DeliveryConfig) {
    this.policy = { atRiskLeadMs: config.AT_RISK_LEAD_MINUTES * MINUTE_MS };
  }
}
