/**
 * One page raster → PageGeom: straighten it, find its table rules, erase them, recognise the
 * rest, and map every box from raster pixels to PDF points (px × 72 / dpi). Word boxes take
 * their line's extent (baseline − ascent … baseline + descent), as a text layer gives them, so
 * words of one printed line share a bottom whether or not they have descenders.
 */
import type { PageGeom, ReadIssue, Word } from '../../ir/document.js';
import type { TableSettings } from '../../geometry/settings.js';
import { resolveTableSettings } from '../../geometry/settings.js';
import type { GrayImage } from '../image/gray.js';
import { estimateSkewDegrees, MIN_DESKEW_DEGREES, rotateGray } from './deskew.js';
import { rescueEmptyCells } from './cells.js';
import type { OcrEngine, OcrWord } from './engine.js';
import { eraseRules, findPixelRules, rulesToRulings } from './rulings.js';
import { despeckle, inkShare, lightInkThreshold, otsuThreshold } from './threshold.js';

/**
 * A page whose mean word confidence (character-weighted, 0–100) is under this gets a
 * LOW_OCR_CONFIDENCE read issue. Same scale and value as the cell threshold of the records stage
 * (LOW_OCR_CONFIDENCE_THRESHOLD in src/records/rows.ts), so page and cell warnings agree.
 */
export const LOW_PAGE_CONFIDENCE_THRESHOLD = 60;
/** A page with less ink than this share of its pixels is blank (not sent to OCR). */
export const BLANK_PAGE_INK_SHARE = 0.0005;
/**
 * Ink specks up to this area (square points) are removed before OCR: a full stop of 8 pt type is
 * about 1 pt², scanner dust a few pixels.
 */
export const MAX_SPECK_PT2 = 0.4;
/** Words recognised with less confidence than this (0–100) are noise (specks, smudges), dropped. */
export const MIN_WORD_CONFIDENCE = 25;
/** Words made only of these characters are rule fragments tesseract still saw, not text. */
const RULE_ARTEFACT = /^[|¦]+$/;

export interface OcrPageResult {
  geom: PageGeom;
  issues: ReadIssue[];
  /** The page had (next to) no ink: OCR was not run. */
  blank: boolean;
  /** Skew that was measured and undone, degrees. */
  skewDegrees: number;
}

export interface OcrPageOptions {
  /** 1-based page number. */
  page: number;
  /** Raster resolution, pixels per inch. */
  dpi: number;
  /** Skip de-skewing (for measurements). */
  deskew?: boolean;
  /** Leave table rules on the page given to tesseract (for measurements). */
  keepRules?: boolean;
  /** Skip the second look at empty ruled cells (for measurements). */
  noCellRescue?: boolean;
  /** Table-finding tolerances (the rescue pass finds cells as the layout stage will). */
  table?: Partial<TableSettings>;
}

function toWord(w: OcrWord, k: number): Word {
  const haveLine = w.baseline !== null && w.rowHeight !== null && w.descenders !== null;
  const top = haveLine ? w.baseline! - (w.rowHeight! - w.descenders!) : w.y0;
  const bottom = haveLine ? w.baseline! + w.descenders! : w.y1;
  const word: Word = {
    text: w.text,
    bbox: { x0: w.x0 * k, top: Math.min(top, w.y0) * k, x1: w.x1 * k, bottom: Math.max(bottom, w.y1) * k },
    confidence: Math.round(w.confidence * 10) / 10,
  };
  // Tesseract's row height (x-height + ascent + descent) is about one em.
  if (w.rowHeight !== null) word.fontSize = Math.round(w.rowHeight * k * 100) / 100;
  return word;
}

/** Character-weighted mean confidence, or undefined without words. */
export function meanConfidence(words: readonly Word[]): number | undefined {
  let sum = 0;
  let n = 0;
  for (const w of words) {
    if (w.confidence === undefined) continue;
    sum += w.confidence * w.text.length;
    n += w.text.length;
  }
  return n ? Math.round((sum / n) * 10) / 10 : undefined;
}

/** OCR of one page raster. */
export async function ocrPage(
  engine: OcrEngine,
  raster: GrayImage,
  opts: OcrPageOptions,
): Promise<OcrPageResult> {
  const { page, dpi } = opts;
  const k = 72 / dpi;
  const width = raster.width * k;
  const height = raster.height * k;
  const threshold = otsuThreshold(raster);
  if (inkShare(raster, threshold) < BLANK_PAGE_INK_SHARE) {
    return {
      geom: { page, width, height, words: [], rulings: [], extraction: 'ocr' },
      issues: [{ code: 'UNREADABLE_PAGE', page, message: `page ${page} is blank` }],
      blank: true,
      skewDegrees: 0,
    };
  }
  const skew = opts.deskew === false ? 0 : estimateSkewDegrees(raster, threshold);
  const upright = Math.abs(skew) >= MIN_DESKEW_DEGREES ? rotateGray(raster, skew) : raster;
  const rules = findPixelRules(upright, lightInkThreshold(upright, threshold), dpi);
  const forOcr = opts.keepRules
    ? { ...upright, data: new Uint8Array(upright.data) }
    : eraseRules(upright, rules);
  despeckle(forOcr, threshold, Math.floor(MAX_SPECK_PT2 * (dpi / 72) ** 2));
  const keep = (w: OcrWord) => !RULE_ARTEFACT.test(w.text) && w.confidence >= MIN_WORD_CONFIDENCE;
  const ocrWords = (await engine.recognize(forOcr, dpi)).filter(keep);
  const rulings = rulesToRulings(rules, dpi);
  const geom: PageGeom = { page, width, height, words: [], rulings, extraction: 'ocr' };
  if (!opts.noCellRescue && rulings.length > 0) {
    const settings = resolveTableSettings(opts.table);
    const extra = await rescueEmptyCells(engine, forOcr, geom, ocrWords, threshold, dpi, settings);
    ocrWords.push(...extra.filter(keep));
  }
  const words = ocrWords.map((w) => toWord(w, k));
  geom.words = words;
  const mean = meanConfidence(words);
  if (mean !== undefined) geom.meanConfidence = mean;
  const issues: ReadIssue[] = [];
  if (words.length === 0) {
    issues.push({ code: 'UNREADABLE_PAGE', page, message: `page ${page}: OCR found no text` });
  } else if (mean !== undefined && mean < LOW_PAGE_CONFIDENCE_THRESHOLD) {
    issues.push({
      code: 'LOW_OCR_CONFIDENCE',
      page,
      message: `page ${page}: mean OCR confidence ${Math.round(mean)}% is under ${LOW_PAGE_CONFIDENCE_THRESHOLD}%`,
    });
  }
  return { geom, issues, blank: false, skewDegrees: Math.abs(skew) >= MIN_DESKEW_DEGREES ? skew : 0 };
}
