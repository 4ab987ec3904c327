import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, mongo } from 'mongoose';
import { DomainError } from '@app/common';
import { RemovalStrategy } from '../../ingredients/domain/ingredient';
import { Allocation, isUsable, LotCandidate } from '../domain/lot-allocation';
import { Lot, moveId } from '../domain/lot';
import { applyMove, EMPTY_HEAD, holdsOf, LotHead, MoveChange } from '../domain/lot-head';
import { isDueForQuarantine, writeOffMove } from '../domain/quarantine';
import { LotPort } from '../domain/reserve-all-or-nothing';
import { LedgerEntry } from '../domain/stock-ledger';
import { KeyedLocks } from './keyed-locks';
import { LotDoc } from './lot.schema';
import { StockMoveDoc } from './stock-move.schema';

export type NewLot = Omit<Lot, 'onHand' | 'available' | 'status'> &
  Pick<LotDoc, 'receiptId' | 'priceFen' | 'priceUnitQuantity'>;

interface MoveContext {
  at: Date;
  ref: string;
  /** Names the business step; the same step is never booked twice. */
  moveKey: string;
  by?: string;
  reason?: string;
}

type AppendResult = 'appended' | 'already-booked' | 'refused';

/** Lots read at a time when planning a reservation. */
const CANDIDATE_PAGE = 50;

/** Enough for ≥ 50 writers racing on one lot; each lost race means another writer progressed. */
const MAX_APPEND_RACES = 500;

/** Lots whose newest head this process remembers; the longest untouched is forgotten first. */
const REMEMBERED_HEADS = 10_000;

@Injectable()
export class LotsService {
  /**
   * The head of each lot as this process last appended it. FIFO sends every order to the same
   * oldest lot, so reservations planned side by side from one reading would race for its next
   * row: under the lot's lock each appends after the newest head known here instead. A hint
   * only — another instance may be further on, and then the row's key says so.
   */
  private readonly appendedHeads = new Map<string, LotHead>();
  private readonly lotLocks = new KeyedLocks();

  constructor(
    @InjectModel(LotDoc.name) private readonly lots: Model<LotDoc>,
    @InjectModel(StockMoveDoc.name) private readonly moves: Model<StockMoveDoc>,
  ) {}

  /** A receipt or restock creates a lot; deterministic ids make a retry create nothing twice. */
  async receive(lot: NewLot, ref: string, by: string): Promise<void> {
    const { lotId, ...fields } = lot;
    try {
      await this.lots.create({
        _id: lotId,
        ...fields,
        onHand: 0,
        available: 0,
        status: 'available',
        headSeq: 0,
      });
    } catch (e) {
      if (!isDuplicate(e)) throw e;
    }
    const q = lot.quantityReceived;
    await this.append(
      lotId,
      lot.sku,
      () => ({ kind: 'receipt', onHandDelta: q, availableDelta: q, holdDelta: 0 }),
      {
        at: lot.receivedAt,
        ref,
        by,
        moveKey: moveId('receipt', lotId),
      },
    );
  }

  /** The lots of one order's reservation attempt, for the all-or-nothing reservation. */
  portFor(
    orderId: string,
    attempt: string,
    usableUntil: Date,
    at: Date,
    strategyOf: (sku: string) => RemovalStrategy,
  ): LotPort {
    // Each candidate's ledger head as read: a take appends right after it, and reads the
    // ledger only when another writer got there first.
    const heads = new Map<string, LotHead>();
    return {
      candidates: async (sku, quantity) => {
        const found = await this.candidates(sku, usableUntil, {
          quantity,
          strategy: strategyOf(sku),
        });
        for (const c of found) heads.set(c.lotId, c.head);
        return found;
      },
      take: async (takes) => {
        const moves = takes.map(({ allocation: a, step }) => ({
          lotId: a.lotId,
          sku: a.sku,
          change: reservationOf(a.quantity),
          ctx: { at, ref: orderId, moveKey: moveId('reserve', orderId, attempt, step) },
          head: heads.get(a.lotId),
        }));
        for (const m of moves) heads.delete(m.lotId);
        const appended = await this.appendAfterReadHeads(moves);
        // Every append settles before a failure is reported: a failed attempt's lease may be
        // taken over at once, so none of its writes may still be on the way.
        const results = await Promise.allSettled(
          moves.map(
            async (m, i) =>
              appended[i] ||
              (await this.append(m.lotId, m.sku, () => m.change, m.ctx)) !== 'refused',
          ),
        );
        const failed = results.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
        return results.map((r) => (r as PromiseFulfilledResult<boolean>).value);
      },
      giveBack: async (a: Allocation, step: number) => {
        await this.append(
          a.lotId,
          a.sku,
          () => ({
            kind: 'release',
            onHandDelta: 0,
            availableDelta: a.quantity,
            holdDelta: -a.quantity,
          }),
          {
            at,
            ref: orderId,
            moveKey: moveId('compensate', orderId, attempt, step),
            reason: 'order could not be covered in full',
          },
        );
      },
    };
  }

  /**
   * Lots of the sku not expired by `usableUntil`, in removal order, read a page at a time until
   * their usable stock covers `enough.quantity` (or the lots run out): a reservation reads the
   * lots it may take from, not every lot of the ingredient.
   */
  async candidates(
    sku: string,
    usableUntil: Date,
    enough: { quantity: number; strategy: RemovalStrategy },
  ): Promise<(LotCandidate & { head: LotHead })[]> {
    const filter = {
      sku,
      onHand: { $gt: 0 },
      status: { $ne: 'written-off' },
      expiresAt: { $gt: usableUntil },
    };
    const sort: Record<string, 1> =
      enough.strategy === 'fefo'
        ? { expiresAt: 1, receivedAt: 1, _id: 1 }
        : { receivedAt: 1, _id: 1 };
    const found: (LotCandidate & { head: LotHead })[] = [];
    let covered = 0;
    for (let skip = 0; ; skip += CANDIDATE_PAGE) {
      const page = await this.lots
        .find(filter)
        .sort(sort)
        .skip(skip)
        .limit(CANDIDATE_PAGE)
        .lean()
        .exec();
      const withHeads = await this.withHeads(page);
      found.push(...withHeads);
      for (const c of withHeads) if (isUsable(c, usableUntil)) covered += c.available;
      if (page.length < CANDIDATE_PAGE || covered >= enough.quantity) return found;
    }
  }

  /**
   * The lots with the balances their documents cache, or this process's newer head of them,
   * unless the ledger has moved past both. Every take still decides on the ledger head, which
   * refuses a move the lot cannot bear and refreshes the cache: a plan from a stale cache costs
   * a re-plan, never stock.
   */
  private async withHeads(lots: LotDoc[]): Promise<(LotCandidate & { head: LotHead })[]> {
    const known = lots.map((l) =>
      newest(
        { seq: l.headSeq, onHand: l.onHand, available: l.available, status: l.status },
        this.appendedHeads.get(l._id),
      )!,
    );
    // One query tells which heads moved on (another instance, or a writer that died between
    // append and refresh).
    const moved = new Map(
      (
        await this.moves
          .find({ _id: { $in: lots.map((l, i) => moveRowId(l._id, known[i].seq + 1)) } })
          .lean()
          .exec()
      ).map((row) => [row.lotId, row]),
    );
    const heads = await Promise.all(
      lots.map((l, i) => {
        const row = moved.get(l._id);
        return row ? this.headFrom(l._id, headOfRow(row)) : Promise.resolve(known[i]);
      }),
    );
    return lots.map((l, i) => ({
      lotId: l._id,
      sku: l.sku,
      receivedAt: l.receivedAt,
      expiresAt: l.expiresAt,
      available: heads[i].available,
      status: heads[i].status,
      head: heads[i],
    }));
  }

  /** Gives back everything an order holds (cancellation, change, retry after a crash). */
  releaseHolds(orderId: string, attempt: string, at: Date, reason: string): Promise<Allocation[]> {
    return this.settleHolds(
      orderId,
      (q) => ({ kind: 'release', onHandDelta: 0, availableDelta: q, holdDelta: -q }),
      { at, ref: orderId, reason, moveKey: attempt },
    );
  }

  /** The order's goods leave the warehouse on delivery. */
  issueHolds(orderId: string, attempt: string, at: Date): Promise<Allocation[]> {
    return this.settleHolds(
      orderId,
      (q) => ({ kind: 'issue', onHandDelta: -q, availableDelta: 0, holdDelta: -q }),
      { at, ref: orderId, moveKey: attempt },
    );
  }

  private async settleHolds(
    orderId: string,
    changeOf: (quantity: number) => MoveChange,
    ctx: MoveContext,
  ): Promise<Allocation[]> {
    const byLot = new Map<string, StockMoveDoc[]>();
    for (const m of await this.moves.find({ ref: orderId }).lean().exec())
      byLot.set(m.lotId, [...(byLot.get(m.lotId) ?? []), m]);
    const settled: Allocation[] = [];
    for (const [lotId, lotMoves] of byLot) {
      const held = holdsOf(lotMoves)[orderId] ?? 0;
      if (held <= 0) continue;
      const change = changeOf(held);
      const result = await this.append(lotId, lotMoves[0].sku, () => change, {
        ...ctx,
        moveKey: moveId(change.kind, orderId, ctx.moveKey, lotId),
      });
      if (result === 'appended') settled.push({ lotId, sku: lotMoves[0].sku, quantity: held });
    }
    return settled;
  }

  /** R-INV-2: lots at expiry stop being reservable; what is still unreserved is set aside. */
  async quarantineExpired(now: Date): Promise<string[]> {
    const due = await this.lots
      .find({ status: 'available', expiresAt: { $lte: now } })
      .lean()
      .exec();
    const done: string[] = [];
    for (const lot of due.filter((l) => isDueForQuarantine(l, now))) {
      const result = await this.append(
        lot._id,
        lot.sku,
        (head) => ({
          kind: 'quarantine',
          onHandDelta: 0,
          availableDelta: -head.available,
          holdDelta: 0,
          statusAfter: 'quarantined',
          requireStatus: ['available'],
        }),
        { at: now, ref: lot._id, reason: 'expired', moveKey: moveId('quarantine', lot._id) },
      );
      if (result === 'appended') done.push(lot._id);
    }
    return done;
  }

  async writeOff(lotId: string, reason: string, by: string, now: Date): Promise<LotDoc> {
    const lot = await this.get(lotId);
    const holds = holdsOf(await this.moves.find({ lotId }).lean().exec());
    writeOffMove({ ...lot, lotId, holds }, reason, by, now); // domain checks: reason, not held, not written off
    const result = await this.append(
      lotId,
      lot.sku,
      (head) => ({
        kind: 'write-off',
        onHandDelta: -head.onHand,
        availableDelta: -head.available,
        holdDelta: 0,
        statusAfter: 'written-off',
        requireStatus: ['available', 'quarantined'],
      }),
      { at: now, ref: lotId, by, reason, moveKey: moveId('write-off', lotId) },
    );
    if (result === 'refused')
      throw new DomainError(
        'LOT.ALREADY_WRITTEN_OFF',
        `lot ${lotId} is already written off`,
        'conflict',
      );
    return this.get(lotId);
  }

  /** R-PROC-6: goods sent back to the supplier after receipt leave stock and reduce the statement. */
  async returnToSupplier(
    lotId: string,
    quantity: number,
    reason: string,
    by: string,
    now: Date,
  ): Promise<LotDoc> {
    const lot = await this.get(lotId);
    if (!lot.supplierId)
      throw new DomainError(
        'LOT.NO_SUPPLIER',
        `lot ${lotId} did not come from a supplier`,
        'unprocessable',
      );
    const result = await this.append(
      lotId,
      lot.sku,
      () => ({
        kind: 'return-to-supplier',
        onHandDelta: -quantity,
        availableDelta: -quantity,
        holdDelta: 0,
      }),
      {
        at: now,
        ref: lot.supplierId,
        by,
        reason,
        moveKey: moveId('return-to-supplier', lotId, now.getTime(), quantity),
      },
    );
    if (result === 'refused') {
      throw new DomainError(
        'LOT.NOT_ENOUGH_AVAILABLE',
        `lot ${lotId} has only ${lot.available} unreserved`,
        'unprocessable',
        [{ field: 'quantity', reason: `at most ${lot.available}` }],
      );
    }
    return this.get(lotId);
  }

  /** The lot with its balances taken from the ledger head (authoritative). */
  async get(lotId: string): Promise<LotDoc> {
    const lot = await this.lots.findById(lotId).lean().exec();
    if (!lot) throw DomainError.notFound('lot', lotId);
    return withHead(lot, await this.head(lotId, lot.headSeq));
  }

  async list(filter: { sku?: string; status?: string; supplierId?: string }): Promise<LotDoc[]> {
    const query: FilterQuery<LotDoc> = {};
    if (filter.sku) query.sku = filter.sku;
    if (filter.supplierId) query.supplierId = filter.supplierId;
    const lots = await this.lots.find(query).sort({ sku: 1, receivedAt: 1, _id: 1 }).lean().exec();
    const withHeads = await Promise.all(
      lots.map(async (l) => withHead(l, await this.head(l._id, l.headSeq))),
    );
    return filter.status ? withHeads.filter((l) => l.status === filter.status) : withHeads;
  }

  async ledger(
    filter: { sku?: string; kind?: string; from?: Date; to?: Date } = {},
  ): Promise<LedgerEntry[]> {
    const query: FilterQuery<StockMoveDoc> = {};
    if (filter.sku) query.sku = filter.sku;
    if (filter.kind) query.kind = filter.kind;
    if (filter.from || filter.to)
      query.at = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    const rows = await this.moves.find(query).sort({ at: 1, lotId: 1, seq: 1 }).lean().exec();
    return rows.map((r) => ({
      moveId: r._id,
      lotId: r.lotId,
      sku: r.sku,
      kind: r.kind,
      onHandDelta: r.onHandDelta,
      availableDelta: r.availableDelta,
      holdDelta: r.holdDelta,
      at: r.at,
      ref: r.ref,
      ...(r.by ? { by: r.by } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    }));
  }

  /**
   * The ledger head, found by key: the lot caches the seq of a row known to exist (it only ever
   * advances), and the rows after it are probed by `_id`. So reading a head costs two or three
   * key lookups however long the ledger grows.
   */
  private async head(lotId: string, cachedSeq?: number): Promise<LotHead> {
    const seq =
      cachedSeq ?? (await this.lots.findById(lotId, { headSeq: 1 }).lean().exec())?.headSeq ?? 0;
    const row = seq > 0 ? await this.moves.findById(moveRowId(lotId, seq)).lean().exec() : null;
    return this.headFrom(lotId, row ? headOfRow(row) : EMPTY_HEAD);
  }

  /** The ledger head at or after a row known to exist, probing the rows after it by key. */
  private async headFrom(lotId: string, known: LotHead): Promise<LotHead> {
    let head = known;
    for (;;) {
      const next = await this.moves
        .findById(moveRowId(lotId, head.seq + 1))
        .lean()
        .exec();
      if (!next) return head;
      head = headOfRow(next);
    }
  }

  /**
   * Appends one move after the lot's current head. A racing writer that appended first makes
   * our insert fail on the `<lotId>:<seq>` key: read the new head and decide again.
   */
  private async append(
    lotId: string,
    sku: string,
    changeOf: (head: LotHead) => MoveChange,
    ctx: MoveContext,
  ): Promise<AppendResult> {
    let known: number | undefined;
    for (let race = 0; race < MAX_APPEND_RACES; race++) {
      const head = await this.head(lotId, known);
      const change = changeOf(head);
      const next = applyMove(head, change);
      if (!next) {
        if (await this.moves.exists({ moveKey: ctx.moveKey })) return 'already-booked';
        await this.refreshCache(lotId, head);
        return 'refused';
      }
      try {
        await this.moves.create(moveRow(lotId, sku, change, next, ctx));
      } catch (e) {
        if (!isDuplicate(e)) throw e;
        if (await this.moves.exists({ moveKey: ctx.moveKey })) return 'already-booked';
        known = next.seq;
        continue;
      }
      this.noteHead(lotId, next);
      await this.refreshCache(lotId, next);
      return 'appended';
    }
    throw new DomainError('LOT.BUSY', `lot ${lotId} is too busy; retry`, 'conflict');
  }

  /**
   * Appends each move right after the newest head known (the one it was read at, or one this
   * process appended since), all in one write under the lots' locks, and refreshes the lots'
   * caches in one more. A move whose lot has moved on (the `<lotId>:<seq>` key says so) or that
   * its head would refuse is not appended here: false, and the caller appends it the careful
   * way, from the ledger's own head.
   */
  private async appendAfterReadHeads(
    moves: { lotId: string; sku: string; change: MoveChange; ctx: MoveContext; head?: LotHead }[],
  ): Promise<boolean[]> {
    const appended = await this.lotLocks.run(
      moves.map((m) => m.lotId),
      async () => {
        const ready = moves.flatMap((m, i) => {
          const head = newest(m.head, this.appendedHeads.get(m.lotId));
          const next = head && applyMove(head, m.change);
          return next
            ? [{ i, lotId: m.lotId, next, row: moveRow(m.lotId, m.sku, m.change, next, m.ctx) }]
            : [];
        });
        if (ready.length === 0) return [];
        const lost = new Set<number>();
        try {
          // The driver's own insert: one round trip, and one error per refused row.
          await (this.moves.collection as unknown as mongo.Collection<StockMoveDoc>).insertMany(
            ready.map((r) => r.row),
            { ordered: false },
          );
        } catch (e) {
          const errors = (e as { writeErrors?: WriteErrorLike | WriteErrorLike[] }).writeErrors;
          if (!errors) throw e;
          for (const error of Array.isArray(errors) ? errors : [errors]) {
            if (!isDuplicate(error)) throw e;
            lost.add(error.index);
          }
        }
        const done = ready.filter((_, k) => !lost.has(k));
        for (const r of done) this.noteHead(r.lotId, r.next);
        return done;
      },
    );
    await this.refreshCaches(appended.map((r) => ({ lotId: r.lotId, head: r.next })));
    const done = new Set(appended.map((r) => r.i));
    return moves.map((_, i) => done.has(i));
  }

  private noteHead(lotId: string, head: LotHead): void {
    if ((this.appendedHeads.get(lotId)?.seq ?? 0) >= head.seq) return;
    this.appendedHeads.delete(lotId);
    this.appendedHeads.set(lotId, head);
    if (this.appendedHeads.size > REMEMBERED_HEADS)
      this.appendedHeads.delete(this.appendedHeads.keys().next().value!);
  }

  private refreshCache(lotId: string, head: LotHead): Promise<void> {
    return this.refreshCaches([{ lotId, head }]);
  }

  /** The lots' cached balances move forward only, to the heads given. */
  private async refreshCaches(heads: { lotId: string; head: LotHead }[]): Promise<void> {
    if (heads.length === 0) return;
    await this.lots.bulkWrite(
      heads.map(({ lotId, head }) => ({
        updateOne: {
          filter: { _id: lotId, headSeq: { $lt: head.seq } },
          update: {
            $set: {
              onHand: head.onHand,
              available: head.available,
              status: head.status,
              headSeq: head.seq,
            },
          },
        },
      })),
      { ordered: false },
    );
  }
}

function withHead(lot: LotDoc, head: LotHead): LotDoc {
  return {
    ...lot,
    onHand: head.onHand,
    available: head.available,
    status: head.status,
    headSeq: head.seq,
  };
}

function headOfRow(row: StockMoveDoc): LotHead {
  return {
    seq: row.seq,
    onHand: row.onHandAfter,
    available: row.availableAfter,
    status: row.statusAfter,
  };
}

function newest(a?: LotHead, b?: LotHead): LotHead | undefined {
  return !a || (b && b.seq > a.seq) ? b : a;
}

interface WriteErrorLike {
  index: number;
  code?: number;
}

function reservationOf(quantity: number): MoveChange {
  return {
    kind: 'reservation',
    onHandDelta: 0,
    availableDelta: -quantity,
    holdDelta: quantity,
    requireStatus: ['available'],
  };
}

/** The ledger row of a move appended as `next` after the head it was computed from. */
function moveRow(
  lotId: string,
  sku: string,
  change: MoveChange,
  next: LotHead,
  ctx: MoveContext,
): StockMoveDoc {
  return {
    _id: moveRowId(lotId, next.seq),
    lotId,
    sku,
    seq: next.seq,
    kind: change.kind,
    onHandDelta: change.onHandDelta,
    availableDelta: change.availableDelta,
    holdDelta: change.holdDelta,
    onHandAfter: next.onHand,
    availableAfter: next.available,
    statusAfter: next.status,
    ...ctx,
  };
}

/** `<lotId>:<seq>`, zero-padded so a lot's rows sort in ledger order. */
function moveRowId(lotId: string, seq: number): string {
  return `${lotId}:${String(seq).padStart(9, '0')}`;
}

function isDuplicate(e: unknown): boolean {
  return (e as { code?: number }).code === 11000;
}
