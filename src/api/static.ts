/**
 * The reviewer's workbench on the API server: the built web app (dist/web, made by
 * `npm run build:web`) at `/`, with a fallback to index.html for the app's own paths, and the
 * three read routes the app needs beside the API proper:
 *
 *   GET /api/v1/documents/:id/source      what the source is (pages and their size in points, or text)
 *   GET /api/v1/documents/:id/pages/N.png one page rendered (PDF by pdfjs, scans decoded), for the bbox overlay
 *   GET /api/v1/workbench/documents       the archive list with counts of forms, rows and open flags
 *
 * They take the same bearer token as the API. Files are read once into memory (the app is a few
 * hundred kB); hashed assets are cached for a year, index.html never, and the build's
 * precompressed .br/.gz twins are sent to browsers that accept them (slow office connections).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { type AnyColumn, type SQL, and, asc, count, desc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import mammoth from 'mammoth';
import { z } from 'zod';
import { FlagCode, FlagSeverity } from '../contract/schema.js';
import { IkiError } from '../errors.js';
import { decodeFrame } from '../read/image/decode.js';
import { grayToCanvas } from '../read/image/gray.js';
import { probeImage } from '../read/image/header.js';
import { frameResolution } from '../read/image/resolution.js';
import { sniffMediaType } from '../read/media-type.js';
import { type OpenedPdf, openPdf } from '../read/pdf/pdfjs.js';
import { decodeText } from '../read/text/decode.js';
import { type DocumentRecord, type Store, authenticateToken, getDocument } from '../store/repository.js';
import { documents, flags, indicatorRows, sections } from '../store/schema.js';
import { MAX_PAGE_SIZE, pageOf, tsQuery } from '../store/search.js';
import { ApiError, fromZodError } from './errors.js';
import { READERS } from './route.js';
import { DocumentStatus, MAX_FILTER_LENGTH } from './schemas.js';
import { type Submitter, blobKey, defaultDataDir, readBlob } from './submit.js';
import { documentView } from './views.js';

const API = '/api/v1';

/** Page rendering scale when the client asks for none: 1.5 px per point (108 dpi), sharp on a laptop. */
export const DEFAULT_PAGE_SCALE = 1.5;
/** Smallest and largest rendering scales accepted (a thumbnail up to 216 dpi). */
export const MIN_PAGE_SCALE = 0.25;
export const MAX_PAGE_SCALE = 3;
/** Rendered pages kept in memory, in bytes of PNG (a page is 100–400 kB). */
export const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
/** Opened PDFs kept between page requests (a reviewer pages through one or two documents). */
export const OPEN_PDF_CACHE = 4;
/** Longest source text sent to the browser; the rest is cut with a note. */
export const MAX_SOURCE_TEXT_CHARS = 2_000_000;
/** Documents per `ids` filter of the archive list (the upload page polls its batch with it). */
export const MAX_IDS = 200;
/** How long a browser may reuse a page image or source description: the bytes of a document never change. */
const SOURCE_MAX_AGE_SECONDS = 86_400;
/** Hashed assets never change under their name. */
const ASSET_MAX_AGE_SECONDS = 31_536_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The app's pages may load only its own files, pictures made in the page (blob:) and call its own API. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WorkbenchOptions {
  store: Store;
  /** Root of the blob folder (defaults to IKI_DATA_DIR or .data). */
  dataDir?: string;
  /** Folder of the built app; defaults to IKI_WEB_ROOT, else dist/web at the project root. Null: API only. */
  webRoot?: string | null;
  /** Live progress of running documents (the submitter's); default: what their status implies. */
  progress?: Submitter['progress'];
}

/** Registers the web app and the workbench's read routes on the API server. */
export function registerWorkbench(app: FastifyInstance, opts: WorkbenchOptions): void {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const sources = new SourceReader(opts.store, dataDir);
  const guard = async (request: FastifyRequest) => requireReader(opts.store, request);

  app.get(`${API}/documents/:id/source`, { onRequest: guard }, async (request, reply) => {
    const doc = await documentOr404(opts.store, (request.params as { id: string }).id);
    const info = await sources.describe(doc);
    reply.header('cache-control', `private, max-age=${SOURCE_MAX_AGE_SECONDS}`);
    return info;
  });

  app.get(`${API}/documents/:id/pages/:file`, { onRequest: guard }, async (request, reply) => {
    const params = request.params as { id: string; file: string };
    const m = /^(\d{1,5})\.png$/.exec(params.file);
    if (!m) throw new ApiError(404, { message: `no page ${params.file}; pages are named N.png` });
    const doc = await documentOr404(opts.store, params.id);
    const scale = parseScale((request.query as { scale?: unknown }).scale);
    const etag = `"${doc.sha256.slice(0, 32)}-${m[1]}-${scale}"`;
    reply
      .header('cache-control', `private, max-age=${SOURCE_MAX_AGE_SECONDS}`)
      .header('etag', etag)
      .header('content-type', 'image/png');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return sources.page(doc, Number(m[1]), scale);
  });

  app.get(`${API}/workbench/documents`, { onRequest: guard }, async (request) => {
    const parsed = ArchiveQuery.safeParse(request.query ?? {});
    if (!parsed.success) throw fromZodError(parsed.error, 'query');
    const page = await archivePage(opts.store, parsed.data);
    if (!opts.progress) return page;
    const progress = await opts.progress(page.items);
    return { ...page, items: page.items.map((d) => ({ ...d, progress: progress.get(d.id) ?? d.progress })) };
  });

  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot !== null) registerStatic(app, webRoot);
}

// ---- auth ----

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The same check as the API's routes: a live token of a user with a reading role. */
async function requireReader(store: Store, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
  if (!token) throw new ApiError(401, { message: 'an API token is needed: Authorization: Bearer <token>' });
  const user = await authenticateToken(store, token);
  if (!user) throw new ApiError(401, { message: 'unknown or revoked token' });
  if (!READERS.includes(user.role)) throw new ApiError(403, { message: `role ${user.role} may not read` });
  request.user = user;
}

async function documentOr404(store: Store, id: string): Promise<DocumentRecord> {
  const doc = await getDocument(store, id);
  if (!doc) throw new ApiError(404, { message: `no document ${id}` });
  return doc;
}

function parseScale(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SCALE;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < MIN_PAGE_SCALE || n > MAX_PAGE_SCALE) {
    throw new ApiError(400, {
      message: `scale: a number from ${MIN_PAGE_SCALE} to ${MAX_PAGE_SCALE}`,
      field: 'scale',
      in: 'query',
      reason: `a number from ${MIN_PAGE_SCALE} to ${MAX_PAGE_SCALE}`,
    });
  }
  // Few distinct scales keep the page cache useful.
  return Math.round(n * 4) / 4;
}

// ---- source pages ----

/** Size of a page in PDF points, the unit of `provenance.bbox`. */
export interface PageSize {
  page: number;
  width: number;
  height: number;
}

export type SourceInfo =
  | { kind: 'pdf' | 'image'; mediaType: string; pages: PageSize[] }
  | { kind: 'text'; mediaType: string; text: string; truncated: boolean }
  | { kind: 'none'; mediaType: string; reason: string };

class SourceReader {
  private readonly pdfs = new Map<string, Promise<OpenedPdf>>();
  private readonly pngs = new Map<string, Buffer>();
  private pngBytes = 0;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
  ) {}

  private async bytes(doc: DocumentRecord): Promise<Buffer | null> {
    return readBlob(this.dataDir, doc.storageKey ?? blobKey(doc.sha256)).catch(() => null);
  }

  async describe(doc: DocumentRecord): Promise<SourceInfo> {
    const bytes = await this.bytes(doc);
    if (!bytes) return { kind: 'none', mediaType: doc.mediaType, reason: 'the original file is not stored' };
    const sniff = sniffMediaType(bytes, doc.fileName);
    try {
      switch (sniff.kind) {
        case 'pdf': {
          const pdf = await this.pdf(doc, bytes);
          const pages: PageSize[] = [];
          for (let p = 1; p <= pdf.doc.numPages; p++) {
            const page = await pdf.doc.getPage(p);
            const vp = page.getViewport({ scale: 1 });
            pages.push({ page: p, width: round2(vp.width), height: round2(vp.height) });
          }
          return { kind: 'pdf', mediaType: sniff.mediaType, pages };
        }
        case 'image': {
          const probe = probeImage(bytes, doc.fileName);
          const pages = probe.frames.map((f, i) => {
            const res = frameResolution(f);
            return {
              page: i + 1,
              width: round2((f.width * 72) / res.dpiX),
              height: round2((f.height * 72) / res.dpiY),
            };
          });
          return { kind: 'image', mediaType: probe.mediaType, pages };
        }
        case 'text':
        case 'markdown':
          return textInfo(sniff.mediaType, decodeText(bytes, doc.fileName).text);
        case 'docx': {
          const { value } = await mammoth.extractRawText({ buffer: bytes });
          return textInfo(sniff.mediaType, value);
        }
        default:
          return { kind: 'none', mediaType: sniff.mediaType, reason: 'this kind of file cannot be shown' };
      }
    } catch (err) {
      return { kind: 'none', mediaType: sniff.mediaType, reason: reasonOf(err) };
    }
  }

  async page(doc: DocumentRecord, pageNo: number, scale: number): Promise<Buffer> {
    const key = `${doc.sha256}:${pageNo}:${scale}`;
    const hit = this.pngs.get(key);
    if (hit) {
      // Map order is the LRU order: a hit moves to the back.
      this.pngs.delete(key);
      this.pngs.set(key, hit);
      return hit;
    }
    const bytes = await this.bytes(doc);
    if (!bytes) throw new ApiError(409, { message: `the original file of document ${doc.id} is not stored` });
    const kind = sniffMediaType(bytes, doc.fileName).kind;
    let png: Buffer;
    if (kind === 'pdf') png = await this.renderPdfPage(doc, bytes, pageNo, scale);
    else if (kind === 'image') png = await renderImagePage(doc, bytes, pageNo, scale);
    else throw new ApiError(404, { message: `document ${doc.id} has no page images (it is ${kind})` });
    this.remember(key, png);
    return png;
  }

  private remember(key: string, png: Buffer): void {
    this.pngs.set(key, png);
    this.pngBytes += png.length;
    for (const [k, v] of this.pngs) {
      if (this.pngBytes <= PAGE_CACHE_BYTES) break;
      this.pngs.delete(k);
      this.pngBytes -= v.length;
    }
  }

  private pdf(doc: DocumentRecord, bytes: Buffer): Promise<OpenedPdf> {
    const open = this.pdfs.get(doc.sha256);
    if (open) {
      this.pdfs.delete(doc.sha256);
      this.pdfs.set(doc.sha256, open);
      return open;
    }
    const opening = openPdf(bytes, doc.fileName);
    opening.catch(() => this.pdfs.delete(doc.sha256));
    this.pdfs.set(doc.sha256, opening);
    for (const [k, v] of this.pdfs) {
      if (this.pdfs.size <= OPEN_PDF_CACHE) break;
      this.pdfs.delete(k);
      void v.then((p) => p.close()).catch(() => undefined);
    }
    return opening;
  }

  private async renderPdfPage(doc: DocumentRecord, bytes: Buffer, pageNo: number, scale: number) {
    const pdf = await this.pdf(doc, bytes);
    if (pageNo < 1 || pageNo > pdf.doc.numPages) {
      throw new ApiError(404, { message: `document ${doc.id} has ${pdf.doc.numPages} pages` });
    }
    const page = await pdf.doc.getPage(pageNo);
    try {
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(
        Math.max(1, Math.ceil(viewport.width)),
        Math.max(1, Math.ceil(viewport.height)),
      );
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      type RenderCanvas = Parameters<typeof page.render>[0]['canvas'];
      await page.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
      return canvas.encode('png');
    } finally {
      page.cleanup();
    }
  }
}

async function renderImagePage(doc: DocumentRecord, bytes: Buffer, pageNo: number, scale: number) {
  const probe = probeImage(bytes, doc.fileName);
  const frame = probe.frames[pageNo - 1];
  if (!frame) throw new ApiError(404, { message: `document ${doc.id} has ${probe.frames.length} pages` });
  const res = frameResolution(frame);
  const target = {
    width: Math.max(1, Math.round(((frame.width * 72) / res.dpiX) * scale)),
    height: Math.max(1, Math.round(((frame.height * 72) / res.dpiY) * scale)),
  };
  const gray = await decodeFrame(bytes, probe.format, frame, target, doc.fileName, pageNo);
  return grayToCanvas(gray).encode('png');
}

function textInfo(mediaType: string, text: string): SourceInfo {
  const truncated = text.length > MAX_SOURCE_TEXT_CHARS;
  return {
    kind: 'text',
    mediaType,
    text: truncated ? text.slice(0, MAX_SOURCE_TEXT_CHARS) : text,
    truncated,
  };
}

function reasonOf(err: unknown): string {
  if (err instanceof IkiError) return err.message;
  return 'the file could not be read';
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// ---- archive list ----

const text = () => z.string().trim().min(1).max(MAX_FILTER_LENGTH);

export const ArchiveQuery = z.strictObject({
  status: DocumentStatus.optional(),
  unitKerja: text().optional(),
  jabatan: text().optional(),
  flagCode: FlagCode.optional(),
  /** Documents with an open flag of this severity. */
  severity: FlagSeverity.optional(),
  q: text().optional(),
  /** Comma-separated document ids (the upload page's batch). */
  ids: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).max(MAX_IDS))
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type ArchiveQuery = z.infer<typeof ArchiveQuery>;

const sameText = (column: SQL | AnyColumn, value: string): SQL =>
  sql`lower(${column}) = lower(${value.trim()})`;

/** One page of documents with what the archive table shows: forms, rows and open flags of the latest run. */
export async function archivePage(store: Store, q: ArchiveQuery) {
  const db = store.db;
  const latest = documents.latestRunId;
  const inLatest = (table: typeof sections | typeof indicatorRows | typeof flags, cond?: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(and(eq(table.runId, latest), cond)),
    );
  const conds: SQL[] = [];
  if (q.ids) conds.push(q.ids.length ? inArray(documents.id, q.ids) : sql`false`);
  if (q.status) conds.push(eq(documents.status, q.status));
  if (q.unitKerja) {
    conds.push(
      or(
        sameText(documents.unitKerja, q.unitKerja),
        inLatest(sections, sameText(sections.unitKerja, q.unitKerja)),
      ) as SQL,
    );
  }
  if (q.jabatan) conds.push(inLatest(sections, sameText(sections.jabatan, q.jabatan)));
  if (q.flagCode) conds.push(inLatest(flags, eq(flags.code, q.flagCode)));
  if (q.severity) conds.push(inLatest(flags, and(eq(flags.severity, q.severity), eq(flags.status, 'open'))));
  const query = tsQuery(q.q);
  if (query) conds.push(inLatest(indicatorRows, sql`${indicatorRows.search} @@ ${query}`));
  const where = and(...conds);
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({
      doc: documents,
      forms: sql<number>`(select count(*) from ${sections} where ${sections.runId} = ${latest})`.mapWith(
        Number,
      ),
      rows: sql<number>`(select count(*) from ${indicatorRows} where ${indicatorRows.runId} = ${latest})`.mapWith(
        Number,
      ),
      openFlags:
        sql<number>`(select count(*) from ${flags} where ${flags.runId} = ${latest} and ${flags.status} = 'open')`.mapWith(
          Number,
        ),
    })
    .from(documents)
    .where(where)
    .orderBy(desc(documents.createdAt), asc(documents.id))
    .limit(limit)
    .offset(offset);
  const [n] = await db.select({ n: count() }).from(documents).where(where);
  return {
    items: rows.map((r) => ({
      ...documentView(r.doc),
      forms: r.forms,
      rows: r.rows,
      openFlags: r.openFlags,
    })),
    total: Number(n?.n ?? 0),
    limit,
    offset,
  };
}

// ---- the built app ----

interface StaticFile {
  path: string;
  type: string;
  immutable: boolean;
  br: boolean;
  gz: boolean;
}

/** dist/web at the project root (found by walking up from this module), or IKI_WEB_ROOT. */
function defaultWebRoot(): string {
  if (process.env.IKI_WEB_ROOT) return resolve(process.env.IKI_WEB_ROOT);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    const parent = resolve(dir, '..');
    if (parent === dir) return resolve('dist', 'web');
    dir = parent;
  }
}

function listFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      // Not built yet, or being rebuilt this very moment: serve what is there.
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) {
        walk(full);
        continue;
      }
      if (name.endsWith('.br') || name.endsWith('.gz')) continue;
      const url = '/' + relative(root, full).split(sep).join('/');
      files.set(url, {
        path: full,
        type: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
        immutable: url.startsWith('/assets/'),
        br: existsSync(`${full}.br`),
        gz: existsSync(`${full}.gz`),
      });
    }
  };
  walk(root);
  return files;
}

const NOT_BUILT_PAGE =
  '<!doctype html><meta charset="utf-8"><title>iki</title>' +
  '<p>Aplikasi web belum dibangun: jalankan <code>npm run build:web</code>. ' +
  '(The web app is not built: run <code>npm run build:web</code>.)</p>';

function registerStatic(app: FastifyInstance, root: string): void {
  const files = listFiles(root);
  const cache = new Map<string, Buffer>();
  const read = (path: string) => {
    let body = cache.get(path);
    if (!body) {
      body = readFileSync(path);
      cache.set(path, body);
    }
    return body;
  };

  const send = (request: FastifyRequest, reply: FastifyReply, file: StaticFile) => {
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding =
      file.br && /\bbr\b/.test(accepts) ? 'br' : file.gz && /\bgzip\b/.test(accepts) ? 'gzip' : null;
    reply
      .header('content-type', file.type)
      .header('vary', 'accept-encoding')
      .header(
        'cache-control',
        file.immutable ? `public, max-age=${ASSET_MAX_AGE_SECONDS}, immutable` : 'no-cache',
      );
    if (file.type.startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-frame-options', 'DENY');
    }
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(
      read(encoding === 'br' ? `${file.path}.br` : encoding === 'gzip' ? `${file.path}.gz` : file.path),
    );
  };

  app.get('/*', async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    // Unknown API routes keep the API's JSON 404.
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    const file = files.get(path);
    if (file) return send(request, reply, file);
    // A missing asset is a 404, not the app: a stale index.html would otherwise loop on it.
    if (path.startsWith('/assets/') || extname(path) !== '') return reply.callNotFound();
    const index = files.get('/index.html');
    if (!index) {
      return reply.code(503).header('content-type', 'text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    return send(request, reply, index);
  });
}
