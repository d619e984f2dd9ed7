/**
 * Text reader: decoded text → LayoutDocument. Markdown tables and tab-separated rows become
 * TableBlocks (their grid is explicit); every other line is a LineBlock. Flattened PDF dumps
 * come out as lines, and the table stage rebuilds their grid.
 */
import type { Block, LayoutDocument, LineBlock, TableBlock, TableCell } from '../../ir/document.js';
import { IR_VERSION } from '../../ir/document.js';
import { htmlTable } from './html-table.js';

/** Lines longer than this are cut (a 10 MB single line must not stall the parser). */
export const MAX_LINE_CHARS = 20_000;

/** A line opening an HTML table; multiline, so the media type guess can ask it of a whole text. */
export const HTML_TABLE_START = /^\s*<table\b/im;
/** Longest HTML table read as one (a bound on a file that never closes its table). */
const MAX_HTML_TABLE_CHARS = 2_000_000;
const MD_ROW = /^\s*\|.*\|\s*$/;
const MD_SEPARATOR = /^\s*\|(?:\s*:?-{1,}:?\s*\|)+\s*$/;

function splitMarkdownRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

function cell(text: string): TableCell {
  return { text, bbox: null };
}

/**
 * "Jabatan<TAB>: Kepala Seksi", "2.<TAB>Tugas<TAB>:": a form field aligned with a tab, not a table
 * row: a short label (with its item number), then a field starting with the colon.
 */
const LABELLED = /^\s*(?:\d{1,2}[.)]?\s*\t*\s*)?\p{L}[\p{L} .]{0,40}\t+\s*:/u;

function isLabelledLine(line: string): boolean {
  return LABELLED.test(line);
}

/** Lines of one cell a row of a tab table may run over before its next field. */
const MAX_CELL_LINES = 30;

/** Does the tab row left open at line `i` go on (a later line within reach holds its next fields)? */
function continuesRow(lines: readonly string[], i: number): boolean {
  for (let k = i; k < lines.length && k < i + MAX_CELL_LINES; k++) {
    if (lines[k]!.includes('\t')) return true;
    if (!lines[k]!.trim()) return false;
  }
  return false;
}

export interface TextLayoutResult {
  blocks: Block[];
  truncatedLines: number;
}

export function layoutText(text: string): TextLayoutResult {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let truncatedLines = 0;
  let i = 0;
  while (i < lines.length) {
    let line = lines[i]!;
    if (line.length > MAX_LINE_CHARS) {
      line = line.slice(0, MAX_LINE_CHARS);
      truncatedLines++;
    }
    if (HTML_TABLE_START.test(line)) {
      // An HTML table (a converter's way to keep merged cells): up to its closing tag.
      const start = i;
      let html = '';
      while (i < lines.length && html.length < MAX_HTML_TABLE_CHARS) {
        html += `${lines[i]!.slice(0, MAX_LINE_CHARS)}\n`;
        i++;
        if (/<\/table>/i.test(html)) break;
      }
      blocks.push(htmlTable(html, start));
      continue;
    }
    if (MD_ROW.test(line)) {
      const start = i;
      const rows: TableBlock['rows'] = [];
      while (i < lines.length && MD_ROW.test(lines[i]!.slice(0, MAX_LINE_CHARS))) {
        const l = lines[i]!.slice(0, MAX_LINE_CHARS);
        if (!MD_SEPARATOR.test(l))
          rows.push({ cells: splitMarkdownRow(l).map(cell), page: null, bbox: null });
        i++;
      }
      blocks.push({ kind: 'table', rows, origin: 'markdown', page: null, bbox: null, lineNo: start });
      continue;
    }
    if (
      line.includes('\t') &&
      !isLabelledLine(line) &&
      line.split('\t').filter((c) => c.trim()).length >= 2
    ) {
      const start = i;
      const rows: TableBlock['rows'] = [];
      // Word's text export ends a row's line inside a cell that holds a line break: the row goes
      // on over the next line(s), whose first field continues that cell. A row is complete when it
      // has as many fields as the table's first (heading) line.
      const width = line.split('\t').length;
      const open = (): TableBlock['rows'][number] | undefined => {
        const last = rows[rows.length - 1];
        return last && last.cells.length < width ? last : undefined;
      };
      // A tab table continues over blank lines when tab rows follow.
      while (i < lines.length) {
        const l = lines[i]!.slice(0, MAX_LINE_CHARS);
        const last = open();
        if (isLabelledLine(l)) break;
        if (l.includes('\t')) {
          const fields = l.split('\t');
          const head = fields[0]!.trim();
          // A new row opens with an empty first field (a sub-row without its number) or a full width.
          if (last && head && last.cells.length + fields.length - 1 <= width) {
            const cellOpen = last.cells[last.cells.length - 1]!;
            cellOpen.text = cellOpen.text ? `${cellOpen.text}\n${head}` : head;
            last.cells.push(...fields.slice(1).map((c) => cell(c.trim())));
          } else rows.push({ cells: fields.map((c) => cell(c.trim())), page: null, bbox: null });
          i++;
        } else if (l.trim() && last && continuesRow(lines, i)) {
          const cellOpen = last.cells[last.cells.length - 1]!;
          cellOpen.text = cellOpen.text ? `${cellOpen.text}\n${l.trim()}` : l.trim();
          i++;
        } else if (!l.trim() && i + 1 < lines.length && lines[i + 1]!.includes('\t')) {
          i++;
        } else break;
      }
      blocks.push({ kind: 'table', rows, origin: 'tsv', page: null, bbox: null, lineNo: start });
      continue;
    }
    if (isLabelledLine(line)) line = line.replace(/\t+/g, ' ');
    const indent = line.length - line.trimStart().length;
    const b: LineBlock = { kind: 'line', text: line, lineNo: i, page: null, bbox: null, indent };
    blocks.push(b);
    i++;
  }
  return { blocks, truncatedLines };
}

export function readTextDocument(text: string, source: LayoutDocument['source']): LayoutDocument {
  const { blocks, truncatedLines } = layoutText(text);
  return {
    irVersion: IR_VERSION,
    source,
    pages: [],
    blocks,
    issues:
      truncatedLines > 0
        ? [
            {
              code: 'TRUNCATED_INPUT',
              page: null,
              message: `${truncatedLines} line(s) longer than ${MAX_LINE_CHARS} characters were cut`,
            },
          ]
        : [],
  };
}
