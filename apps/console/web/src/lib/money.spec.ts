import { fenToYuanText, formatYuan, normaliseYuanInput, yuanToFen } from './money';

describe('console money formatting (元, two decimals)', () => {
  it('reads the services yuan strings exactly, without floating point', () => {
    expect(yuanToFen('20.00')).toBe(2000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('16.05')).toBe(1605);
    expect(yuanToFen('-3.5')).toBe(-350);
    expect(yuanToFen('1.234')).toBeUndefined();
    expect(yuanToFen('abc')).toBeUndefined();
  });

  it('shows yuan with two decimals and grouped thousands', () => {
    expect(formatYuan('350')).toBe('350.00 元');
    expect(formatYuan('1234567.5')).toBe('1,234,567.50 元');
    expect(formatYuan(3300)).toBe('33.00 元');
    expect(formatYuan(-2000)).toBe('-20.00 元');
    expect(formatYuan(undefined)).toBe('—');
    expect(fenToYuanText(5)).toBe('0.05');
  });

  it('normalises typed prices into the API form', () => {
    expect(normaliseYuanInput(' 12.3 ')).toBe('12.30');
    expect(normaliseYuanInput('12000')).toBe('12000.00');
    expect(normaliseYuanInput('12,3')).toBeUndefined();
  });
});
