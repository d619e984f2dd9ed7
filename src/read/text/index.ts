/**
 * Text reader: decoded text → LayoutDocument. Markdown tables and tab-separated rows become
 * TableBlocks (their grid is explicit); every other line is a LineBlock. Flattened PDF dumps
 * come out as lines, and the table stage rebuilds their grid.
 */
import type { Block, LayoutDocument, LineBlock, TableBlock, TableCell } from '../../ir/document.js';
import { IR_VERSION } from '../../ir/document.js';

/** Lines longer than this are cut (a 10 MB single line must not stall the parser). */
export const MAX_LINE_CHARS = 20_000;

const MD_ROW = /^\s*\|.*\|\s*$/;
const MD_SEPARATOR = /^\s*\|(?:\s*:?-{1,}:?\s*\|)+\s*$/;

function splitMarkdownRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

function cell(text: string): TableCell {
  return { text, bbox: null };
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
    if (line.includes('\t') && line.split('\t').filter((c) => c.trim()).length >= 2) {
      const start = i;
      const rows: TableBlock['rows'] = [];
      // A tab table continues over blank lines when tab rows follow.
      while (i < lines.length) {
        const l = lines[i]!.slice(0, MAX_LINE_CHARS);
        if (l.includes('\t')) {
          rows.push({ cells: l.split('\t').map((c) => cell(c.trim())), page: null, bbox: null });
          i++;
        } else if (!l.trim() && i + 1 < lines.length && lines[i + 1]!.includes('\t')) {
          i++;
        } else break;
      }
      blocks.push({ kind: 'table', rows, origin: 'tsv', page: null, bbox: null, lineNo: start });
      continue;
    }
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
