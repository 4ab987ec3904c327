/**
 * Bounded redelivery of a webhook notification across scheduler ticks (R-DEL-5). The policy is
 * shared with aftersales' escalation notices, so it lives in the kit.
 */
export {
  afterFailedAttempt,
  MAX_WEBHOOK_ATTEMPTS,
  WEBHOOK_BACKOFF_MS,
  type AfterFailure,
} from '@app/common/webhooks/webhook-backoff';
