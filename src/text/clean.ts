/**
 * Text cleaning shared by every field: markup out, entities decoded, list markers off,
 * whitespace collapsed. The contract's "Text fields" rules live here and nowhere else.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/**
 * `<br>` becomes a line break; other tags and markdown emphasis vanish. Each step runs only when
 * its marker character is present: most cells have none, and every cell passes through here.
 */
export function stripMarkup(s: string): string {
  let out = s;
  if (out.includes('<')) {
    out = out.replace(/<br\s*\/?>/gi, '\n').replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?>/gi, '');
  }
  if (out.includes('*')) out = out.replace(/\*\*([^*]*)\*\*/g, '$1');
  if (out.includes('_')) out = out.replace(/__([^_]+)__/g, '$1');
  if (out.includes('*')) out = out.replace(/\*\*/g, '');
  return decodeEntities(out);
}

/**
 * Runs of whitespace (and zero-width spaces, which \s does not cover) become one space; ends
 * trimmed. Non-breaking and typographic spaces are whitespace to \s already.
 */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/**
 * A list marker at the start of an item: "-", "•", "➢", "a.", "a)", "1)", "2.", "(3)".
 * A number followed by a dot and a space is a marker; "17 Agustus" is not.
 */
const LIST_MARKER =
  /^\s*(?:[-–—•●○▪■➢➤►✓*·]+\s*|\(?[a-zA-Z]\)\s+|[a-zA-Z]\.\s+|\(?\d{1,2}\)\s*|\d{1,2}\.(?!\d)\s*)/;

export function hasListMarker(s: string): boolean {
  return LIST_MARKER.test(s) && !/^\s*\d{1,2}\.\d/.test(s);
}

export function stripListMarker(s: string): string {
  // Two markers may be stacked ("- a) Penyusunan").
  let out = s;
  for (let i = 0; i < 2; i++) {
    const m = LIST_MARKER.exec(out);
    if (!m) break;
    // A lone capital letter followed by a dot is usually an initial ("M. Husaini"), keep it
    // unless it is followed by a list-like word; items start with a capitalised verb anyway.
    out = out.slice(m[0].length);
  }
  return out;
}

/** Markup removed, whitespace collapsed: the value of a single-line field. */
export function cleanInline(s: string): string {
  return collapseWhitespace(stripMarkup(s));
}

/** A value that is only a dash or dots means "nothing printed". */
export function isBlankValue(s: string): boolean {
  return /^[\s\-–—.…:_]*$/.test(s);
}
