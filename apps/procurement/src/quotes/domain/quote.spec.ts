import { fromShanghai } from '@app/common/clock/business-time';
import { Actor } from '../../shared/domain/actor';
import { approvedPricesOf } from './approved-prices';
import {
  approveQuote,
  justifyLine,
  Quote,
  QuoteContext,
  QuoteLine,
  rejectQuote,
  reviseQuote,
  submitQuote,
  verifyQuote,
  VerifyCommand,
} from './quote';
import { reopenRound } from './quote-deadline';
import { verifyLine } from './quote-verification';

const beforeDeadline = fromShanghai(2026, 3, 5, 10);
const afterDeadline = fromShanghai(2026, 3, 7, 10);
const supplier: Actor = { userId: 'u-sup', role: 'supplier', supplierId: 'SUP-1' };
const accountant: Actor = { userId: 'u-acc', role: 'cost-accountant' };
const manager: Actor = { userId: 'u-ops', role: 'ops-manager' };

function aLine(overrides: Partial<QuoteLine> = {}): QuoteLine {
  return { sku: 'PORK-BELLY', priceFen: 2800, priceUnitQuantity: 1000, ...overrides };
}
function aContext(overrides: Partial<QuoteContext> = {}): QuoteContext {
  return { now: beforeDeadline, suppliedSkus: ['PORK-BELLY', 'CABBAGE'], ...overrides };
}
function aVerifyCommand(overrides: Partial<VerifyCommand> = {}): VerifyCommand {
  return {
    surveyApproved: true,
    medians: new Map([
      ['PORK-BELLY', 2.8],
      ['CABBAGE', 0.4],
    ]),
    tolerancePercent: 10,
    justifications: {},
    ...overrides,
  };
}
function aSubmittedQuote(lines: QuoteLine[] = [aLine()]): Quote {
  return submitQuote('2026-W11', 'SUP-1', lines, supplier, aContext());
}

describe('quote', () => {
  it('R-PROC-3: a supplier quotes only for its own supplier id', () => {
    expect(() => submitQuote('2026-W11', 'SUP-2', [aLine()], supplier, aContext())).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
  });

  it('R-PROC-3: a quote after the Saturday deadline is refused, accepted again once the round is reopened', () => {
    expect(() =>
      submitQuote('2026-W11', 'SUP-1', [aLine()], supplier, aContext({ now: afterDeadline })),
    ).toThrow(expect.objectContaining({ code: 'QUOTE.DEADLINE_PASSED' }));
    const reopening = reopenRound(
      '2026-W11',
      fromShanghai(2026, 3, 7, 20),
      'late market',
      manager,
      afterDeadline,
    );
    expect(
      submitQuote(
        '2026-W11',
        'SUP-1',
        [aLine()],
        supplier,
        aContext({ now: afterDeadline, reopening }),
      ).status,
    ).toBe('submitted');
  });

  it('R-PROC-3: a supplier quotes only ingredients it is designated for, each once', () => {
    expect(() => aSubmittedQuote([aLine({ sku: 'BEEF' })])).toThrow(
      expect.objectContaining({ code: 'QUOTE.SKU_NOT_SUPPLIED' }),
    );
    expect(() => aSubmittedQuote([aLine(), aLine()])).toThrow(
      expect.objectContaining({ code: 'QUOTE.DUPLICATE_SKU' }),
    );
  });

  it('R-PROC-4: a price more than 10 % above the survey median is flagged, exactly 10 % is not', () => {
    const medians = new Map([['PORK-BELLY', 2.8]]);
    expect(verifyLine(aLine({ priceFen: 3080 }), medians).flagged).toBe(false);
    expect(verifyLine(aLine({ priceFen: 3081 }), medians)).toMatchObject({
      flagged: true,
      deviationPercent: 10,
    });
    expect(verifyLine(aLine({ priceFen: 1541, priceUnitQuantity: 500 }), medians).flagged).toBe(
      true,
    );
  });

  it('R-PROC-4: the tolerance is configurable', () => {
    expect(verifyLine(aLine({ priceFen: 3300 }), new Map([['PORK-BELLY', 2.8]]), 20).flagged).toBe(
      false,
    );
  });

  it('R-PROC-4: an ingredient the survey has no price for is flagged', () => {
    expect(verifyLine(aLine({ sku: 'CABBAGE' }), new Map())).toEqual({
      sku: 'CABBAGE',
      flagged: true,
    });
  });

  it('R-PROC-4: verification needs the approved survey first', () => {
    expect(() =>
      verifyQuote(
        aSubmittedQuote(),
        aVerifyCommand({ surveyApproved: false }),
        accountant,
        afterDeadline,
      ),
    ).toThrow(expect.objectContaining({ code: 'QUOTE.SURVEY_NOT_APPROVED' }));
  });

  it('R-PROC-4: a flagged price without written justification blocks approval, naming the line', () => {
    const verified = verifyQuote(
      aSubmittedQuote([aLine({ priceFen: 3500 })]),
      aVerifyCommand(),
      accountant,
      afterDeadline,
    );
    expect(() => approveQuote(verified, manager, afterDeadline)).toThrow(
      expect.objectContaining({
        code: 'QUOTE.FLAGGED_WITHOUT_JUSTIFICATION',
        fields: [expect.objectContaining({ field: 'lines.PORK-BELLY' })],
      }),
    );
    const justified = justifyLine(
      verified,
      'PORK-BELLY',
      'pig fever: market up 25 %',
      accountant,
      afterDeadline,
    );
    expect(approveQuote(justified, manager, afterDeadline).status).toBe('approved');
  });

  it('R-PROC-4: a justification given at verification counts for flagged lines', () => {
    const verified = verifyQuote(
      aSubmittedQuote([aLine({ priceFen: 3500 })]),
      aVerifyCommand({ justifications: { 'PORK-BELLY': 'organic' } }),
      accountant,
      afterDeadline,
    );
    expect(verified.verification!.lines[0]).toMatchObject({
      flagged: true,
      justification: 'organic',
    });
    expect(approveQuote(verified, manager, afterDeadline).status).toBe('approved');
  });

  it('R-PROC-4: the verifier of a quote cannot approve or reject it, whatever role the token says', () => {
    const verified = verifyQuote(aSubmittedQuote(), aVerifyCommand(), accountant, afterDeadline);
    const verifierAsManager: Actor = { userId: 'u-acc', role: 'ops-manager' };
    expect(() => approveQuote(verified, verifierAsManager, afterDeadline)).toThrow(
      expect.objectContaining({ code: 'QUOTE.SEPARATION_OF_DUTIES', kind: 'forbidden' }),
    );
    expect(() => rejectQuote(verified, 'too dear', verifierAsManager, afterDeadline)).toThrow(
      expect.objectContaining({ code: 'QUOTE.SEPARATION_OF_DUTIES' }),
    );
  });

  it('R-PROC-4: approval comes after verification, never straight from submission', () => {
    expect(() => approveQuote(aSubmittedQuote(), manager, afterDeadline)).toThrow(
      expect.objectContaining({ code: 'QUOTE.NOT_VERIFIED' }),
    );
  });

  it('R-PROC-4: a rejection needs a reason; the history records every step with who and when', () => {
    const verified = verifyQuote(aSubmittedQuote(), aVerifyCommand(), accountant, afterDeadline);
    expect(() => rejectQuote(verified, '', manager, afterDeadline)).toThrow(
      expect.objectContaining({ code: 'QUOTE.REASON_REQUIRED' }),
    );
    const rejected = rejectQuote(verified, 'quality complaints last month', manager, afterDeadline);
    expect(rejected.history.map((h) => [h.action, h.by, h.to])).toEqual([
      ['submitted', 'u-sup', 'submitted'],
      ['verified', 'u-acc', 'verified'],
      ['rejected', 'u-ops', 'rejected'],
    ]);
  });

  it('R-PROC-3: a revision before the deadline voids the earlier verification', () => {
    const verified = verifyQuote(aSubmittedQuote(), aVerifyCommand(), accountant, beforeDeadline);
    const revised = reviseQuote(verified, [aLine({ priceFen: 2700 })], supplier, aContext());
    expect(revised).toMatchObject({ status: 'submitted', revision: 2 });
    expect(revised.verification).toBeUndefined();
  });

  it('R-PROC-5: the approved prices of the week are the lines of approved quotes only', () => {
    const verified = verifyQuote(aSubmittedQuote(), aVerifyCommand(), accountant, afterDeadline);
    const approved = approveQuote(verified, manager, afterDeadline);
    const other = { ...aSubmittedQuote([aLine({ sku: 'CABBAGE' })]), supplierId: 'SUP-2' };
    expect(approvedPricesOf([approved, other])).toEqual([
      { sku: 'PORK-BELLY', supplierId: 'SUP-1', priceFen: 2800, priceUnitQuantity: 1000 },
    ]);
  });
});
