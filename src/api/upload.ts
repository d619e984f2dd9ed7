/**
 * POST /documents: multipart with any number of files (a zip is expanded into its files). Each
 * part is handled as it arrives, so memory holds one file at a time; a form field `unitKerja`
 * placed before the files applies to the files after it. A refused file does not stop the others:
 * the answer lists what was accepted and what was refused, and why. A breach of the request's
 * own limits (too many files) ends it with 413; files before that point are stored, and sending
 * them again is harmless (same bytes, same document).
 */
import type { FastifyRequest } from 'fastify';
import { BadInputError, IkiError, InputTooLargeError } from '../errors.js';
import { MEDIA, sniffMediaType } from '../read/media-type.js';
import { openPdf } from '../read/pdf/pdfjs.js';
import type { DocumentStatus, User } from '../store/repository.js';
import { ApiError, type ApiErrorCode } from './errors.js';
import type { UploadLimits } from './limits.js';
import type { ApiMetrics } from './metrics.js';
import type { Submitter } from './submit.js';
import { expandZip } from './zip.js';

export interface UploadedDocument {
  fileName: string;
  /** The zip the file came from, if any. */
  archive: string | null;
  id: string;
  sha256: string;
  status: DocumentStatus;
  /** False when the same bytes were uploaded before (the existing document is returned). */
  created: boolean;
  /** True when this upload scheduled an extraction. */
  queued: boolean;
}

export interface RejectedFile {
  fileName: string;
  archive: string | null;
  /** `files[i]`: the i-th file part of the request. */
  field: string;
  status: 400 | 413;
  error: ApiErrorCode;
  reason: string;
}

export interface UploadOutcome {
  documents: UploadedDocument[];
  rejected: RejectedFile[];
  /** Zip entries passed over on purpose (folders of archiver metadata, hidden files). */
  skipped: { archive: string; path: string; reason: string }[];
}

/** Longest file name kept; longer names are cut (the extension is kept). */
export const MAX_FILE_NAME_LENGTH = 200;
/** Longest value of the `unitKerja` form field. */
export const MAX_UNIT_KERJA_LENGTH = 200;
/** Non-file form fields accepted per request. */
export const MAX_FORM_FIELDS = 10;
/** Bytes per non-file form field. */
export const MAX_FORM_FIELD_BYTES = 1000;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

/**
 * A safe base name from a client-supplied file name: browsers may send a whole path
 * (`C:\fakepath\x.pdf`), and a name is never trusted to stay inside a folder.
 */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop()?.replace(CONTROL_CHARS, '').trim() ?? '';
  const name = base === '.' || base === '..' ? '' : base;
  if (!name) return 'upload';
  if (name.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, MAX_FILE_NAME_LENGTH - ext.length) + ext;
}

export interface UploadDeps {
  submitter: Submitter;
  limits: UploadLimits;
  metrics: ApiMetrics;
}

export async function receiveUpload(
  request: FastifyRequest,
  user: User,
  deps: UploadDeps,
): Promise<UploadOutcome> {
  const { limits } = deps;
  if (!request.isMultipart()) {
    throw new ApiError(415, {
      message: 'upload files as multipart/form-data',
      field: 'content-type',
      in: 'headers',
      reason: 'not multipart/form-data',
    });
  }
  const outcome: UploadOutcome = { documents: [], rejected: [], skipped: [] };
  let unitKerja: string | null = null;
  let index = 0;
  // Limits and throwFileSizeLimit: false are set where the plugin is registered (server.ts).
  const parts = request.parts();
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'unitKerja') unitKerja = normaliseUnitKerja(part.value);
        continue;
      }
      const field = `files[${index++}]`;
      const fileName = safeFileName(part.filename);
      const bytes = await part.toBuffer();
      const reject = (err: unknown, archive: string | null = null, name = fileName) =>
        outcome.rejected.push(rejection(err, field, name, archive));
      if (part.file.truncated) {
        reject(new InputTooLargeError(`the file is larger than the limit of ${limits.maxFileBytes} bytes`));
        continue;
      }
      const sniff = sniffMediaType(bytes, fileName);
      if (sniff.kind === 'zip' && sniff.mediaType === MEDIA.zip) {
        try {
          const { skipped } = await expandZip(bytes, fileName, limits.zip, limits.maxFileBytes, async (f) => {
            try {
              outcome.documents.push(await accept(f.bytes, f.name, fileName, user, unitKerja, deps));
            } catch (err) {
              if (!(err instanceof IkiError) || isStoreFault(err)) throw err;
              reject(err, fileName, f.name);
            }
          });
          outcome.skipped.push(...skipped.map((s) => ({ archive: fileName, ...s })));
        } catch (err) {
          if (!(err instanceof IkiError) || isStoreFault(err)) throw err;
          reject(err);
        }
        continue;
      }
      try {
        outcome.documents.push(await accept(bytes, fileName, null, user, unitKerja, deps));
      } catch (err) {
        if (!(err instanceof IkiError) || isStoreFault(err)) throw err;
        reject(err);
      }
    }
  } catch (err) {
    if (err instanceof ApiError || err instanceof IkiError) throw err;
    // Multipart protocol limits (too many files or fields) and malformed bodies.
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) {
      throw new ApiError(413, {
        message: `too many parts: at most ${limits.maxFiles} files per request`,
        field: 'files',
        in: 'files',
        reason: (err as Error).message,
      });
    }
    throw err;
  }
  if (outcome.rejected.length) deps.metrics.uploads.inc({ outcome: 'rejected' }, outcome.rejected.length);
  return outcome;
}

/** A reason that belongs to the file (bad input, too large), not a fault of the server. */
function isStoreFault(err: IkiError): boolean {
  return !(err instanceof BadInputError || err instanceof InputTooLargeError);
}

function normaliseUnitKerja(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.replace(/\s+/g, ' ').trim();
  if (v.length > MAX_UNIT_KERJA_LENGTH) {
    throw new ApiError(400, {
      message: `unitKerja: at most ${MAX_UNIT_KERJA_LENGTH} characters`,
      field: 'unitKerja',
      in: 'body',
      reason: `at most ${MAX_UNIT_KERJA_LENGTH} characters`,
    });
  }
  return v || null;
}

function rejection(err: unknown, field: string, fileName: string, archive: string | null): RejectedFile {
  const tooLarge = err instanceof InputTooLargeError;
  return {
    fileName,
    archive,
    field,
    status: tooLarge ? 413 : 400,
    error: tooLarge ? 'payload_too_large' : 'bad_request',
    reason: err instanceof Error ? err.message : String(err),
  };
}

async function accept(
  bytes: Buffer,
  fileName: string,
  archive: string | null,
  user: User,
  unitKerja: string | null,
  deps: UploadDeps,
): Promise<UploadedDocument> {
  if (bytes.length === 0) throw new BadInputError('the file is empty (0 bytes)', { file: fileName });
  if (bytes.length > deps.limits.maxFileBytes) {
    throw new InputTooLargeError(`the file is larger than the limit of ${deps.limits.maxFileBytes} bytes`);
  }
  await checkPageCount(bytes, fileName, deps.limits.maxPages);
  const { document, created, queued } = await deps.submitter.submitDocument(bytes, fileName, user.id, {
    unitKerja,
  });
  deps.metrics.uploads.inc({ outcome: created ? 'created' : 'duplicate' });
  return {
    fileName,
    archive,
    id: document.id,
    sha256: document.sha256,
    status: document.status,
    created,
    queued,
  };
}

/**
 * Refuses a PDF with more pages than allowed before it is stored. Reading the page count parses
 * only the document catalogue; a PDF that cannot be opened is let through, and its extraction
 * records why it failed.
 */
async function checkPageCount(bytes: Buffer, fileName: string, maxPages: number): Promise<void> {
  if (sniffMediaType(bytes, fileName).kind !== 'pdf') return;
  let pages: number;
  try {
    const pdf = await openPdf(bytes, fileName);
    pages = pdf.doc.numPages;
    await pdf.close();
  } catch {
    return;
  }
  if (pages > maxPages) {
    throw new InputTooLargeError(`the PDF has ${pages} pages; the limit is ${maxPages}`, {
      file: fileName,
      stage: 'read',
    });
  }
}
