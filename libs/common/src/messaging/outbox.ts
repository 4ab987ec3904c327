/**
 * Transactional outbox inside the aggregate document: the state change and the events it
 * emits are one single-document write. Entries live in a keyed map (`outbox.<key>`), so the
 * relay removes exactly the entries it published with a field-level `$unset`, leaving the
 * aggregate's state and any entry staged meanwhile untouched.
 */
import { EventEmitter } from 'node:events';
import type { Schema } from 'mongoose';
import { EventEnvelope } from './envelope';

export interface OutboxFields {
  /** Pending events by ordering key. */
  outbox?: Record<string, EventEnvelope>;
  /** When events were last staged (wall clock); null when the outbox is empty. */
  outboxAt?: Date | null;
  /** Bumped by every staging write, so the relay clears `outboxAt` only if nothing new arrived. */
  outboxSeq?: number;
}

/** Mongoose schema paths for an aggregate that carries an outbox. */
export const OUTBOX_SCHEMA_PATHS = {
  outbox: { type: Object, default: () => ({}) },
  outboxAt: { type: Date, default: null, index: true },
  outboxSeq: { type: Number, default: 0 },
} as const;

let counter = 0;

/** Lexicographically increasing keys keep one aggregate's events in emission order. */
function orderingKey(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Date.now().toString().padStart(15, '0')}-${counter.toString().padStart(6, '0')}`;
}

type Update = Record<string, unknown> & {
  $set?: Record<string, unknown>;
  $inc?: Record<string, number>;
};

/** Adds the events to an update, so they are stored by the same write as the state change. */
export function withEvents<U extends Update>(update: U, events: EventEnvelope[]): U & Update {
  if (events.length === 0) return update;
  const staged: Record<string, unknown> = { outboxAt: new Date() };
  for (const event of events) staged[`outbox.${orderingKey()}`] = event;
  return {
    ...update,
    $set: { ...(update.$set ?? {}), ...staged },
    $inc: { ...(update.$inc ?? {}), outboxSeq: 1 },
  };
}

/** A new aggregate document carrying its first events. */
export function newWithEvents<D extends object>(doc: D, events: EventEnvelope[]): D & OutboxFields {
  const outbox: Record<string, EventEnvelope> = {};
  for (const event of events) outbox[orderingKey()] = event;
  return {
    ...doc,
    outbox,
    outboxAt: events.length ? new Date() : null,
    outboxSeq: events.length ? 1 : 0,
  };
}

/**
 * Tells relays in this process which aggregate a write staged events on (`modelName`, `_id`),
 * so they publish it at once by `_id` instead of scanning. `_id` is undefined when the write
 * did not name one; relays then scan.
 */
export const outboxSignal = new EventEmitter();
export const STAGED = 'staged';

interface QueryLike {
  model: { modelName: string };
  getFilter(): Record<string, unknown>;
  getUpdate(): Record<string, unknown> | null;
}

function stagesEvents(update: Record<string, unknown> | null): boolean {
  const set = update?.$set as Record<string, unknown> | undefined;
  return !!set && Object.keys(set).some((k) => k.startsWith('outbox.'));
}

/** Connection plugin: every write that stages events signals the relay. */
export function outboxPlugin(schema: Schema): void {
  if (!schema.path('outboxAt')) return;
  schema.post(
    'save',
    function (this: { _id: unknown; outboxAt?: Date | null; constructor: { modelName: string } }) {
      if (this.outboxAt) outboxSignal.emit(STAGED, this.constructor.modelName, this._id);
    },
  );
  schema.post(['updateOne', 'findOneAndUpdate', 'updateMany'], function (this: QueryLike) {
    if (!stagesEvents(this.getUpdate())) return;
    const id = this.getFilter()._id;
    outboxSignal.emit(
      STAGED,
      this.model.modelName,
      typeof id === 'object' && id !== null ? undefined : id,
    );
  });
  schema.post('insertMany', function (this: unknown, docs: unknown) {
    const modelName = (this as { modelName: string }).modelName;
    for (const doc of docs as { _id: unknown }[]) outboxSignal.emit(STAGED, modelName, doc._id);
  });
}
