/**
 * The signed-in user and the API token, kept in localStorage so a reload (or a flaky connection
 * that reloads the page) does not sign the reviewer out. Components subscribe to changes.
 */
import type { User } from '../api/types';

const STORAGE_KEY = 'iki.session';

export interface Session {
  token: string;
  user: User;
}

let current: Session | null = load();
const listeners = new Set<() => void>();

function load(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function setSession(s: Session | null): void {
  current = s;
  try {
    if (s) localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private windows may refuse storage; the session then lasts as long as the page.
  }
  for (const l of listeners) l();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reviewers and admins correct; uploaders and admins upload and re-extract. */
export function canReview(s: Session | null): boolean {
  return s?.user.role === 'reviewer' || s?.user.role === 'admin';
}

export function canUpload(s: Session | null): boolean {
  return s?.user.role === 'uploader' || s?.user.role === 'admin';
}
