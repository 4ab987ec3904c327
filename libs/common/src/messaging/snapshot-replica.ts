import type { Model } from 'mongoose';
import { EventEnvelope } from './envelope';

/**
 * Keeps a local copy of another service's aggregate from its snapshot events (e.g. a
 * canteen). Applies a snapshot only if it is newer than the one held, so an old event that
 * is redelivered or arrives late changes nothing.
 */
export async function applySnapshot<T extends object>(
  model: Model<T>,
  id: string,
  fields: Partial<T>,
  event: Pick<EventEnvelope, 'time'>,
): Promise<void> {
  const sourceTime = new Date(event.time);
  try {
    await model
      .updateOne(
        { _id: id, $or: [{ sourceTime: { $lt: sourceTime } }, { sourceTime: null }] },
        { $set: { ...fields, sourceTime } },
        { upsert: true },
      )
      .exec();
  } catch (error) {
    // The copy exists and is newer: the upsert's insert collides with it, which is the point.
    if ((error as { code?: number }).code !== 11000) throw error;
  }
}
