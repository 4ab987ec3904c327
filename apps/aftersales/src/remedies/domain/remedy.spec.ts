import { HOUR_MS } from '@app/common/clock/clock';
import { aCanteenUser, anAgent, T0 } from '../../testing/domain-factories';
import type { RemedyLine } from './remedy';
import { applyRemedyCommand, openRemedy, type OpenRemedy } from './remedy-state-machine';

const aRejectedLine = (overrides: Partial<RemedyLine> = {}): RemedyLine => ({
  lineId: 'line-1',
  kind: 'dish',
  itemId: 'dish-braised-pork',
  name: 'braised pork',
  quantity: 20,
  reason: 'spoiled',
  ...overrides,
});

const anOpening = (overrides: Partial<OpenRemedy> = {}): OpenRemedy => ({
  remedyId: 'del-1:line-1',
  canteenId: 'canteen-1',
  originalOrderId: 'order-1',
  source: { kind: 'delivery', id: 'del-1' },
  lines: [aRejectedLine()],
  qualityFailed: true,
  rejectedAt: T0,
  ...overrides,
});

const hours = (h: number) => new Date(T0.getTime() + h * HOUR_MS);

describe('returns and exchanges', () => {
  it('R-DEL-4: rejected cooked food opens an exchange due within 2 h by default, at company cost', () => {
    const r = openRemedy(anOpening(), T0);
    expect(r).toMatchObject({
      type: 'exchange',
      chosenBy: 'rule',
      needBy: hours(2),
      status: 'open',
      atCompanyCost: true,
    });
  });

  it('R-DEL-4: a rejected ingredient defaults to an exchange within 24 h', () => {
    const r = openRemedy(
      anOpening({ lines: [aRejectedLine({ kind: 'ingredient', itemId: 'sku-rice' })] }),
      T0,
    );
    expect(r.needBy).toEqual(hours(24));
  });

  it('R-AS-6: the canteen may choose a return instead before approval', () => {
    const open = openRemedy(
      anOpening({ lines: [aRejectedLine({ kind: 'ingredient', itemId: 'sku-rice' })] }),
      T0,
    );
    const { remedy } = applyRemedyCommand(
      open,
      { type: 'choose', remedy: 'return' },
      aCanteenUser(),
      hours(1),
    );
    expect(remedy).toMatchObject({ type: 'return', chosenBy: 'canteen' });
    expect(remedy.needBy).toBeUndefined();
  });

  it('R-AS-6: the canteen names the need-by time of its exchange; a past time is refused', () => {
    const open = openRemedy(anOpening(), T0);
    const named = applyRemedyCommand(
      open,
      { type: 'choose', remedy: 'exchange', needBy: hours(4) },
      aCanteenUser(),
      hours(1),
    );
    expect(named.remedy.needBy).toEqual(hours(4));
    expect(() =>
      applyRemedyCommand(
        open,
        { type: 'choose', remedy: 'exchange', needBy: hours(0.5) },
        aCanteenUser(),
        hours(1),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'REMEDY.NEED_BY_PASSED',
        fields: [expect.objectContaining({ field: 'needBy' })],
      }),
    );
  });

  it('R-AS-6: a short line can only be exchanged', () => {
    const open = openRemedy(anOpening({ lines: [aRejectedLine({ reason: 'short' })] }), T0);
    expect(() =>
      applyRemedyCommand(open, { type: 'choose', remedy: 'return' }, aCanteenUser(), hours(1)),
    ).toThrow(expect.objectContaining({ code: 'REMEDY.NOTHING_TO_RETURN' }));
  });

  it('R-AS-6: an approved exchange emits the replacement request, urgent by the named time', () => {
    const { remedy, events } = applyRemedyCommand(
      openRemedy(anOpening(), T0),
      { type: 'approve' },
      anAgent(),
      hours(0.5),
    );
    expect(remedy).toMatchObject({ status: 'approved', approvedBy: 'agent-1' });
    expect(events).toEqual([
      {
        type: 'aftersales.exchange.approved',
        payload: {
          exchangeId: 'del-1:line-1',
          canteenId: 'canteen-1',
          originalOrderId: 'order-1',
          needBy: hours(2).toISOString(),
          lines: [{ lineId: 'line-1', quantity: 20 }],
        },
      },
    ]);
  });

  it('R-AS-6: an approved return emits the credit with the SKU for restocking', () => {
    const open = openRemedy(
      anOpening({
        type: 'return',
        lines: [aRejectedLine({ kind: 'ingredient', itemId: 'sku-rice' })],
      }),
      T0,
    );
    const { events } = applyRemedyCommand(open, { type: 'approve' }, anAgent(), hours(1));
    expect(events).toEqual([
      {
        type: 'aftersales.return.approved',
        payload: expect.objectContaining({
          returnId: 'del-1:line-1',
          approvedAt: hours(1).toISOString(),
          lines: [{ lineId: 'line-1', quantity: 20, sku: 'sku-rice' }],
        }),
      },
    ]);
  });

  it('R-AS-6: only aftersales staff approve, once', () => {
    const open = openRemedy(anOpening(), T0);
    expect(() => applyRemedyCommand(open, { type: 'approve' }, aCanteenUser(), hours(1))).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    const approved = applyRemedyCommand(open, { type: 'approve' }, anAgent(), hours(1)).remedy;
    expect(() => applyRemedyCommand(approved, { type: 'approve' }, anAgent(), hours(1))).toThrow(
      expect.objectContaining({ code: 'REMEDY.INVALID_STEP' }),
    );
  });

  it('R-AS-6: the replacement order is linked to its exchange, idempotently', () => {
    const approved = applyRemedyCommand(
      openRemedy(anOpening(), T0),
      { type: 'approve' },
      anAgent(),
      hours(1),
    ).remedy;
    const linked = applyRemedyCommand(
      approved,
      { type: 'link-replacement', orderId: 'order-9' },
      anAgent(),
      hours(1),
    ).remedy;
    expect(linked).toMatchObject({ status: 'replacement-ordered', replacementOrderId: 'order-9' });
    expect(
      applyRemedyCommand(
        linked,
        { type: 'link-replacement', orderId: 'order-9' },
        anAgent(),
        hours(2),
      ).remedy,
    ).toBe(linked);
  });

  it('R-AS-7: returned goods are inspected and the cause charged to a department or person', () => {
    const open = openRemedy(
      anOpening({
        type: 'return',
        lines: [aRejectedLine({ kind: 'ingredient', itemId: 'sku-rice' })],
      }),
      T0,
    );
    let r = applyRemedyCommand(open, { type: 'approve' }, anAgent(), hours(1)).remedy;
    r = applyRemedyCommand(
      r,
      {
        type: 'record-inspection',
        inspection: {
          outcome: 'written-off',
          inspectedBy: 'wh-1',
          inspectedAt: hours(5),
          cause: 'cold chain broken',
        },
      },
      anAgent(),
      hours(5),
    ).remedy;
    expect(r.status).toBe('inspected');
    r = applyRemedyCommand(
      r,
      {
        type: 'charge-cause',
        department: 'warehouse-transport',
        staffId: 'driver-3',
        note: 'no ice packs',
      },
      anAgent(),
      hours(6),
    ).remedy;
    expect(r).toMatchObject({
      status: 'charged',
      charge: { department: 'warehouse-transport', staffId: 'driver-3', chargedBy: 'agent-1' },
    });
  });

  it('R-AS-7: the cause is charged only after the inspection', () => {
    const open = openRemedy(anOpening({ type: 'return' }), T0);
    const approved = applyRemedyCommand(open, { type: 'approve' }, anAgent(), hours(1)).remedy;
    expect(() =>
      applyRemedyCommand(
        approved,
        { type: 'charge-cause', department: 'kitchen', note: 'x' },
        anAgent(),
        hours(2),
      ),
    ).toThrow(expect.objectContaining({ code: 'REMEDY.INVALID_STEP' }));
  });
});
