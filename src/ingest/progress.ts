/**
 * Progress of a batch on stderr: a live bar (files, pages, rate, ETA) when stderr is a terminal,
 * otherwise one plain line every PLAIN_PROGRESS_INTERVAL_MS (logs and CI stay readable). While
 * scans are being read, both also show their OCR page by page: pages read of pages planned,
 * over the files in OCR right now (`OCR 7/24 pages of 3 files`).
 */
import cliProgress from 'cli-progress';
import type { RunEvent } from '../runner/in-process.js';
import type { DocumentProgress } from '../runner/progress.js';

/** Time between plain progress lines when the stream is not a terminal (ms). */
export const PLAIN_PROGRESS_INTERVAL_MS = 5000;

export interface Progress {
  start(total: number): void;
  event(e: RunEvent): void;
  /** Where a running document is (the runner's progress listener): OCR page k of n, … */
  stage(documentId: string, p: DocumentProgress): void;
  /** A line printed above the bar (a warning, a hint). */
  note(line: string): void;
  stop(): void;
}

interface Counts {
  total: number;
  done: number;
  failed: number;
  pages: number;
  startedAt: number;
  /** Documents in OCR now: pages read and pages planned. */
  ocr: Map<string, { read: number; pages: number }>;
}

export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  opts: { label?: string; intervalMs?: number } = {},
): Progress {
  const label = opts.label ?? 'ingest';
  const c: Counts = { total: 0, done: 0, failed: 0, pages: 0, startedAt: Date.now(), ocr: new Map() };
  return stream.isTTY ? barProgress(stream, label, c) : plainProgress(stream, label, c, opts.intervalMs);
}

function rate(c: Counts): number {
  const s = (Date.now() - c.startedAt) / 1000;
  return s > 0 ? (c.done + c.failed) / s : 0;
}

function count(c: Counts, e: RunEvent): void {
  if (e.status === 'failed') c.failed++;
  else c.done++;
  c.pages += e.pages;
  c.ocr.delete(e.doc.documentId);
}

/** Records a document's stage; true when the OCR figures changed. */
function track(c: Counts, documentId: string, p: DocumentProgress): boolean {
  const before = c.ocr.get(documentId);
  if (p.stage !== 'ocr' || !p.pages) return c.ocr.delete(documentId);
  // `page` is the page being read, counted in order: pages finished + 1.
  const read = Math.max(0, (p.page ?? 1) - 1);
  if (before?.read === read && before.pages === p.pages) return false;
  c.ocr.set(documentId, { read, pages: p.pages });
  return true;
}

/** ` | OCR 7/24 pages of 3 files` while documents are in OCR, else ''. */
export function ocrSummary(ocr: ReadonlyMap<string, { read: number; pages: number }>): string {
  if (ocr.size === 0) return '';
  let read = 0;
  let pages = 0;
  for (const d of ocr.values()) {
    read += d.read;
    pages += d.pages;
  }
  return ` | OCR ${read}/${pages} pages of ${ocr.size} file${ocr.size === 1 ? '' : 's'}`;
}

function barProgress(stream: NodeJS.WriteStream, label: string, c: Counts): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} {bar} {value}/{total} files | {pages} pages | {rate} files/s | ETA {eta_formatted} | {failed} failed{ocr}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => ({
    pages: c.pages,
    rate: rate(c).toFixed(1),
    failed: c.failed,
    ocr: ocrSummary(c.ocr),
  });
  let running = false;
  return {
    start(total) {
      c.total = total;
      c.startedAt = Date.now();
      bar.start(total, 0, payload());
      running = true;
    },
    event(e) {
      count(c, e);
      bar.update(c.done + c.failed, payload());
    },
    stage(id, p) {
      if (track(c, id, p) && running) bar.update(c.done + c.failed, payload());
    },
    note(line) {
      if (!running) {
        stream.write(`${line}\n`);
        return;
      }
      // Clear the bar's line, write the note, and let the bar redraw below it.
      stream.write(`\r\x1b[K${line}\n`);
      bar.update(c.done + c.failed, payload());
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

function plainProgress(stream: NodeJS.WriteStream, label: string, c: Counts, intervalMs?: number): Progress {
  let timer: NodeJS.Timeout | undefined;
  const line = () => {
    const finished = c.done + c.failed;
    const r = rate(c);
    const eta = r > 0 ? `${Math.ceil((c.total - finished) / r)} s` : '?';
    stream.write(
      `${label}: ${finished}/${c.total} files, ${c.pages} pages, ${r.toFixed(1)} files/s, ETA ${eta}, ${c.failed} failed` +
        `${ocrSummary(c.ocr).replace(' |', ',')}\n`,
    );
  };
  return {
    start(total) {
      c.total = total;
      c.startedAt = Date.now();
      timer = setInterval(line, intervalMs ?? PLAIN_PROGRESS_INTERVAL_MS);
      timer.unref();
    },
    event(e) {
      count(c, e);
    },
    stage(id, p) {
      track(c, id, p);
    },
    note(text) {
      stream.write(`${text}\n`);
    },
    stop() {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
        if (c.total > 0) line();
      }
    },
  };
}
