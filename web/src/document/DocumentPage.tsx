/**
 * The document view: the source on the left, the extracted forms on the right, every field
 * editable in place, flags listed with their row and reachable from the keyboard. Saved values
 * are applied to the view without reloading the document, so a save costs one small request.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, get, patch, post } from '../api/client';
import type {
  Conflict,
  Correction,
  DocumentView,
  Flag,
  KeyedResult,
  Section,
  SourceInfo,
} from '../api/types';
import { type Session, canReview, canUpload } from '../auth/session';
import { ExportMenu } from '../export/ExportMenu';
import { t } from '../i18n/i18n';
import type { FieldSpec, Target } from './fields';
import { correctionFor, parseValue, rowFields, sectionFields, sectionYears, signerFields } from './fields';
import { FlagItem } from './FlagItem';
import { type PlacedFlag, applySuggestion, isFixable, orderedFlags, quotedWord } from './flags';
import { ConflictPanel, HistoryPanel } from './Panels';
import { getAt, sameJson } from './paths';
import { type CardActions, FormCard, RowCard } from './RowCard';
import { type Highlight, SourcePane } from './SourcePane';
import {
  type Cursor,
  cardOrder,
  correctedPaths,
  fieldHistory,
  findOwner,
  indexKeys,
  withFlag,
  withValue,
} from './state';

/** How often a document being extracted is asked for its status (ms). */
const POLL_MS = 1000;
/**
 * Cards (forms and rows) rendered before the first paint; the rest follow in chunks between
 * frames, so a 300-row document is on screen and usable at once and complete moments later.
 */
const FIRST_CARDS = 16;
const CARDS_PER_CHUNK = 48;
/** Cards rendered past one the reviewer jumps to, so its neighbours are there too. */
const CARDS_AHEAD = 12;

interface DocumentDetail extends DocumentView {
  runs: { id: string; version: number; status: string }[];
}

interface Loaded {
  doc: DocumentDetail;
  result: KeyedResult | null;
  corrections: Correction[];
  conflicts: Conflict[];
}

declare global {
  interface Window {
    /** Timings the end-to-end test reads (ms). */
    __iki?: { openMs?: number; completeMs?: number; saves: { httpMs: number; uiMs: number }[] };
  }
}

function timings() {
  return (window.__iki ??= { saves: [] });
}

/** After the browser has painted what was just rendered. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

async function loadAll(id: string): Promise<Loaded> {
  const [doc, result, corrections, conflicts] = await Promise.all([
    get<DocumentDetail>(`/documents/${id}`),
    get<KeyedResult>(`/documents/${id}/result`).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 409) return null;
      throw err;
    }),
    get<{ items: Correction[] }>(`/documents/${id}/corrections`),
    get<{ items: Conflict[] }>(`/documents/${id}/conflicts`),
  ]);
  return { doc, result, corrections: corrections.items, conflicts: conflicts.items };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function DocumentPage({
  id,
  initialRow,
  session,
}: {
  id: string;
  initialRow: string | null;
  session: Session;
}) {
  const readOnly = !canReview(session);
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [result, setResult] = useState<KeyedResult | null>(null);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [source, setSource] = useState<SourceInfo | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [flagAt, setFlagAt] = useState<number | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const [historyField, setHistoryField] = useState<FieldSpec | null>(null);
  const [page, setPage] = useState(1);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openMs, setOpenMs] = useState<number | null>(null);
  const [shown, setShown] = useState(FIRST_CARDS);

  const apply = (loaded: Loaded) => {
    setDoc(loaded.doc);
    setResult(loaded.result);
    setCorrections(loaded.corrections);
    setConflicts(loaded.conflicts);
  };

  /** Waits while the document is queued or being extracted, then loads it again. */
  const waitAndLoad = async (live: () => boolean): Promise<Loaded | null> => {
    for (;;) {
      const loaded = await loadAll(id);
      if (!live()) return null;
      if (loaded.doc.status !== 'queued' && loaded.doc.status !== 'processing') return loaded;
      setDoc(loaded.doc);
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!live()) return null;
    }
  };

  useEffect(() => {
    let live = true;
    setLoadError(null);
    waitAndLoad(() => live).then(
      (loaded) => {
        if (!loaded) return;
        performance.clearMarks('iki:doc-data');
        performance.mark('iki:doc-data');
        apply(loaded);
        if (loaded.result && initialRow) {
          const at = indexKeys(loaded.result).rows.get(initialRow);
          if (at) {
            setCursor({ section: at[0], row: at[1], field: null });
            const card = cardOrder(loaded.result).findIndex((c) => c.section === at[0] && c.row === at[1]);
            setShown((n) => Math.max(n, card + CARDS_AHEAD));
            requestAnimationFrame(() =>
              document.getElementById(`row-${at[0]}-${at[1]}`)?.scrollIntoView({ block: 'center' }),
            );
          }
        }
      },
      (err: unknown) => live && setLoadError(errorText(err)),
    );
    get<SourceInfo>(`/documents/${id}/source`).then(
      (s) => live && setSource(s),
      (err: unknown) => live && setSourceError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  // The open time: from the data's arrival to the first paint of the forms.
  const measured = useRef(false);
  useEffect(() => {
    if (!result || measured.current) return;
    measured.current = true;
    afterPaint(() => {
      const m = performance.measure('iki:doc-open', 'iki:doc-data');
      timings().openMs = m.duration;
      setOpenMs(Math.round(m.duration));
    });
  }, [result]);
  // Render the remaining cards a chunk at a time, each after the previous one is painted.
  const totalCards = result ? result.sections.reduce((n, s) => n + 1 + s.indikator.length, 0) : 0;
  useEffect(() => {
    if (!result) return;
    if (shown >= totalCards) {
      if (timings().completeMs === undefined) {
        afterPaint(
          () => (timings().completeMs = performance.measure('iki:doc-complete', 'iki:doc-data').duration),
        );
      }
      return;
    }
    let live = true;
    afterPaint(() => live && setShown((n) => n + CARDS_PER_CHUNK));
    return () => {
      live = false;
    };
  }, [result, shown, totalCards]);

  // ---- derived ----
  const index = useMemo(() => (result ? indexKeys(result) : null), [result]);
  const placed = useMemo(() => (result ? orderedFlags(result) : []), [result]);
  const stableRowFlags = useRef(new Map<string, PlacedFlag[]>());
  const stableYears = useRef(new Map<number, string[]>());
  const { rowFlags, formFlags, fileFlags } = useMemo(() => {
    const rowFlags = new Map<string, PlacedFlag[]>();
    const formFlags = new Map<number, PlacedFlag[]>();
    const fileFlags: PlacedFlag[] = [];
    for (const p of placed) {
      if (p.section === null) fileFlags.push(p);
      else if (p.row === null) formFlags.set(p.section, [...(formFlags.get(p.section) ?? []), p]);
      else {
        const k = `${p.section}:${p.row}`;
        rowFlags.set(k, [...(rowFlags.get(k) ?? []), p]);
      }
    }
    // Keep last render's array when a row's flags are unchanged, so the row does not re-render.
    for (const [k, list] of rowFlags) {
      const prev = stableRowFlags.current.get(k);
      if (prev && prev.length === list.length && prev.every((p, i) => sameFlag(p, list[i]!)))
        rowFlags.set(k, prev);
    }
    stableRowFlags.current = rowFlags;
    return { rowFlags, formFlags, fileFlags };
  }, [placed]);
  const years = useMemo(() => {
    const out = new Map<number, string[]>();
    result?.sections.forEach((s, si) => {
      const ys = sectionYears(s);
      const prev = stableYears.current.get(si);
      out.set(si, prev && prev.join() === ys.join() ? prev : ys);
    });
    stableYears.current = out;
    return out;
  }, [result]);
  const corrected = useMemo(() => correctedPaths(corrections), [corrections]);
  const order = useMemo(() => (result ? cardOrder(result) : []), [result]);
  const currentFlag = flagAt === null ? null : (placed[flagAt] ?? null);
  const openCount = placed.filter((p) => p.flag.status === 'open').length;

  // ---- actions (one stable object; the implementation reads the latest state) ----
  const impl = useRef<CardActions & { key(e: KeyboardEvent): void; step(dir: 1 | -1): void }>(null as never);
  const fieldsOf = (c: Cursor | null): FieldSpec[] => {
    if (!c || !result) return [];
    const section = result.sections[c.section];
    if (!section) return [];
    if (c.row === null) {
      return [
        ...sectionFields(section),
        ...section.penandatangan.flatMap((_, k) => signerFields(section, k)),
      ];
    }
    const row = section.indikator[c.row];
    return row ? rowFields(row, years.get(c.section) ?? []) : [];
  };
  const ownerOf = (target: Target) => (result && index ? findOwner(result, index, target) : null);

  const saveValue = async (target: Target, path: string, value: unknown): Promise<void> => {
    const t0 = performance.now();
    const c = await patch<Correction>(`/documents/${id}/fields`, {
      ...(target.rowKey !== undefined ? { rowKey: target.rowKey } : { sectionKey: target.sectionKey }),
      path,
      value,
    });
    const httpMs = performance.now() - t0;
    setResult((r) => (r ? withValue(r, indexKeys(r), target, path, value) : r));
    setCorrections((cs) => [
      ...cs.map((x) =>
        x.rowKey === c.rowKey && x.sectionKey === c.sectionKey && x.path === c.path && x.state === 'active'
          ? { ...x, state: 'superseded' as const, supersededBy: c.id }
          : x,
      ),
      { ...c, state: 'active' },
    ]);
    // A fresh edit of a field settles its open conflicts (as the store does).
    setConflicts((cs) =>
      cs.filter((x) => !(x.rowKey === c.rowKey && x.sectionKey === c.sectionKey && x.path === c.path)),
    );
    afterPaint(() => timings().saves.push({ httpMs, uiMs: performance.now() - t0 }));
  };

  const decideFlag = async (p: PlacedFlag, status: Flag['status'], note: string | null) => {
    if (!p.flag.id) return;
    const f = await patch<{ id: string; status: Flag['status']; note: string | null }>(
      `/flags/${p.flag.id}`,
      {
        status,
        note,
      },
    );
    setResult((r) => (r ? withFlag(r, f.id, { status: f.status, note: f.note }) : r));
  };

  const focusCursor = (c: Cursor, block: ScrollLogicalPosition) => {
    setCursor(c);
    const card = order.findIndex((o) => o.section === c.section && o.row === c.row);
    if (card >= shown) setShown(card + CARDS_AHEAD);
    const row = c.row === null ? null : result?.sections[c.section]?.indikator[c.row];
    if (row?.provenance.page) setPage(row.provenance.page);
    requestAnimationFrame(() => {
      const card = document.getElementById(
        c.row === null ? `form-${c.section}` : `row-${c.section}-${c.row}`,
      );
      const el = (c.field && card?.querySelector(`[data-field="${CSS.escape(c.field)}"]`)) || card;
      el?.scrollIntoView({ block });
    });
  };

  const gotoFlag = (i: number) => {
    const p = placed[i];
    if (!p) return;
    setFlagAt(i);
    setDismissing(false);
    if (p.section === null) {
      document.getElementById('file-flags')?.scrollIntoView({ block: 'center' });
      return;
    }
    focusCursor({ section: p.section, row: p.row, field: p.field }, 'center');
  };

  /** The next (or previous) open flag after the current one, wrapping; any flag when none is open. */
  const stepFlag = (dir: 1 | -1) => {
    const n = placed.length;
    if (!n) return;
    const start = flagAt ?? (dir === 1 ? -1 : n);
    for (let k = 1; k <= n; k++) {
      const i = (((start + dir * k) % n) + n) % n;
      if (placed[i]!.flag.status === 'open') return gotoFlag(i);
    }
    gotoFlag((((start + dir) % n) + n) % n);
  };

  const afterDecision = (p: PlacedFlag) => {
    setDismissing(false);
    // Land on the next open flag, as a reviewer works down the list.
    const i = placed.indexOf(p);
    if (i >= 0) setFlagAt(i);
    setTimeout(() => impl.current.step(1), 0);
  };

  impl.current = {
    step: stepFlag,
    selectField(field) {
      const owner = ownerOf(field.target);
      if (owner) setCursor({ section: owner.section, row: owner.row, field: field.path });
    },
    edit(fieldId) {
      setEditing(fieldId);
    },
    async save(field, text) {
      const parsed = parseValue(field.kind, text);
      if (!parsed.ok) return parsed.error;
      const owner = ownerOf(field.target);
      if (!owner) return t('doc.saveFailed', { message: 'row not found' });
      const { path, value } = correctionFor(field, parsed.value, owner.value);
      if (sameJson(getAt(owner.value, path), value)) {
        setEditing(null);
        return null;
      }
      try {
        await saveValue(field.target, path, value);
        setEditing(null);
        return null;
      } catch (err) {
        return t('doc.saveFailed', { message: errorText(err) });
      }
    },
    history(field) {
      setHistoryField(field);
    },
    selectRow(section, row) {
      setCursor({ section, row, field: null });
      const r = row === null ? null : result?.sections[section]?.indikator[row];
      if (r?.provenance.page) setPage(r.provenance.page);
    },
    setDismissing(open) {
      setDismissing(open);
    },
    focusFlag(p) {
      const i = placed.indexOf(p);
      if (i >= 0 && i !== flagAt) gotoFlag(i);
    },
    async accept(p) {
      try {
        if (isFixable(p) && p.section !== null && result) {
          const section = result.sections[p.section] as Section;
          const target: Target =
            p.row === null
              ? { sectionKey: section.sectionKey }
              : { rowKey: section.indikator[p.row]!.rowKey };
          const owner = ownerOf(target);
          const current = owner ? getAt(owner.value, p.field!) : null;
          const fixed =
            typeof current === 'string'
              ? applySuggestion(current, quotedWord(p.flag)!, p.flag.suggestion!)
              : null;
          if (fixed !== null) await saveValue(target, p.field!, fixed);
        }
        await decideFlag(p, 'accepted', null);
        afterDecision(p);
      } catch (err) {
        setNotice(t('doc.saveFailed', { message: errorText(err) }));
      }
    },
    async dismiss(p, note) {
      try {
        await decideFlag(p, 'dismissed', note);
        afterDecision(p);
      } catch (err) {
        setNotice(t('doc.saveFailed', { message: errorText(err) }));
      }
    },
    async reopen(p) {
      try {
        await decideFlag(p, 'open', null);
      } catch (err) {
        setNotice(t('doc.saveFailed', { message: errorText(err) }));
      }
    },
    key(e) {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      // Enter and space on a focused button press the button.
      if (target && /^(BUTTON|A)$/.test(target.tagName) && (e.key === 'Enter' || e.key === ' ')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) {
        if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          undoSelected();
        }
        return;
      }
      const cardAt = cursor
        ? order.findIndex((c) => c.section === cursor.section && c.row === cursor.row)
        : -1;
      const fields = fieldsOf(cursor);
      const fieldAt = cursor?.field ? fields.findIndex((f) => f.path === cursor.field) : -1;
      const handled = () => e.preventDefault();
      switch (e.key) {
        case 'j':
        case 'ArrowDown': {
          const next = order[Math.min(order.length - 1, cardAt + 1)];
          if (next) focusCursor({ ...next, field: null }, 'nearest');
          return handled();
        }
        case 'k':
        case 'ArrowUp': {
          const prev = order[Math.max(0, cardAt - 1)];
          if (prev) focusCursor({ ...prev, field: null }, 'nearest');
          return handled();
        }
        case 'ArrowRight':
        case 'ArrowLeft': {
          if (!cursor || !fields.length) return;
          const step = e.key === 'ArrowRight' ? 1 : -1;
          const f = fields[Math.min(fields.length - 1, Math.max(0, fieldAt < 0 ? 0 : fieldAt + step))]!;
          focusCursor({ ...cursor, field: f.path }, 'nearest');
          return handled();
        }
        case 'n':
          stepFlag(1);
          return handled();
        case 'p':
        case 'N':
          stepFlag(-1);
          return handled();
        case 'Enter':
        case 'F2': {
          if (readOnly || !cursor) return;
          const f = fieldAt >= 0 ? fields[fieldAt] : fields[0];
          if (f) {
            setCursor({ ...cursor, field: f.path });
            setEditing(f.id);
          }
          return handled();
        }
        case 'a':
          if (currentFlag && currentFlag.flag.status === 'open' && !readOnly)
            void impl.current.accept(currentFlag);
          return handled();
        case 'd':
          if (currentFlag && currentFlag.flag.status === 'open' && !readOnly) setDismissing(true);
          return handled();
        case 'u':
          undoSelected();
          return handled();
        case 'h': {
          const f = fields[fieldAt];
          if (f) setHistoryField(f);
          return handled();
        }
        case '[':
          setPage((p) => Math.max(1, p - 1));
          return handled();
        case ']':
          setPage((p) => Math.min(source && 'pages' in source ? source.pages.length : 1, p + 1));
          return handled();
        case '?':
          setHelp((h) => !h);
          return handled();
        case 'Escape':
          setHelp(false);
          setHistoryField(null);
          setDismissing(false);
          return;
      }
    },
  };
  const actions = useMemo<CardActions>(
    () => ({
      selectField: (f) => impl.current.selectField(f),
      edit: (id) => impl.current.edit(id),
      save: (f, text) => impl.current.save(f, text),
      history: (f) => impl.current.history(f),
      selectRow: (s, r) => impl.current.selectRow(s, r),
      setDismissing: (o) => impl.current.setDismissing(o),
      focusFlag: (p) => impl.current.focusFlag(p),
      accept: (p) => impl.current.accept(p),
      dismiss: (p, n) => impl.current.dismiss(p, n),
      reopen: (p) => impl.current.reopen(p),
    }),
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => impl.current.key(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const undoSelected = () => {
    if (readOnly || !cursor?.field) return;
    const f = fieldsOf(cursor).find((x) => x.path === cursor.field);
    const active = f && fieldHistory(corrections, f.target, f.path).find((c) => c.state === 'active');
    if (active) void undo(active);
  };

  const reload = async () => {
    const loaded = await loadAll(id);
    apply(loaded);
  };

  const undo = async (c: Correction) => {
    try {
      await post(`/corrections/${c.id}/undo`);
      await reload();
    } catch (err) {
      setNotice(t('doc.saveFailed', { message: errorText(err) }));
    }
  };

  const reextract = async () => {
    setBusy(true);
    setNotice(t('doc.reextracting'));
    try {
      await post(`/documents/${id}/reextract`);
      let live = true;
      const loaded = await waitAndLoad(() => live);
      live = false;
      if (loaded) {
        apply(loaded);
        setNotice(
          loaded.doc.status === 'failed'
            ? t('doc.failed', { reason: loaded.doc.error?.reason ?? '' })
            : t('doc.reextracted', { version: loaded.result?.run.version ?? '?' }),
        );
      }
    } catch (err) {
      setNotice(t('common.error', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const resolve = async (c: Conflict, how: 'reapply' | 'reapplyHere' | 'discard') => {
    const here =
      how === 'reapplyHere' && cursor && result
        ? cursor.row === null
          ? { sectionKey: result.sections[cursor.section]?.sectionKey }
          : { rowKey: result.sections[cursor.section]?.indikator[cursor.row]?.rowKey }
        : {};
    try {
      await post(
        `/conflicts/${c.id}/resolve`,
        how === 'discard' ? { action: 'discard' } : { action: 'reapply', ...here },
      );
      await reload();
    } catch (err) {
      setNotice(t('doc.saveFailed', { message: errorText(err) }));
    }
  };

  // ---- render ----
  if (loadError) return <p class="error">{t('common.error', { message: loadError })}</p>;
  if (!doc) return <p class="muted">{t('common.loading')}</p>;

  const highlight: Highlight | null = (() => {
    const row =
      cursor && cursor.row !== null ? result?.sections[cursor.section]?.indikator[cursor.row] : null;
    if (!row) return null;
    return {
      page: row.provenance.page,
      bbox: row.provenance.bbox,
      texts: [row.indikator, row.sasaran, row.formulasi],
    };
  })();
  const rows = result?.sections.reduce((n, s) => n + s.indikator.length, 0) ?? 0;
  const editingFor = (target: Target): string | null => {
    if (!editing) return null;
    const prefix = target.rowKey !== undefined ? `r|${target.rowKey}|` : `s|${target.sectionKey}|`;
    return editing.startsWith(prefix) ? editing.slice(prefix.length) : null;
  };
  let cardIndex = 0;
  const cardFlag = (list: PlacedFlag[] | undefined) =>
    currentFlag && list?.includes(currentFlag) ? currentFlag : null;

  return (
    <div class="doc-view">
      <header class="doc-head">
        <div class="title">
          <h1>{doc.fileName}</h1>
          <span class={`status st-${doc.status}`}>{t(`status.${doc.status}`)}</span>
          {doc.unitKerja && <span class="unit">{doc.unitKerja}</span>}
          {result && (
            <span class="muted summary">
              {t('doc.summary', {
                forms: result.sections.length,
                rows,
                flags: openCount,
                version: result.run.version,
              })}
            </span>
          )}
          {openMs !== null && (
            <span class="muted timing" data-open-ms={openMs}>
              {t('doc.openTime', { ms: openMs })}
            </span>
          )}
        </div>
        <div class="tools">
          <span class="flag-nav">
            <button
              type="button"
              class="small"
              onClick={() => stepFlag(-1)}
              title={`${t('doc.prevFlag')} (p)`}
            >
              ‹
            </button>
            <span>{t('doc.flagCount', { open: openCount, total: placed.length })}</span>
            <button
              type="button"
              class="small"
              onClick={() => stepFlag(1)}
              title={`${t('doc.nextFlag')} (n)`}
            >
              ›
            </button>
          </span>
          {canUpload(session) && (
            <button type="button" class="small" disabled={busy} onClick={() => void reextract()}>
              {t('doc.reextract')}
            </button>
          )}
          <ExportMenu scope={{ documentId: id }} />
          <button type="button" class="small" onClick={() => setHelp((h) => !h)} title={t('doc.keys')}>
            ?
          </button>
        </div>
        {notice && (
          <p class="notice" role="status">
            {notice}
            <button type="button" class="link" onClick={() => setNotice(null)}>
              {t('common.close')}
            </button>
          </p>
        )}
        {help && <p class="help">{t('doc.keysHelp')}</p>}
        {readOnly && <p class="muted">{t('doc.readOnly')}</p>}
      </header>
      {!result ? (
        <p class={doc.status === 'failed' ? 'error' : 'muted'}>
          {doc.status === 'failed'
            ? t('doc.failed', { reason: doc.error?.reason ?? '' })
            : t('doc.notReady', { status: t(`status.${doc.status}`) })}
        </p>
      ) : (
        <div class="doc-body">
          <aside class="source-col" aria-label={t('doc.source')}>
            <SourcePane
              documentId={id}
              info={source}
              error={sourceError}
              page={page}
              onPage={setPage}
              highlight={highlight}
            />
          </aside>
          <main class="forms-col" id="content" aria-label={t('doc.forms')}>
            <ConflictPanel
              items={conflicts}
              where={(c) => {
                const o = ownerOf(
                  c.rowKey !== null ? { rowKey: c.rowKey } : { sectionKey: c.sectionKey ?? '' },
                );
                if (!o) return c.rowKey ?? c.sectionKey ?? '';
                return o.row === null
                  ? t('doc.form', { n: o.section + 1 })
                  : `${t('doc.form', { n: o.section + 1 })} · ${t('field.no')} ${(o.value as { no?: string | null }).no ?? o.row + 1}`;
              }}
              canRetarget={cursor !== null}
              readOnly={readOnly}
              onResolve={resolve}
            />
            {fileFlags.length > 0 && (
              <section class="card file-flags" id="file-flags">
                <h2>{t('doc.fileFlags')}</h2>
                <ul class="flags">
                  {fileFlags.map((p, i) => (
                    <FlagItem
                      key={p.flag.id ?? i}
                      placed={p}
                      current={currentFlag === p}
                      dismissing={dismissing && currentFlag === p}
                      readOnly={readOnly}
                      actions={actions}
                      onDismissing={setDismissing}
                    />
                  ))}
                </ul>
              </section>
            )}
            {result.sections.map((section, si) => {
              const first = cardIndex;
              cardIndex += 1 + section.indikator.length;
              if (first >= shown) return null;
              const sTarget: Target = { sectionKey: section.sectionKey };
              const fFlags = formFlags.get(si);
              return (
                <div class="form-group" key={section.sectionKey}>
                  <FormCard
                    si={si}
                    section={section}
                    selectedField={
                      cursor && cursor.section === si && cursor.row === null ? (cursor.field ?? '') : null
                    }
                    editingPath={editingFor(sTarget)}
                    corrected={corrected.get(`s|${section.sectionKey}`) ?? ''}
                    flags={fFlags}
                    currentFlag={cardFlag(fFlags)}
                    dismissing={dismissing && cardFlag(fFlags) !== null}
                    readOnly={readOnly}
                    actions={actions}
                  />
                  {section.indikator.length === 0 && <p class="muted">{t('doc.noRows')}</p>}
                  {section.indikator.slice(0, Math.max(0, shown - first - 1)).map((row, ri) => {
                    const flags = rowFlags.get(`${si}:${ri}`);
                    return (
                      <RowCard
                        key={row.rowKey}
                        si={si}
                        ri={ri}
                        row={row}
                        years={years.get(si) ?? []}
                        selectedField={
                          cursor && cursor.section === si && cursor.row === ri ? (cursor.field ?? '') : null
                        }
                        editingPath={editingFor({ rowKey: row.rowKey })}
                        corrected={corrected.get(`r|${row.rowKey}`) ?? ''}
                        flags={flags}
                        currentFlag={cardFlag(flags)}
                        dismissing={dismissing && cardFlag(flags) !== null}
                        readOnly={readOnly}
                        actions={actions}
                      />
                    );
                  })}
                </div>
              );
            })}
          </main>
        </div>
      )}
      {historyField && (
        <HistoryPanel
          field={historyField}
          items={fieldHistory(corrections, historyField.target, historyField.path)}
          me={session.user.id}
          readOnly={readOnly}
          onUndo={undo}
          onClose={() => setHistoryField(null)}
        />
      )}
    </div>
  );
}

function sameFlag(a: PlacedFlag, b: PlacedFlag): boolean {
  return a.flag === b.flag && a.field === b.field;
}
