/**
 * The extractor: bytes → contract JSON. An ordered list of pure stages over typed IRs:
 *
 *   read (bytes → LayoutDocument) → segment (→ FormSegment[]) → header + table + records +
 *   signatures (→ SectionDraft[]) → pairing across the file → flags → zod validation.
 *
 * Transport (CLI, queue, API) calls `extractFile`; nothing here does I/O.
 */
import { createHash } from 'node:crypto';
import type { ExtractedFile, Flag, Section } from '../contract/schema.js';
import { ExtractedFile as ExtractedFileSchema, SCHEMA_VERSION } from '../contract/schema.js';
import { IkiError, InputTooLargeError } from '../errors.js';
import { flagSection } from '../flags/index.js';
import { parseHeader } from '../header/fields.js';
import { findUnitKerja } from '../header/unit-kerja.js';
import type { Block, LayoutDocument, LineBlock, TableBlock } from '../ir/document.js';
import type { SectionDraft } from '../ir/section.js';
import { emptyMeta } from '../ir/section.js';
import { HTML_TABLE_START, readTextDocument } from '../read/text/index.js';
import { decodeText } from '../read/text/decode.js';
import { buildRows } from '../records/rows.js';
import { kindOfTitle } from '../segment/line-kinds.js';
import type { SectionKindName } from '../segment/line-kinds.js';
import { fieldTablesAsLines } from '../segment/field-tables.js';
import { dropPageFurniture } from '../segment/page-furniture.js';
import { segmentForms } from '../segment/forms.js';
import type { FormSegment } from '../segment/forms.js';
import { parseSignatureLines } from '../signature/blocks.js';
import { signatureColumns } from '../signature/columns.js';
import type { SignatureBlock } from '../signature/blocks.js';
import { pairSignatures } from '../signature/pairing.js';
import { decodeFlattened, locateFlattened } from '../table/flattened.js';
import type { FlatSpec } from '../table/flattened.js';
import { tablesFromGrids } from '../table/grid.js';
import type { RawTable } from '../table/raw-row.js';
import type { WordTest } from '../text/join.js';
import { documentVocabulary } from './vocabulary.js';
import { getSpellChecker, spellingFlagsFor, spellingVocabulary } from './spelling.js';

export { EXTRACTOR_VERSION } from './version.js';

/**
 * Text inputs larger than this are refused with a clear error: a form archive's text file is
 * a few hundred KB. Override with IKI_MAX_TEXT_BYTES.
 */
export const MAX_TEXT_BYTES = Number(process.env.IKI_MAX_TEXT_BYTES) || 16 * 1024 * 1024;

export interface ExtractOptions {
  /** Base name reported in `source.file`. */
  fileName: string;
  /** Media type when the caller already knows it. */
  mediaType?: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function mediaTypeOfText(text: string): string {
  const pipes = /^\s*\|.*\|\s*$/m.test(text) && /^\s*\|[\s:|-]+\|\s*$/m.test(text);
  return pipes || HTML_TABLE_START.test(text) ? 'text/markdown' : 'text/plain';
}

interface SegmentParts {
  before: string[];
  tables: RawTable[];
  after: LineBlock[];
}

function lineBlocks(blocks: readonly Block[]): LineBlock[] {
  return blocks.filter((b): b is LineBlock => b.kind === 'line');
}

function lineTexts(blocks: readonly Block[]): string[] {
  return blocks.filter((b): b is LineBlock => b.kind === 'line').map((b) => b.text);
}

/** Split each form into header lines, its tables, and the lines after the table (signatures). */
function splitSegments(segments: readonly FormSegment[]): SegmentParts[] {
  const parts: (SegmentParts | null)[] = [];
  const flatSpecs: (FlatSpec | null)[] = [];
  for (const seg of segments) {
    const firstGrid = seg.blocks.findIndex((b) => b.kind === 'table');
    if (firstGrid >= 0) {
      let lastGrid = firstGrid;
      seg.blocks.forEach((b, i) => {
        if (b.kind === 'table') lastGrid = i;
      });
      const grids = seg.blocks.filter((b): b is TableBlock => b.kind === 'table');
      parts.push({
        before: lineTexts(seg.blocks.slice(0, firstGrid)),
        tables: tablesFromGrids(grids),
        after: lineBlocks(seg.blocks.slice(lastGrid + 1)),
      });
      flatSpecs.push(null);
    } else {
      parts.push(null);
      flatSpecs.push(locateFlattened(lineTexts(seg.blocks)));
    }
  }
  // Flattened tables of one document are decoded together (they share a template).
  const flatTables = decodeFlattened(
    flatSpecs,
    segments.flatMap((seg) => lineTexts(seg.blocks)),
  );
  return segments.map((seg, i) => {
    const p = parts[i];
    if (p) return p;
    const blocks = lineBlocks(seg.blocks);
    const lines = blocks.map((b) => b.text);
    const spec = flatSpecs[i];
    if (!spec) return { before: lines, tables: [], after: [] };
    const t = flatTables[i];
    return { before: lines.slice(0, spec.start), tables: t ? [t] : [], after: blocks.slice(spec.end) };
  });
}

/** Per-stage wall time of the last extraction in this process, for profiling (`IKI_TIMINGS=1`). */
export const lastTimings: Record<string, number> = {};

export function extractLayout(doc: LayoutDocument): ExtractedFile {
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    lastTimings[stage] = (lastTimings[stage] ?? 0) + now - mark;
    mark = now;
  };
  const fileFlags: Flag[] = [];
  for (const issue of doc.issues) {
    fileFlags.push({
      code: issue.code === 'NO_TEXT' ? 'UNREADABLE_PAGE' : issue.code,
      severity: issue.code === 'LOW_OCR_CONFIDENCE' ? 'warning' : 'warning',
      path: null,
      message: issue.page ? `Page ${issue.page}: ${issue.message}` : issue.message,
      suggestion: null,
    });
  }
  const blocks = fieldTablesAsLines(dropPageFurniture(doc.blocks));
  const vocab = documentVocabulary(blocks);
  const checker = getSpellChecker();
  const isWord: WordTest = (w) => (vocab.get(w) ?? 0) > 0 || checker.isWord(w);
  lap('vocabulary');
  const { segments, leftovers } = segmentForms(blocks);
  lap('segment');
  const allLines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') allLines.push(b.text);
    else for (const r of b.rows) for (const c of r.cells) allLines.push(...c.text.split(/\n|<br\s*\/?>/i));
  }
  const unitKerja = findUnitKerja(allLines);

  const drafts: SectionDraft[] = [];
  const signatureBlocks: SignatureBlock[] = [];
  let lastKind: SectionKindName = 'OTHER';
  lap('unitKerja');
  const allParts = splitSegments(segments);
  lap('tables');
  for (const [si, seg] of segments.entries()) {
    const parts = allParts[si]!;
    const header = parseHeader(parts.before, isWord);
    const rows = buildRows(parts.tables, isWord);
    const sigLines = signatureColumns(parts.after, (p) => doc.pages.find((g) => g.page === p)?.width);
    const sig = parseSignatureLines(sigLines.lines, sigLines.columns);
    const kind: SectionKindName = seg.title ? kindOfTitle(seg.title) : lastKind;
    lastKind = kind;
    const meta = emptyMeta();
    meta.dateLine = sig.dateLine;
    meta.yearColumns = rows.yearColumns;
    meta.sasaranCarried = rows.sasaranCarried;
    meta.lowConfidence = rows.lowConfidence;
    drafts.push({
      title: seg.title,
      kind,
      jabatan: header.jabatan,
      unitKerja,
      lampiran: header.lampiran,
      periode: header.periode,
      tugas: header.tugas,
      fungsi: header.fungsi,
      indikator: rows.rows,
      penandatangan: [],
      tempat: sig.tempat,
      tanggal: sig.tanggal,
      meta,
    });
    signatureBlocks.push(sig);
  }
  lap('header+records+signatures');
  const paired = pairSignatures(signatureBlocks);
  drafts.forEach((d, i) => {
    d.penandatangan = paired[i]!.penandatangan;
    d.meta.signatureLines = paired[i]!.printed;
  });

  lap('pairing');
  const spellVocab = spellingVocabulary(drafts);
  const sections: Section[] = drafts.map((d) => {
    // Spelling runs as a row rule so its flags sit under their rows, as reviewers read them.
    const flags = flagSection(d, [(s: SectionDraft) => spellingFlagsFor(s, checker, spellVocab)]);
    const { meta: _meta, ...rest } = d;
    return { ...rest, flags };
  });
  for (const text of leftovers) {
    if (!text.trim()) continue;
    fileFlags.push({
      code: 'UNPARSED_TEXT',
      severity: 'info',
      path: null,
      message: `Text outside any form was not parsed: "${text.slice(0, 200)}"; no section was made for it.`,
      suggestion: 'Check whether a form is missing or incomplete in the source document.',
    });
  }
  if (sections.length === 0) {
    fileFlags.push({
      code: 'NO_FORM_FOUND',
      severity: 'warning',
      path: null,
      message: 'No IKI/IKU form (title, "Jabatan :" or indicator table) was found in this file.',
      suggestion: 'Check that the file is an IKI/IKU attachment.',
    });
  }
  const result: ExtractedFile = {
    schemaVersion: SCHEMA_VERSION,
    source: doc.source,
    sections,
    flags: fileFlags,
  };
  lap('flags');
  const parsed = ExtractedFileSchema.safeParse(result);
  lap('validate');
  if (!parsed.success) {
    throw new IkiError('CONTRACT_VIOLATION', `output does not match the contract: ${parsed.error.message}`, {
      file: doc.source.file,
      stage: 'records',
    });
  }
  return parsed.data;
}

/** Extract one file's bytes. Text inputs only here; other formats are read by src/read/. */
export function extractText(bytes: Uint8Array, opts: ExtractOptions): ExtractedFile {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputTooLargeError(
      `the text file is ${bytes.length} bytes, over the ${MAX_TEXT_BYTES}-byte limit`,
      {
        file: opts.fileName,
        stage: 'read',
      },
    );
  }
  const { text } = decodeText(bytes, opts.fileName);
  const doc = readTextDocument(text, {
    file: opts.fileName,
    sha256: sha256(bytes),
    mediaType: opts.mediaType ?? mediaTypeOfText(text),
    pages: null,
    extraction: 'text',
  });
  return extractLayout(doc);
}
