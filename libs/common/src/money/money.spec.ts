import { applyMarkupBp, fenToYuan, yuanToFen } from './money';

describe('money in fen, yuan strings in the API', () => {
  it.each([
    ['20.00', 2000],
    ['0.5', 50],
    ['12', 1200],
    ['-3.07', -307],
  ])('parses %s as %i fen', (yuan, fen) => expect(yuanToFen(yuan)).toBe(fen));

  it('formats fen as a two-decimal yuan string', () => {
    expect(fenToYuan(2000)).toBe('20.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-307)).toBe('-3.07');
  });

  it('refuses amounts that are not money', () => {
    expect(() => yuanToFen('1.234')).toThrow(RangeError);
    expect(() => yuanToFen('abc')).toThrow(RangeError);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });

  it('applies a markup in basis points, rounding to the fen', () => {
    expect(applyMarkupBp(1000, 0)).toBe(1000);
    expect(applyMarkupBp(1000, 1250)).toBe(1125);
    expect(applyMarkupBp(333, 1000)).toBe(366);
  });
});
