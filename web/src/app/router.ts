/**
 * A small history router: the app's paths are plain URLs (the server answers every one of them
 * with index.html), so a reviewer can bookmark a document or send its link to a colleague.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'login' }
  | { name: 'upload' }
  | { name: 'archive'; query: URLSearchParams }
  | { name: 'document'; id: string; row: string | null }
  | { name: 'notFound' };

export const PATHS = {
  login: '/masuk',
  upload: '/unggah',
  archive: '/arsip',
  document: '/dokumen/',
} as const;

export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  if (pathname === PATHS.login) return { name: 'login' };
  if (pathname === PATHS.upload) return { name: 'upload' };
  if (pathname === '/' || pathname === PATHS.archive) return { name: 'archive', query };
  if (pathname.startsWith(PATHS.document)) {
    const id = decodeURIComponent(pathname.slice(PATHS.document.length));
    if (id) return { name: 'document', id, row: query.get('baris') };
  }
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return route;
}

/** Follows a link inside the app without reloading the page (ctrl/middle-click still open a tab). */
export function onLinkClick(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('/api/') || a.hasAttribute('download')) return;
  e.preventDefault();
  navigate(href);
}
