/**
 * LaTeX as printed in formula cells (`$\frac{\sum \text{A}}{\sum \text{B}} \times 100\%$`) rendered
 * to plain text ("(Σ A) / (Σ B) × 100%"). Only the commands such cells use are known; an unknown
 * command keeps its name. Braces are matched once up front and recursion is capped, so any input
 * renders in linear time without overflowing the stack.
 */

interface SymbolRendering {
  readonly text: string;
  /** infix: spaced on both sides ("a × b"); prefix: spaced after ("Σ x"); plain: as is. */
  readonly spacing: 'infix' | 'prefix' | 'plain';
}

const infix = (text: string): SymbolRendering => ({ text, spacing: 'infix' });
const prefix = (text: string): SymbolRendering => ({ text, spacing: 'prefix' });
const plain = (text: string): SymbolRendering => ({ text, spacing: 'plain' });

/** Commands that render as a symbol. */
const SYMBOLS: ReadonlyMap<string, SymbolRendering> = new Map([
  ['sum', prefix('Σ')],
  ['Sigma', prefix('Σ')],
  ['prod', prefix('Π')],
  ['Pi', prefix('Π')],
  ['times', infix('×')],
  ['cdot', infix('·')],
  ['ast', infix('*')],
  ['div', infix('÷')],
  ['pm', infix('±')],
  ['mp', infix('∓')],
  ['le', infix('≤')],
  ['leq', infix('≤')],
  ['ge', infix('≥')],
  ['geq', infix('≥')],
  ['ne', infix('≠')],
  ['neq', infix('≠')],
  ['approx', infix('≈')],
  ['equiv', infix('≡')],
  ['to', infix('→')],
  ['rightarrow', infix('→')],
  ['infty', plain('∞')],
  ['ldots', plain('…')],
  ['cdots', plain('…')],
  ['dots', plain('…')],
  ['alpha', plain('α')],
  ['beta', plain('β')],
  ['gamma', plain('γ')],
  ['delta', plain('δ')],
  ['Delta', plain('Δ')],
  ['epsilon', plain('ε')],
  ['theta', plain('θ')],
  ['lambda', plain('λ')],
  ['mu', plain('μ')],
  ['pi', plain('π')],
  ['rho', plain('ρ')],
  ['sigma', plain('σ')],
  ['tau', plain('τ')],
  ['phi', plain('φ')],
  ['omega', plain('ω')],
  ['Omega', plain('Ω')],
  ['quad', plain(' ')],
  ['qquad', plain(' ')],
]);

/** Commands that only style or size their argument: they render as nothing, the argument stays. */
const TRANSPARENT = new Set([
  'text',
  'textrm',
  'textit',
  'textbf',
  'textnormal',
  'textsf',
  'texttt',
  'mathrm',
  'mathbf',
  'mathit',
  'mathsf',
  'mathtt',
  'operatorname',
  'mbox',
  'hbox',
  'displaystyle',
  'textstyle',
  'left',
  'right',
  'big',
  'Big',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'limits',
  'nolimits',
]);

/** Commands with two arguments rendered as a division. */
const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);

/** One-character escapes: "\%" → "%"; spacing commands ("\,", "\ ", "\\") → a space. */
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['%', '%'],
  ['$', '$'],
  ['&', '&'],
  ['#', '#'],
  ['_', '_'],
  ['{', '{'],
  ['}', '}'],
  [',', ' '],
  [';', ' '],
  [':', ' '],
  ['!', ''],
  [' ', ' '],
  ['\\', ' '],
]);

/** The square root, rendered "√x" or "√(a + b)". */
const ROOT = 'sqrt';

/** Deepest nesting of fractions and roots rendered as such; deeper ones render their parts side by side. */
const MAX_NESTING = 16;

/** A part of a rendered fraction is wrapped in parentheses when it has spaces or operators. */
const NEEDS_PARENTHESES = /[\s+\-−×÷*/·=]/;

const LETTERS = /[A-Za-z]/;

/** True when the text holds LaTeX markup (a command or a math delimiter). */
export function hasLatex(s: string): boolean {
  return s.includes('\\') || s.includes('$');
}

interface Source {
  readonly s: string;
  /** For each "{", the index of its "}" (and back); -1 when unmatched or not a brace. */
  readonly partner: Int32Array;
}

function matchBraces(s: string): Int32Array {
  const partner = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++; // an escaped brace "\{" is text, not grouping
    } else if (c === '{') {
      stack.push(i);
    } else if (c === '}') {
      const open = stack.pop();
      if (open !== undefined) {
        partner[open] = i;
        partner[i] = open;
      }
    }
  }
  return partner;
}

/** A command's name after the backslash at `at`: a run of letters, or one other character. */
function commandName(s: string, at: number): string {
  let end = at + 1;
  while (end < s.length && LETTERS.test(s.charAt(end))) end++;
  return end > at + 1 ? s.slice(at + 1, end) : s.charAt(at + 1);
}

interface Argument {
  readonly from: number;
  readonly to: number;
  /** Where reading continues after the argument. */
  readonly next: number;
}

/** A command argument at `at` (bounded by `limit`): a braced group, a command, or one character. */
function readArgument(src: Source, at: number, limit: number): Argument {
  let i = at;
  while (i < limit && /\s/.test(src.s.charAt(i))) i++;
  if (i >= limit) return { from: i, to: i, next: i };
  if (src.s[i] === '{') {
    const close = src.partner[i] ?? -1;
    const end = close > i && close < limit ? close : limit;
    return { from: i + 1, to: end, next: Math.min(end + 1, limit) };
  }
  if (src.s[i] === '\\') {
    const len = commandName(src.s, i).length + 1;
    return { from: i, to: i + len, next: i + len };
  }
  const ch = String.fromCodePoint(src.s.codePointAt(i) ?? 0);
  return { from: i, to: i + ch.length, next: i + ch.length };
}

function wrap(part: string): string {
  return NEEDS_PARENTHESES.test(part) ? `(${part})` : part;
}

function render(src: Source, from: number, to: number, depth: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const c = src.s.charAt(i);
    if (c === '$' || c === '{' || c === '}') {
      i++; // math delimiters and grouping braces print nothing
      continue;
    }
    if (c === '~') {
      out += ' ';
      i++;
      continue;
    }
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const name = commandName(src.s, i);
    i += 1 + name.length;
    if (name === '') continue; // a lone backslash at the end
    if (FRACTIONS.has(name) && depth < MAX_NESTING) {
      const num = readArgument(src, i, to);
      const den = readArgument(src, num.next, to);
      const a = clean(render(src, num.from, num.to, depth + 1));
      const b = clean(render(src, den.from, den.to, depth + 1));
      if (a !== '' || b !== '') out += ` ${wrap(a)} / ${wrap(b)} `;
      i = den.next;
      continue;
    }
    if (name === ROOT && depth < MAX_NESTING) {
      const arg = readArgument(src, i, to);
      const radicand = clean(render(src, arg.from, arg.to, depth + 1));
      if (radicand !== '') out += `√${wrap(radicand)}`;
      i = arg.next;
      continue;
    }
    const escape = ESCAPES.get(name);
    const symbol = SYMBOLS.get(name);
    if (escape !== undefined) out += escape;
    else if (symbol?.spacing === 'infix') out += ` ${symbol.text} `;
    else if (symbol?.spacing === 'prefix') out += `${symbol.text} `;
    else if (symbol !== undefined) out += symbol.text;
    else if (!TRANSPARENT.has(name) && !FRACTIONS.has(name) && name !== ROOT) out += name;
  }
  return out;
}

/** Collapses the spaces that rendering leaves around symbols and inside parentheses. */
function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([([]) /g, '$1')
    .replace(/ ([)\]])/g, '$1')
    .trim();
}

/** Renders LaTeX markup as plain text: `\frac{a}{b}` → "a / b", `\sum` → "Σ", `\%` → "%", "$" dropped. */
export function latexToPlain(s: string): string {
  const src: Source = { s, partner: matchBraces(s) };
  return clean(render(src, 0, s.length, 0));
}

/** A text holding exactly one top-level LaTeX fraction, cut into its parts (still LaTeX). */
export interface SingleFraction {
  readonly before: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly after: string;
}

/**
 * Finds the one top-level `\frac{…}{…}` of the text; null when there is none or more than one
 * (nested fractions inside its parts are allowed).
 */
export function findSingleFraction(s: string): SingleFraction | null {
  const src: Source = { s, partner: matchBraces(s) };
  let found: SingleFraction | null = null;
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '\\') {
      i++;
      continue;
    }
    const name = commandName(s, i);
    const start = i;
    i += 1 + Math.max(name.length, 1);
    if (!FRACTIONS.has(name)) continue;
    if (found !== null) return null;
    const num = readArgument(src, i, s.length);
    const den = readArgument(src, num.next, s.length);
    found = {
      before: s.slice(0, start),
      numerator: s.slice(num.from, num.to),
      denominator: s.slice(den.from, den.to),
      after: s.slice(den.next),
    };
    i = den.next;
  }
  return found;
}
