/** The service's own name (`orders`, `procurement`, …): source of its events and its group id. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** Names of the Mongoose models that carry an outbox, relayed by the OutboxRelay. */
export const OUTBOX_MODELS = Symbol('OUTBOX_MODELS');
