import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  Caller,
  Clock,
  DomainError,
  EventEnvelope,
  EventFactory,
  scopedFilter,
  supplierScope,
  withEvents,
} from '@app/common';
import { PriceSurveysService } from '../price-surveys/price-surveys.service';
import { SettingsService } from '../settings/settings.service';
import { fromUnitPrice, toUnitPrice } from '../shared/price.dto';
import { stateFields } from '../shared/document-fields';
import { toActor } from '../shared/to-actor';
import { SuppliersService } from '../suppliers/suppliers.service';
import { ApprovedPriceLine, approvedPricesOf } from './domain/approved-prices';
import {
  approveQuote,
  justifyLine,
  Quote,
  rejectQuote,
  reviseQuote,
  submitQuote,
  verifyQuote,
} from './domain/quote';
import { isQuoteWindowOpen, quoteDeadline, reopenRound } from './domain/quote-deadline';
import { PriceRoundDoc, QuoteDoc } from './quote.schema';
import { QuoteView, ReopenRoundDto, RoundView, SubmitQuoteDto, VerifyQuoteDto } from './quote.dto';

@Injectable()
export class QuotesService {
  constructor(
    @InjectModel(QuoteDoc.name) private readonly quotes: Model<QuoteDoc>,
    @InjectModel(PriceRoundDoc.name) private readonly rounds: Model<PriceRoundDoc>,
    private readonly surveys: PriceSurveysService,
    private readonly suppliers: SuppliersService,
    private readonly settings: SettingsService,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** R-PROC-3: a supplier submits or revises its own quote for the week. */
  async submit(week: string, dto: SubmitQuoteDto, caller: Caller): Promise<QuoteView> {
    const { supplierId } = supplierScope(caller);
    if (!supplierId)
      throw new DomainError(
        'QUOTE.SUPPLIER_ONLY',
        'only a supplier token submits quotes',
        'forbidden',
      );
    const supplier = await this.suppliers.get(supplierId);
    const round = await this.rounds.findById(week).lean().exec();
    const ctx = { now: this.clock.now(), reopening: round?.reopening, suppliedSkus: supplier.skus };
    const lines = dto.lines.map((l) => ({ sku: l.sku, ...toUnitPrice(l) }));
    const existing = await this.quotes.findById(quoteId(week, supplierId)).lean().exec();
    if (!existing) {
      const quote = submitQuote(week, supplierId, lines, toActor(caller), ctx);
      try {
        await this.quotes.create({ _id: quoteId(week, supplierId), ...quote, version: 1 });
        return toView(quote);
      } catch (e) {
        if ((e as { code?: number }).code !== 11000) throw e;
        throw conflict(week, supplierId);
      }
    }
    return this.transition(existing, (q) => reviseQuote(q, lines, toActor(caller), ctx));
  }

  /** R-PROC-4: the cost-accountant checks every price against the approved survey's median. */
  async verify(
    week: string,
    supplierId: string,
    dto: VerifyQuoteDto,
    caller: Caller,
  ): Promise<QuoteView> {
    const medians = await this.surveys.approvedMedians(week);
    const { tolerancePercent } = await this.settings.get();
    const cmd = {
      surveyApproved: medians !== undefined,
      medians: medians ?? new Map<string, number>(),
      tolerancePercent,
      justifications: dto.justifications ?? {},
    };
    return this.transition(await this.load(week, supplierId), (q) =>
      verifyQuote(q, cmd, toActor(caller), this.clock.now()),
    );
  }

  async justify(
    week: string,
    supplierId: string,
    sku: string,
    text: string,
    caller: Caller,
  ): Promise<QuoteView> {
    return this.transition(await this.load(week, supplierId), (q) =>
      justifyLine(q, sku, text, toActor(caller), this.clock.now()),
    );
  }

  /** R-PROC-4/5: approval publishes the week's approved prices (all approved quotes so far). */
  async approve(week: string, supplierId: string, caller: Caller): Promise<QuoteView> {
    const found = await this.load(week, supplierId);
    const others = await this.quotes
      .find({ week, status: 'approved', _id: { $ne: found._id } })
      .lean()
      .exec();
    return this.transition(
      found,
      (q) => approveQuote(q, toActor(caller), this.clock.now()),
      (approved) => [
        this.events.create('procurement.prices.approved', week, {
          week,
          prices: approvedPricesOf([...others, approved]),
        }),
      ],
    );
  }

  async reject(
    week: string,
    supplierId: string,
    reason: string,
    caller: Caller,
  ): Promise<QuoteView> {
    return this.transition(await this.load(week, supplierId), (q) =>
      rejectQuote(q, reason, toActor(caller), this.clock.now()),
    );
  }

  async reopen(week: string, dto: ReopenRoundDto, caller: Caller): Promise<RoundView> {
    const reopening = reopenRound(
      week,
      new Date(dto.until),
      dto.reason,
      toActor(caller),
      this.clock.now(),
    );
    await this.rounds
      .updateOne(
        { _id: week },
        { $set: { reopening }, $push: { reopenings: reopening } },
        { upsert: true },
      )
      .exec();
    return this.round(week);
  }

  async round(week: string): Promise<RoundView> {
    const round = await this.rounds.findById(week).lean().exec();
    return {
      week,
      deadline: quoteDeadline(week).toISOString(),
      open: isQuoteWindowOpen(week, this.clock.now(), round?.reopening),
      ...(round?.reopening ? { reopening: round.reopening } : {}),
      approvedPrices: (await this.approvedPrices(week)).map((p) => ({
        sku: p.sku,
        supplierId: p.supplierId,
        ...fromUnitPrice(p),
      })),
    };
  }

  async approvedPrices(week: string): Promise<ApprovedPriceLine[]> {
    return approvedPricesOf(await this.quotes.find({ week, status: 'approved' }).lean().exec());
  }

  async list(week: string | undefined, caller: Caller): Promise<QuoteView[]> {
    const filter = scopedFilter(caller, { supplierId: 'supplierId' }, week ? { week } : {});
    return (await this.quotes.find(filter).sort({ week: 1, supplierId: 1 }).lean().exec()).map(
      toView,
    );
  }

  async get(week: string, supplierId: string, caller: Caller): Promise<QuoteView> {
    const scope = supplierScope(caller);
    if (scope.supplierId && scope.supplierId !== supplierId)
      throw DomainError.notFound('quote', quoteId(week, supplierId));
    return toView(await this.load(week, supplierId));
  }

  private async load(week: string, supplierId: string): Promise<QuoteDoc> {
    const found = await this.quotes.findById(quoteId(week, supplierId)).lean().exec();
    if (!found) throw DomainError.notFound('quote', quoteId(week, supplierId));
    return found;
  }

  /** Pure transition, stored only if the quote did not change meanwhile; events in the same write. */
  private async transition(
    found: QuoteDoc,
    change: (q: Quote) => Quote,
    eventsOf: (q: Quote) => EventEnvelope[] = () => [],
  ): Promise<QuoteView> {
    const next = change(found);
    const fields = stateFields(next);
    const unset: Record<string, ''> = {};
    for (const optional of ['verification', 'rejectionReason'] as const) {
      if (next[optional] === undefined) unset[optional] = '';
    }
    const update = withEvents(
      {
        $set: fields,
        $inc: { version: 1 },
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      },
      eventsOf(next),
    );
    const saved = await this.quotes
      .updateOne({ _id: found._id, version: found.version }, update)
      .exec();
    if (saved.modifiedCount !== 1) throw conflict(found.week, found.supplierId);
    return toView(next);
  }
}

function quoteId(week: string, supplierId: string): string {
  return `${week}:${supplierId}`;
}

function conflict(week: string, supplierId: string): DomainError {
  return new DomainError(
    'QUOTE.CONCURRENT_UPDATE',
    `quote ${week} of ${supplierId} changed meanwhile; reload and retry`,
    'conflict',
  );
}

function toView(q: Quote): QuoteView {
  return {
    week: q.week,
    supplierId: q.supplierId,
    status: q.status,
    revision: q.revision,
    lines: q.lines.map((l) => ({ sku: l.sku, ...fromUnitPrice(l) })),
    ...(q.verification ? { verification: q.verification } : {}),
    ...(q.rejectionReason ? { rejectionReason: q.rejectionReason } : {}),
    history: q.history,
  };
}
