/**
 * Calls to the API with the session's bearer token. Every failure becomes an ApiError with the
 * API's message; a 401 ends the session (the token was revoked or the server forgot it).
 */
import { getSession, setSession } from '../auth/session';
import type { ApiErrorBody } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function authHeaders(): Record<string, string> {
  const s = getSession();
  return s ? { authorization: `Bearer ${s.token}` } : {};
}

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  if (res.status === 401 && getSession()) setSession(null);
  return new ApiError(res.status, body, body?.message ?? `HTTP ${res.status}`);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers: { ...authHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new ApiError(0, null, err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

/** Query string from the given values; empty ones are left out. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A binary answer (page image, export file) as a Blob, with the server's file name if it gave one. */
export async function getBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { headers: authHeaders() });
  } catch (err) {
    throw new ApiError(0, null, err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await failure(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  return { blob: await res.blob(), fileName: name };
}

/**
 * Uploads one file (or zip) as multipart, reporting bytes sent. XMLHttpRequest, because fetch
 * cannot report upload progress.
 */
export function uploadFile<T>(
  file: File,
  fields: Record<string, string>,
  onProgress: (sent: number, total: number) => void,
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    // Fields first: the server applies them to the files after them.
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    form.append('files', file, file.name);
    xhr.open('POST', `${API_BASE}/documents`);
    const auth = authHeaders().authorization;
    if (auth) xhr.setRequestHeader('authorization', auth);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
    xhr.onerror = () => reject(new ApiError(0, null, 'network error'));
    xhr.onabort = () => reject(new ApiError(0, null, 'aborted'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        if (xhr.status === 401) setSession(null);
        const b = body as ApiErrorBody | null;
        reject(new ApiError(xhr.status, b, b?.message ?? `HTTP ${xhr.status}`));
      }
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Saves a Blob under a name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
