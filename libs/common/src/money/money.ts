/**
 * Money is integer fen (1 元 = 100 fen) in storage and arithmetic; the API shows yuan as a
 * decimal string ("20.00"). Floats never touch money.
 */
export type Fen = number;

export function yuanToFen(yuan: string): Fen {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!match) throw new RangeError(`not a yuan amount: "${yuan}"`);
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

export function fenToYuan(fen: Fen): string {
  if (!Number.isInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Regex for validating yuan strings in DTOs. */
export const YUAN_PATTERN = /^\d+(\.\d{1,2})?$/;

/** Multiplies a fen amount by a rational factor, rounding half up to the fen. */
export function mulFen(fen: Fen, numerator: number, denominator = 1): Fen {
  return Math.round((fen * numerator) / denominator);
}

/** Percentage markup in basis points (1 % = 100 bp), rounded half up to the fen. */
export function applyMarkupBp(fen: Fen, markupBp: number): Fen {
  return Math.round((fen * (10_000 + markupBp)) / 10_000);
}
