/** Reading target cells: year → number, or the printed string when it was not numeric. */

/** The numeric value of a target: numbers as they are, strings like "90", "90 %", "92,5%" parsed. */
export function targetNumber(value: number | string | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{1,9}(?:[.,]\d+)?)\s*%?\s*$/.exec(value);
  return m?.[1] !== undefined ? Number(m[1].replace(',', '.')) : null;
}

/** True when a target cell is empty: absent, "", or only a dash. */
export function isEmptyTarget(value: number | string | undefined): boolean {
  return value === undefined || (typeof value === 'string' && /^[\s\-–—]*$/.test(value));
}

/** True when a target was printed with a percent sign ("90%"), so the extractor kept it as text. */
export function printsPercent(value: number | string | undefined): boolean {
  return typeof value === 'string' && value.includes('%');
}

/** A number as a reviewer would read it: 90, 92.5. */
export function formatTarget(value: number | string): string {
  return typeof value === 'number' ? String(value) : value.trim();
}
