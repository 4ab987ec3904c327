import { Actor } from '../../shared/domain/actor';
import {
  addRequiredSkus,
  approveSurvey,
  editObservations,
  newSurvey,
  PriceObservation,
  PriceSurvey,
  returnSurvey,
  submitSurvey,
  surveyProblems,
} from './price-survey';

const t0 = new Date('2026-03-02T02:00:00Z');
const later = new Date('2026-03-02T05:00:00Z');
const buyer: Actor = { userId: 'u-buyer', role: 'buyer' };
const manager: Actor = { userId: 'u-ops', role: 'ops-manager' };

function anObservation(overrides: Partial<PriceObservation> = {}): PriceObservation {
  return {
    sku: 'PORK-BELLY',
    sourceName: 'Xinfadi market',
    contactName: 'Mr Wang',
    contactPhone: '13800000000',
    priceFen: 2800,
    priceUnitQuantity: 1000,
    ...overrides,
  };
}

function threeSourcesFor(sku: string): PriceObservation[] {
  return ['Xinfadi market', 'Dayang wholesale', 'Corner shop'].map((sourceName) =>
    anObservation({ sku, sourceName }),
  );
}

function aSubmittedSurvey(): PriceSurvey {
  const draft = newSurvey('2026-W11', ['PORK-BELLY'], buyer, t0);
  return submitSurvey(editObservations(draft, threeSourcesFor('PORK-BELLY'), buyer, t0), buyer, t0);
}

describe('price survey', () => {
  it('R-PROC-1: three observations from different sources with contacts make a complete survey', () => {
    expect(
      surveyProblems({ requiredSkus: ['PORK-BELLY'], observations: threeSourcesFor('PORK-BELLY') }),
    ).toEqual([]);
  });

  it('R-PROC-1: three prices from the same source (any spelling) count as one source', () => {
    const observations = [
      anObservation({ sourceName: 'Xinfadi market' }),
      anObservation({ sourceName: ' xinfadi  Market ' }),
      anObservation({ sourceName: 'Dayang wholesale' }),
    ];
    expect(surveyProblems({ requiredSkus: ['PORK-BELLY'], observations })).toEqual([
      { field: 'observations.PORK-BELLY', reason: expect.stringContaining('has 2') },
    ]);
  });

  it('R-PROC-1: an observation without the source contact is a problem naming it', () => {
    const observations = [
      ...threeSourcesFor('PORK-BELLY'),
      anObservation({ sourceName: 'Shop 4', contactPhone: ' ' }),
    ];
    expect(surveyProblems({ requiredSkus: ['PORK-BELLY'], observations })).toEqual([
      { field: 'observations[3].contact', reason: expect.any(String) },
    ]);
  });

  it('R-PROC-1: submitting without every menu ingredient covered is refused and lists the missing ones', () => {
    const draft = newSurvey('2026-W11', ['PORK-BELLY', 'CABBAGE'], buyer, t0);
    const edited = editObservations(draft, threeSourcesFor('PORK-BELLY'), buyer, t0);
    expect(() => submitSurvey(edited, buyer, t0)).toThrow(
      expect.objectContaining({
        code: 'SURVEY.INCOMPLETE',
        fields: [{ field: 'observations.CABBAGE', reason: expect.any(String) }],
      }),
    );
  });

  it('R-PROC-1: only a buyer compiles a survey', () => {
    expect(() => newSurvey('2026-W11', ['PORK-BELLY'], manager, t0)).toThrow(
      expect.objectContaining({ code: 'PROCUREMENT.ROLE_NOT_ALLOWED', kind: 'forbidden' }),
    );
  });

  it('R-PROC-2: an ops-manager approves a submitted survey and the history records who and when', () => {
    const approved = approveSurvey(aSubmittedSurvey(), manager, later);
    expect(approved.status).toBe('approved');
    expect(approved.history.map((h) => [h.action, h.by])).toEqual([
      ['created', 'u-buyer'],
      ['edited', 'u-buyer'],
      ['submitted', 'u-buyer'],
      ['approved', 'u-ops'],
    ]);
    expect(approved.history[3].at).toEqual(later);
  });

  it('R-PROC-2: a survey sent back needs a reason and can be edited and resubmitted', () => {
    expect(() => returnSurvey(aSubmittedSurvey(), '  ', manager, later)).toThrow(
      expect.objectContaining({ code: 'SURVEY.REASON_REQUIRED' }),
    );
    const returned = returnSurvey(aSubmittedSurvey(), 'cabbage price looks stale', manager, later);
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: 'cabbage price looks stale',
    });
    const resubmitted = submitSurvey(
      editObservations(returned, threeSourcesFor('PORK-BELLY'), buyer, later),
      buyer,
      later,
    );
    expect(resubmitted.status).toBe('submitted');
    expect(resubmitted.returnReason).toBeUndefined();
  });

  it('R-PROC-4: the compiler of a survey cannot approve it, even holding the ops-manager role', () => {
    const compilerAsManager: Actor = { userId: 'u-buyer', role: 'ops-manager' };
    expect(() => approveSurvey(aSubmittedSurvey(), compilerAsManager, later)).toThrow(
      expect.objectContaining({ code: 'SURVEY.SEPARATION_OF_DUTIES', kind: 'forbidden' }),
    );
  });

  it('R-PROC-4: anyone who edited the survey counts as a compiler', () => {
    const secondBuyer: Actor = { userId: 'u-ops', role: 'buyer' };
    const draft = newSurvey('2026-W11', ['PORK-BELLY'], buyer, t0);
    const submitted = submitSurvey(
      editObservations(draft, threeSourcesFor('PORK-BELLY'), secondBuyer, t0),
      buyer,
      t0,
    );
    expect(() => approveSurvey(submitted, manager, later)).toThrow(
      expect.objectContaining({ code: 'SURVEY.SEPARATION_OF_DUTIES' }),
    );
  });

  it('R-PROC-2: an approved survey is no longer edited nor reviewed again', () => {
    const approved = approveSurvey(aSubmittedSurvey(), manager, later);
    expect(() => editObservations(approved, [], buyer, later)).toThrow(
      expect.objectContaining({ code: 'SURVEY.NOT_EDITABLE' }),
    );
    expect(() => returnSurvey(approved, 'late', manager, later)).toThrow(
      expect.objectContaining({ code: 'SURVEY.NOT_SUBMITTED' }),
    );
  });

  it('R-PROC-1: a menu published later widens a draft survey but not a submitted one', () => {
    const draft = newSurvey('2026-W11', ['PORK-BELLY'], buyer, t0);
    expect(addRequiredSkus(draft, ['CABBAGE', 'PORK-BELLY']).requiredSkus).toEqual([
      'PORK-BELLY',
      'CABBAGE',
    ]);
    expect(addRequiredSkus(aSubmittedSurvey(), ['CABBAGE']).requiredSkus).toEqual(['PORK-BELLY']);
  });
});
