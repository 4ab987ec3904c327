/**
 * What the services rely on from the MongoDB-wire server, pinned against the real one (the
 * embedded server in CI; real MongoDB with TESTCONTAINERS=1). An operator or a guarantee the
 * server lacks fails here, not in front of a user.
 */
import { Collection, Db, Document, MongoClient, MongoServerError } from 'mongodb';
import { randomBytes } from 'node:crypto';

interface Doc extends Document {
  _id: string;
}

let client: MongoClient;
let db: Db;
let seq = 0;
const collection = (): Collection<Doc> => db.collection<Doc>(`c${++seq}`);

beforeAll(async () => {
  client = await MongoClient.connect(process.env.MONGO_URL!, { maxPoolSize: 120 });
  db = client.db(`test_storage_contract_${randomBytes(4).toString('hex')}`);
});

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

describe('storage contract: single-document atomicity', () => {
  it('50 concurrent guarded updates of one document: exactly one winner', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a', version: 0 });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        c.updateOne({ _id: 'a', version: 0 }, { $inc: { version: 1 } }),
      ),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    expect((await c.findOne({ _id: 'a' }))?.version).toBe(1);
  });

  it('100 concurrent $inc of one document: the exact sum', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a', n: 0 });
    await Promise.all(
      Array.from({ length: 100 }, () => c.updateOne({ _id: 'a' }, { $inc: { n: 1 } })),
    );
    expect((await c.findOne({ _id: 'a' }))?.n).toBe(100);
  });

  it('50 concurrent guarded findOneAndUpdate: one returns the document, the others null', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a', state: 'placed' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c.findOneAndUpdate(
          { _id: 'a', state: 'placed' },
          { $set: { state: 'cancelled', by: i } },
          { returnDocument: 'after' },
        ),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect((await c.findOne({ _id: 'a' }))?.by).toBe(winners[0]?.by);
  });

  it('a guarded decrement never takes a counter below zero under 60 racers', async () => {
    const c = collection();
    await c.insertOne({ _id: 'lot', available: 20 });
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        c.updateOne({ _id: 'lot', available: { $gte: 1 } }, { $inc: { available: -1 } }),
      ),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(20);
    expect((await c.findOne({ _id: 'lot' }))?.available).toBe(0);
  });

  it('field-level $unset beside a concurrent $set of another field loses neither', async () => {
    const c = collection();
    const outbox = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    await c.insertOne({ _id: 'a', outbox, state: 'placed', n: 0 });
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        c.updateOne({ _id: 'a' }, { $unset: { [`outbox.k${i}`]: '' } }),
      ),
      ...Array.from({ length: 40 }, () =>
        c.updateOne({ _id: 'a' }, { $inc: { n: 1 }, $set: { state: 'delivered' } }),
      ),
    ]);
    const doc = await c.findOne({ _id: 'a' });
    expect(doc).toMatchObject({ outbox: {}, state: 'delivered', n: 40 });
  });
});

describe('storage contract: unique keys', () => {
  it('a second insert of one _id fails with duplicate key 11000', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a' });
    await expect(c.insertOne({ _id: 'a' })).rejects.toMatchObject({ code: 11000 });
  });

  it('a unique secondary index refuses a duplicate and 20 racers get one insert', async () => {
    const c = collection();
    await c.createIndex({ key: 1 }, { unique: true });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => c.insertOne({ _id: `d${i}`, key: 'same' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(MongoServerError);
    expect(((rejected as PromiseRejectedResult).reason as MongoServerError).code).toBe(11000);
  });

  it('upsert with $setOnInsert creates once and leaves the stored document alone after', async () => {
    const c = collection();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        c
          .updateOne({ _id: 'a' }, { $setOnInsert: { first: i } }, { upsert: true })
          .catch((e: MongoServerError) => {
            if (e.code !== 11000) throw e;
          }),
      ),
    );
    expect(await c.countDocuments({})).toBe(1);
    const first = (await c.findOne({ _id: 'a' }))?.first;
    await c.updateOne({ _id: 'a' }, { $setOnInsert: { first: 99 } }, { upsert: true });
    expect((await c.findOne({ _id: 'a' }))?.first).toBe(first);
  });
});

describe('storage contract: update operators', () => {
  it('$unset removes keyed map entries; $pull with a condition removes matching elements', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a', map: { x: 1, y: 2 }, list: [{ k: 1 }, { k: 2 }, { k: 3 }] });
    await c.updateOne({ _id: 'a' }, { $unset: { 'map.x': '' } });
    await c.updateOne({ _id: 'a' }, { $pull: { list: { k: { $gte: 2 } } } } as never);
    expect(await c.findOne({ _id: 'a' })).toEqual({ _id: 'a', map: { y: 2 }, list: [{ k: 1 }] });
  });

  it('$push with $each, $addToSet and nested $set paths', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a', visits: [], tags: ['x'], nested: { deep: { v: 1 } } });
    await c.updateOne({ _id: 'a' }, { $push: { visits: { $each: [1, 2] } } } as never);
    await c.updateOne({ _id: 'a' }, { $addToSet: { tags: { $each: ['x', 'y'] } } });
    await c.updateOne({ _id: 'a' }, { $set: { 'nested.deep.v': 2, 'nested.other': 'o' } });
    expect(await c.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      visits: [1, 2],
      tags: ['x', 'y'],
      nested: { deep: { v: 2 }, other: 'o' },
    });
  });

  it('$min / $max with upsert: a timer only ever moves earlier, its version only later', async () => {
    const c = collection();
    const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
    await c.updateOne(
      { _id: 't' },
      { $min: { dueAt: at(5) }, $max: { version: 1 } },
      { upsert: true },
    );
    await c.updateOne({ _id: 't' }, { $min: { dueAt: at(7) }, $max: { version: 0 } });
    expect(await c.findOne({ _id: 't' })).toEqual({ _id: 't', dueAt: at(5), version: 1 });
    await c.updateOne({ _id: 't' }, { $min: { dueAt: at(3) }, $max: { version: 2 } });
    expect(await c.findOne({ _id: 't' })).toEqual({ _id: 't', dueAt: at(3), version: 2 });
    expect(
      (await c.updateOne({ _id: 't', version: { $lte: 1 } }, { $set: { dueAt: at(9) } }))
        .matchedCount,
    ).toBe(0);
  });

  it('findOneAndUpdate with a projection returns the document after the update', async () => {
    const c = collection();
    await c.insertOne({ _id: 'a', state: 'placed', secret: 's', version: 1 });
    const after = await c.findOneAndUpdate(
      { _id: 'a', version: 1 },
      { $set: { state: 'confirmed' }, $inc: { version: 1 } },
      { returnDocument: 'after', projection: { state: 1, version: 1 } },
    );
    expect(after).toEqual({ _id: 'a', state: 'confirmed', version: 2 });
  });
});

describe('storage contract: query shapes the services use', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
  let c: Collection<Doc>;
  beforeAll(async () => {
    c = collection();
    await c.insertMany(
      Array.from({ length: 10 }, (_, i) => ({
        _id: `d${i}`,
        canteenId: i % 2 ? 'c1' : 'c2',
        dueAt: at(i),
        state: i < 3 ? 'open' : 'closed',
        lines: [{ sku: `s${i}`, qty: i }],
        meta: { kind: i % 3 === 0 ? 'a' : 'b' },
        ...(i === 9 ? { optional: true } : {}),
        outboxAt: i < 2 ? at(i) : null,
      })),
    );
  });
  const ids = (docs: Doc[]) => docs.map((d) => d._id);

  it('$in on _id and on a field, $nin', async () => {
    expect(ids(await c.find({ _id: { $in: ['d1', 'd4', 'nope'] } }).toArray()).sort()).toEqual([
      'd1',
      'd4',
    ]);
    expect(await c.countDocuments({ state: { $in: ['open'] } })).toBe(3);
    expect(await c.countDocuments({ _id: { $nin: ['d0', 'd1'] } })).toBe(8);
  });

  it('$lte / $lt / $gte / $gt on dates', async () => {
    expect(await c.countDocuments({ dueAt: { $lte: at(3) } })).toBe(4);
    expect(await c.countDocuments({ dueAt: { $lt: at(3) } })).toBe(3);
    expect(await c.countDocuments({ dueAt: { $gte: at(8), $lte: at(9) } })).toBe(2);
    expect(await c.countDocuments({ dueAt: { $gt: at(8) } })).toBe(1);
  });

  it('sort + limit, ascending and descending', async () => {
    expect(ids(await c.find({ canteenId: 'c1' }).sort({ dueAt: -1 }).limit(2).toArray())).toEqual([
      'd9',
      'd7',
    ]);
    expect(ids(await c.find({}).sort({ dueAt: 1 }).limit(3).toArray())).toEqual(['d0', 'd1', 'd2']);
  });

  it('nested field paths and array element fields', async () => {
    expect(await c.countDocuments({ 'meta.kind': 'a' })).toBe(4);
    expect(ids(await c.find({ 'lines.sku': 's5' }).toArray())).toEqual(['d5']);
  });

  it('$or, $ne null, $exists and a guard beside _id', async () => {
    expect(
      await c.countDocuments({ $or: [{ dueAt: { $lte: at(0) } }, { 'meta.kind': 'a' }] }),
    ).toBe(4);
    expect(await c.countDocuments({ outboxAt: { $ne: null, $lte: at(5) } })).toBe(2);
    expect(await c.countDocuments({ optional: { $exists: true } })).toBe(1);
    expect(await c.countDocuments({ _id: 'd1', state: 'open' })).toBe(1);
    expect(await c.countDocuments({ _id: 'd1', state: 'closed' })).toBe(0);
    expect(await c.countDocuments({ _id: 'd1', outboxSeq: null })).toBe(1);
  });

  it('projection of _id only and deleteOne by _id', async () => {
    const found = await c.find({ state: 'open' }, { projection: { _id: 1 } }).toArray();
    expect(found).toEqual([{ _id: 'd0' }, { _id: 'd1' }, { _id: 'd2' }]);
    const other = collection();
    await other.insertOne({ _id: 'x' });
    expect((await other.deleteOne({ _id: 'x' })).deletedCount).toBe(1);
    expect(await other.countDocuments({})).toBe(0);
  });
});
