/** Money as the services speak it: decimal strings of yuan ("20.00"), integer fen inside. */

const YUAN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "20" → 2000, "-3.5" → -350; undefined when the text is not an amount of yuan. */
export function yuanToFen(text: string): number | undefined {
  const m = YUAN.exec(text.trim());
  if (!m) return undefined;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && fen !== 0 ? -fen : fen;
}

/** 123456 → "1,234.56" (two decimals, thousands grouped). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** The service's yuan string or a fen number, shown in 元 with two decimals: "1,234.50 元". */
export function formatYuan(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const fen = typeof value === 'number' ? value : yuanToFen(value);
  return fen === undefined ? String(value) : `${fenToYuanText(fen)} 元`;
}

/** Normalises what a person typed into the API's form ("12.3" → "12.30"), or undefined. */
export function normaliseYuanInput(text: string): string | undefined {
  const fen = yuanToFen(text);
  if (fen === undefined) return undefined;
  return fenToYuanText(fen).replace(/,/g, '');
}
