/**
 * The API's one error shape. Every failure, from a zod issue to a store conflict to a Fastify
 * parser limit, leaves as `{ error, message, field?, reason? }` with a matching HTTP status, so a
 * client (the reviewer UI) handles errors in one place.
 */
import type { z } from 'zod';
import { BadInputError, IkiError, InputTooLargeError } from '../errors.js';
import { NotFoundError, StateConflictError } from '../store/errors.js';

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'internal';

/** Where a bad value was: the JSON body, the query string, the URL, or a multipart file. */
export type ErrorLocation = 'body' | 'query' | 'params' | 'headers' | 'files';

export interface ErrorBody {
  error: ApiErrorCode;
  message: string;
  /** The offending field (`path`, `limit`, `files[2]`), as a dotted path with [n] for indexes. */
  field?: string;
  in?: ErrorLocation;
  /** Why that field was refused. */
  reason?: string;
  /** Extra structured detail (every zod issue, the per-file rejections of an upload, …). */
  details?: Record<string, unknown>;
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** An error the API means to send as it is. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: Omit<ErrorBody, 'error'> & { error?: ApiErrorCode }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = { error: body.error ?? CODE_BY_STATUS[status] ?? 'internal', ...body };
  }
}

/** 400 naming the field and the reason. */
export function badRequest(field: string, reason: string, where?: ErrorLocation): ApiError {
  return new ApiError(400, {
    message: `${field}: ${reason}`,
    field,
    reason,
    ...(where ? { in: where } : {}),
  });
}

/** `['target', '2019']` → `target.2019`; `['files', 2]` → `files[2]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');
}

/** A zod failure as a 400: the first issue is `field`/`reason`, all of them are in `details.issues`. */
export function fromZodError(error: z.ZodError, where: ErrorLocation): ApiError {
  const issues = error.issues.map((i) => ({ field: formatIssuePath(i.path) || where, reason: i.message }));
  const first = issues[0] ?? { field: where, reason: 'invalid' };
  return new ApiError(400, {
    message: `${first.field}: ${first.reason}`,
    field: first.field,
    in: where,
    reason: first.reason,
    details: { issues },
  });
}

/** Status and body for anything thrown by a handler, a hook or Fastify itself. */
export function errorResponse(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof ApiError) return { status: err.status, body: err.body, internal: false };
  if (err instanceof NotFoundError) return simple(404, err.message);
  if (err instanceof StateConflictError) return simple(409, err.message);
  if (err instanceof InputTooLargeError) return simple(413, err.message, err.message);
  if (err instanceof BadInputError) return simple(400, err.message, err.message);
  if (err instanceof IkiError) return internal();
  // Fastify's own errors (body too large, bad JSON, wrong content type, multipart limits) carry a
  // 4xx statusCode and a message written for the client.
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return simple(status, err instanceof Error ? err.message : String(err));
  }
  return internal();
}

function simple(status: number, message: string, reason?: string) {
  const body: ErrorBody = { error: CODE_BY_STATUS[status] ?? 'bad_request', message };
  if (reason !== undefined) body.reason = reason;
  return { status, body, internal: false };
}

/** Server faults say nothing about internals to the client; the log has the detail. */
function internal() {
  return {
    status: 500,
    body: { error: 'internal' as const, message: 'internal server error' },
    internal: true,
  };
}
