/**
 * The interface language: Bahasa Indonesia unless the reviewer chose English (remembered in
 * localStorage). t() fills `{name}` placeholders; an unknown placeholder is left as it is.
 */
import { type MessageKey, en, id } from './messages';

export type Lang = 'id' | 'en';
const STORAGE_KEY = 'iki.lang';
const TABLES: Record<Lang, Record<MessageKey, string>> = { id, en };

let lang: Lang = readLang();
const listeners = new Set<() => void>();

function readLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function getLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
  for (const l of listeners) l();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = TABLES[lang][key] ?? id[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A key built at run time (flag codes, statuses) when it exists, else the raw value. */
export function tMaybe(key: string, fallback: string): string {
  return key in id ? t(key as MessageKey) : fallback;
}

const dateFormat = new Map<Lang, Intl.DateTimeFormat>();

export function formatDateTime(iso: string): string {
  let f = dateFormat.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    dateFormat.set(lang, f);
  }
  return f.format(new Date(iso));
}
