import { CanteenSnapshot } from './contracts';
import { newEvent } from './envelope';
import { newWithEvents, withEvents } from './outbox';

const anEvent = (name: string) =>
  newEvent(
    'orders.canteen.registered',
    'c1',
    { canteenId: 'c1', name } as unknown as CanteenSnapshot,
    new Date('2026-01-05T00:00:00Z'),
    {
      source: '/orders',
      correlationId: 'corr-1',
    },
  );

describe('outbox staged in the same single-document write', () => {
  it('adds events as keyed map entries and marks the document due', () => {
    const update = withEvents({ $set: { name: 'x' } }, [anEvent('a'), anEvent('b')]);
    const keys = Object.keys(update.$set).filter((k) => k.startsWith('outbox.'));
    expect(keys).toHaveLength(2);
    expect([...keys].sort()).toEqual(keys); // keys sort in emission order
    expect(update.$set).toMatchObject({ name: 'x' });
    expect(update.$set.outboxAt).toBeInstanceOf(Date);
    expect(update.$inc).toEqual({ outboxSeq: 1 });
  });

  it('leaves an update without events untouched', () => {
    const update = { $set: { name: 'x' } };
    expect(withEvents(update, [])).toBe(update);
  });

  it('creates a document carrying its first events', () => {
    const doc = newWithEvents({ _id: 'c1' }, [anEvent('a')]);
    expect(Object.values(doc.outbox!)).toHaveLength(1);
    expect(doc.outboxAt).toBeInstanceOf(Date);
    expect(newWithEvents({ _id: 'c2' }, []).outboxAt).toBeNull();
  });

  it('stamps CloudEvents fields, correlation and a fresh id', () => {
    const [a, b] = [anEvent('a'), anEvent('a')];
    expect(a).toMatchObject({
      specversion: '1.0',
      type: 'orders.canteen.registered',
      subject: 'c1',
      correlationid: 'corr-1',
      time: '2026-01-05T00:00:00.000Z',
    });
    expect(a.id).not.toBe(b.id);
  });
});
