/**
 * .docx → LayoutDocument, from word/document.xml read through yauzl. Not mammoth: its HTML
 * output is built for display (list numbers are dropped into <ol>, tabs and breaks are
 * flattened), and a second HTML parse would be needed to get tables back; reading the XML
 * directly keeps gridSpan/vMerge spans, tabs, line breaks and automatic list numbers exactly.
 * Paragraphs become LineBlocks (one per printed line break), tables TableBlocks with
 * rectangular rows: a slot covered by a span is an empty cell with a null bbox.
 */
import { createHash } from 'node:crypto';
import { BadInputError } from '../../errors.js';
import { IR_VERSION } from '../../ir/document.js';
import type { Block, LayoutDocument, LineBlock, TableBlock, TableCell, TableRow } from '../../ir/document.js';
import { LEGACY_DOC_MESSAGE, MEDIA, sniffMediaType, unsupportedReason } from '../media-type.js';
import { Numbering } from './numbering.js';
import type { XmlElement } from './xml.js';
import { attr, childElements, firstChild, parseXml } from './xml.js';
import { readZipParts } from './zip.js';

export interface ReadDocxOptions {
  /** Base name as uploaded, for errors and `source.file`. */
  file: string;
}

/** Twentieths of a point per point (Word measures indents in twips). */
const TWIPS_PER_POINT = 20;

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

/** Paragraph styles that carry list numbering, by style id. */
function styleNumbering(stylesXml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!stylesXml) return out;
  const root = childElements(parseXml(stylesXml)).find((e) => e.local === 'styles');
  for (const st of root ? childElements(root, 'style') : []) {
    const numPr = firstChild(firstChild(st, 'pPr'), 'numPr');
    const numId = attr(firstChild(numPr, 'numId'), 'val');
    if (numId)
      out.set(attr(st, 'styleId') ?? '', {
        numId,
        ilvl: Number(attr(firstChild(numPr, 'ilvl'), 'val') ?? 0),
      });
  }
  return out;
}

interface Context {
  numbering: Numbering;
  styles: Map<string, { numId: string; ilvl: number }>;
}

/** Text of a run container (paragraph, hyperlink, inserted text, …): tabs and breaks kept. */
function inlineText(el: XmlElement, ctx: Context): string {
  let out = '';
  for (const c of childElements(el)) {
    switch (c.local) {
      case 't':
        out += c.children.filter((x): x is string => typeof x === 'string').join('');
        break;
      case 'tab':
      case 'ptab':
        out += '\t';
        break;
      case 'br':
      case 'cr':
        out += '\n';
        break;
      case 'noBreakHyphen':
        out += '-';
        break;
      case 'softHyphen':
        break;
      case 'sym': {
        const code = parseInt(attr(c, 'char') ?? '', 16);
        if (Number.isFinite(code)) out += String.fromCharCode(code >= 0xf000 ? code - 0xf000 : code);
        break;
      }
      case 'AlternateContent': {
        // Same content twice (new and fallback form): take one.
        const choice = firstChild(c, 'Choice') ?? firstChild(c, 'Fallback');
        if (choice) out += inlineText(choice, ctx);
        break;
      }
      case 'del':
      case 'instrText':
      case 'delText':
      case 'rPr':
      case 'pPr':
      case 'txbxContent':
        break;
      default:
        out += inlineText(c, ctx);
    }
  }
  return out;
}

function paragraphText(p: XmlElement, ctx: Context): { text: string; indent: number } {
  const pPr = firstChild(p, 'pPr');
  const numPr = firstChild(pPr, 'numPr');
  const styled = ctx.styles.get(attr(firstChild(pPr, 'pStyle'), 'val') ?? '');
  const numId = attr(firstChild(numPr, 'numId'), 'val') ?? styled?.numId;
  const ilvl = Number(attr(firstChild(numPr, 'ilvl'), 'val') ?? styled?.ilvl ?? 0);
  const label = numId ? ctx.numbering.next(numId, ilvl) : '';
  const ind = firstChild(pPr, 'ind');
  const left = Number(attr(ind, 'left') ?? attr(ind, 'start') ?? 0);
  const text = inlineText(p, ctx);
  // Word prints the number of an empty list paragraph too (an auto-numbered NO cell).
  const full = label ? (text.trim() ? `${label} ${text}` : label) : text;
  return { text: full, indent: Number.isFinite(left) ? left / TWIPS_PER_POINT : 0 };
}

/** Paragraphs in text boxes (signature blocks are sometimes drawn in them). */
function textBoxParagraphs(p: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      if (c.local === 'Fallback') continue;
      if (c.local === 'txbxContent') out.push(...childElements(c).filter((x) => x.local === 'p'));
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** Cell text: its paragraphs (and nested tables, row by row) as lines. */
function cellText(tc: XmlElement, ctx: Context): string {
  const lines: string[] = [];
  for (const c of bodyElements(tc)) {
    if (c.local === 'p') lines.push(paragraphText(c, ctx).text);
    else if (c.local === 'tbl') {
      for (const tr of childElements(c, 'tr')) {
        lines.push(
          childElements(tr, 'tc')
            .map((x) => cellText(x, ctx).replace(/\n/g, ' '))
            .join('\t'),
        );
      }
    }
  }
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  while (lines.length && !lines[0]!.trim()) lines.shift();
  return lines.join('\n');
}

/** Block-level children, looking through content controls and tracked insertions. */
function bodyElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childElements(el)) {
    if (c.local === 'sdt') out.push(...bodyElements(firstChild(c, 'sdtContent') ?? c));
    else if (c.local === 'customXml' || c.local === 'ins') out.push(...bodyElements(c));
    else if (c.local === 'AlternateContent') {
      const choice = firstChild(c, 'Choice') ?? firstChild(c, 'Fallback');
      if (choice) out.push(...bodyElements(choice));
    } else out.push(c);
  }
  return out;
}

interface Slot {
  origin: { cell: TableCell } | null;
  /** Row and column of the origin cell this slot is covered by. */
  coveredBy: [number, number] | null;
}

function table(tbl: XmlElement, ctx: Context): TableBlock {
  const trs = childElements(tbl, 'tr');
  const grid: Slot[][] = [];
  for (const [r, tr] of trs.entries()) {
    const row: Slot[] = [];
    const before = Number(attr(firstChild(firstChild(tr, 'trPr'), 'gridBefore'), 'val') ?? 0);
    for (let k = 0; k < before; k++)
      row.push({ origin: { cell: { text: '', bbox: null } }, coveredBy: null });
    for (const tc of bodyElements(tr).filter((e) => e.local === 'tc')) {
      const tcPr = firstChild(tc, 'tcPr');
      const span = Math.max(1, Number(attr(firstChild(tcPr, 'gridSpan'), 'val') ?? 1) || 1);
      const vMerge = firstChild(tcPr, 'vMerge');
      const hMerge = attr(firstChild(tcPr, 'hMerge'), 'val');
      const col = row.length;
      // vMerge without val="restart" continues the cell above in the same grid column.
      const continues = vMerge !== undefined && (attr(vMerge, 'val') ?? 'continue') !== 'restart';
      const above = r > 0 ? grid[r - 1]![col] : undefined;
      if (continues && above) {
        const [or, oc] = above.coveredBy ?? [r - 1, col];
        const origin = grid[or]![oc]!.origin!;
        origin.cell.rowSpan = (origin.cell.rowSpan ?? 1) + 1;
        for (let k = 0; k < span; k++) row.push({ origin: null, coveredBy: [or, oc] });
        continue;
      }
      if (hMerge === 'continue' && col > 0) {
        const left = row[col - 1]!;
        const [or, oc] = left.coveredBy ?? [r, col - 1];
        const origin = (or === r ? row : grid[or]!)[oc]!.origin!;
        origin.cell.colSpan = (origin.cell.colSpan ?? 1) + span;
        for (let k = 0; k < span; k++) row.push({ origin: null, coveredBy: [or, oc] });
        continue;
      }
      const cell: TableCell = { text: cellText(tc, ctx), bbox: null };
      if (span > 1) cell.colSpan = span;
      row.push({ origin: { cell }, coveredBy: null });
      for (let k = 1; k < span; k++) row.push({ origin: null, coveredBy: [r, col] });
    }
    grid.push(row);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  const rows: TableRow[] = grid.map((slots) => {
    const cells = slots.map((s) => (s.origin ? s.origin.cell : { text: '', bbox: null }));
    while (cells.length < width) cells.push({ text: '', bbox: null });
    return { cells, page: null, bbox: null };
  });
  return { kind: 'table', rows, origin: 'docx', page: null, bbox: null, lineNo: 0 };
}

function lineBlocks(text: string, indent: number): LineBlock[] {
  return text
    .split('\n')
    .filter((t) => t.trim())
    .map((t) => ({ kind: 'line', text: t, lineNo: 0, page: null, bbox: null, indent }));
}

/** Reads a .docx into reading-order blocks (no pages: a .docx has no fixed layout). */
export async function readDocx(bytes: Uint8Array, opts: ReadDocxOptions): Promise<LayoutDocument> {
  const { file } = opts;
  const sniff = sniffMediaType(bytes, file);
  if (sniff.kind === 'doc' && sniff.mediaType === MEDIA.doc)
    throw new BadInputError(LEGACY_DOC_MESSAGE, { file, stage: 'read' });
  if (sniff.kind !== 'docx' && sniff.kind !== 'zip') {
    throw new BadInputError(unsupportedReason(sniff) ?? `not a .docx (${sniff.mediaType})`, {
      file,
      stage: 'read',
    });
  }
  const parts = await readZipParts(bytes, [DOCUMENT, NUMBERING, STYLES], file);
  const xml = parts.get(DOCUMENT);
  if (xml === undefined)
    throw new BadInputError('not a Word document: the zip has no word/document.xml', { file, stage: 'read' });
  const ctx: Context = {
    numbering: new Numbering(parts.get(NUMBERING)),
    styles: styleNumbering(parts.get(STYLES)),
  };
  const root = parseXml(xml);
  const body = childElements(root).find((e) => e.local === 'document');
  const bodyEl = body ? firstChild(body, 'body') : undefined;
  if (!bodyEl)
    throw new BadInputError('damaged .docx: word/document.xml has no body', { file, stage: 'read' });
  const blocks: Block[] = [];
  for (const el of bodyElements(bodyEl)) {
    if (el.local === 'p') {
      const { text, indent } = paragraphText(el, ctx);
      blocks.push(...lineBlocks(text, indent));
      for (const p of textBoxParagraphs(el)) {
        const t = paragraphText(p, ctx);
        blocks.push(...lineBlocks(t.text, t.indent));
      }
    } else if (el.local === 'tbl') {
      blocks.push(table(el, ctx));
    }
  }
  blocks.forEach((b, i) => {
    b.lineNo = i;
  });
  return {
    irVersion: IR_VERSION,
    source: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType: MEDIA.docx,
      pages: null,
      extraction: 'text',
    },
    pages: [],
    blocks,
    issues: [],
  };
}
