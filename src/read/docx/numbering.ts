/**
 * Word's automatic list numbers. document.xml holds only "this paragraph is item N of list L at
 * level K"; the printed label ("1.", "a)", "•") comes from numbering.xml. Without it an
 * auto-numbered NO column would read empty, so labels are rebuilt here, counters per list.
 */
import type { XmlElement } from './xml.js';
import { attr, childElements, firstChild, parseXml } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
}

/** Private-use bullets of the Symbol/Wingdings fonts → the character they print. */
const SYMBOL_BULLETS: Record<string, string> = {
  '\uf0b7': '•',
  '\uf0a7': '▪',
  '\uf0d8': '➢',
  '\uf076': '❖',
  '\uf0fc': '✓',
  '\uf0a8': '□',
  '\uf02d': '-',
};

/** Deepest list level Word allows (0-based 8). */
const MAX_LEVEL = 8;

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb, …
  const k = Math.max(1, n);
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly levels = new Map<string, Level[]>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | undefined) {
    if (!numberingXml) return;
    const root = parseXml(numberingXml);
    const numberingEl = childElements(root).find((e) => e.local === 'numbering');
    if (!numberingEl) return;
    const abstract = new Map<string, Level[]>();
    for (const a of childElements(numberingEl, 'abstractNum')) {
      abstract.set(attr(a, 'abstractNumId') ?? '', readLevels(a));
    }
    for (const num of childElements(numberingEl, 'num')) {
      const id = attr(num, 'numId') ?? '';
      const base = abstract.get(attr(firstChild(num, 'abstractNumId'), 'val') ?? '') ?? [];
      const lv = base.map((l) => ({ ...l }));
      for (const o of childElements(num, 'lvlOverride')) {
        const k = Number(attr(o, 'ilvl') ?? -1);
        const start = attr(firstChild(o, 'startOverride'), 'val');
        if (lv[k] && start !== undefined) lv[k]!.start = Number(start) || 0;
        const l = firstChild(o, 'lvl');
        if (l) lv[k] = readLevel(l);
      }
      this.levels.set(id, lv);
    }
  }

  /** The printed label of the next item of list `numId` at `ilvl`, or '' when none is printed. */
  next(numId: string, ilvl: number): string {
    const lv = this.levels.get(numId);
    if (!lv || numId === '0') return '';
    const k = Math.max(0, Math.min(MAX_LEVEL, ilvl));
    const level = lv[k];
    if (!level) return '';
    const c = this.counters.get(numId) ?? lv.map((l) => l.start - 1);
    c[k] = (c[k] ?? level.start - 1) + 1;
    for (let d = k + 1; d < c.length; d++) c[d] = (lv[d]?.start ?? 1) - 1;
    this.counters.set(numId, c);
    if (level.format === 'bullet')
      return [...level.text].map((ch) => SYMBOL_BULLETS[ch] ?? ch).join('') || '•';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(Math.max(c[i] ?? 1, lv[i]?.start ?? 1), lv[i]?.format ?? 'decimal');
    });
  }
}

function readLevel(l: XmlElement): Level {
  return {
    start: Number(attr(firstChild(l, 'start'), 'val') ?? 1) || 0,
    format: attr(firstChild(l, 'numFmt'), 'val') ?? 'decimal',
    text: attr(firstChild(l, 'lvlText'), 'val') ?? '',
  };
}

function readLevels(a: XmlElement): Level[] {
  const out: Level[] = [];
  for (const l of childElements(a, 'lvl')) {
    const k = Number(attr(l, 'ilvl') ?? out.length);
    if (k >= 0 && k <= MAX_LEVEL) out[k] = readLevel(l);
  }
  return out;
}
