/**
 * The aggregate state to `$set` after a pure transition: without the storage keys that the
 * update handles itself (`_id` is immutable, `version` is `$inc`ed, timestamps are Mongoose's).
 */
export function stateFields<T extends object>(
  state: T,
  alsoDrop: string[] = [],
): Record<string, unknown> {
  const drop = new Set([
    '_id',
    'version',
    'createdAt',
    'updatedAt',
    'outbox',
    'outboxAt',
    'outboxSeq',
    '__v',
    ...alsoDrop,
  ]);
  return Object.fromEntries(
    Object.entries(state).filter(([key, value]) => !drop.has(key) && value !== undefined),
  );
}
