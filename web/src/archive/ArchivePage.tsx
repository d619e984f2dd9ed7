/**
 * The archive: every document with its status, unit kerja and counts of forms, rows and open
 * flags; filters by flag code, severity, unit kerja, jabatan and status; and full-text search
 * over jabatan, sasaran, indikator and formulasi of the whole archive, as documents or as the
 * matching rows themselves. Filters live in the URL, so a filtered view can be bookmarked.
 */
import { useEffect, useState } from 'preact/hooks';
import { get, qs } from '../api/client';
import { type ArchiveDocument, FLAG_CODES, type Page, type RowHit } from '../api/types';
import { PATHS, navigate } from '../app/router';
import { ExportMenu } from '../export/ExportMenu';
import { formatDateTime, t, tMaybe } from '../i18n/i18n';

/** Documents or rows per page of the list. */
const PAGE_SIZE = 50;
const FILTERS = ['q', 'status', 'unitKerja', 'jabatan', 'flagCode', 'severity'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function filtersOf(query: URLSearchParams): Filters {
  const out: Filters = {};
  for (const k of FILTERS) {
    const v = query.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function ArchivePage({ query }: { query: URLSearchParams }) {
  const filters = filtersOf(query);
  const tab = query.get('tab') === 'baris' ? 'rows' : 'documents';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [draft, setDraft] = useState<Filters>(filters);
  const key = query.toString();
  useEffect(() => setDraft(filtersOf(new URLSearchParams(key))), [key]);

  const go = (next: Filters, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (next[k]?.trim()) p.set(k, next[k]!.trim());
    if (tab === 'rows' && !('tab' in extra)) p.set('tab', 'baris');
    for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
    navigate(`${PATHS.archive}${p.toString() ? `?${p}` : ''}`);
  };

  const select = (
    name: keyof Filters,
    options: readonly string[],
    label: string,
    optionLabel: (o: string) => string,
  ) => (
    <label>
      {label}
      <select
        value={draft[name] ?? ''}
        onChange={(e) => go({ ...draft, [name]: (e.target as HTMLSelectElement).value })}
      >
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main class="archive-page" id="content">
      <h1>{t('archive.title')}</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go(draft);
        }}
      >
        <input
          class="search"
          type="search"
          name="q"
          placeholder={t('archive.search')}
          aria-label={t('archive.search')}
          value={draft.q ?? ''}
          onInput={(e) => setDraft({ ...draft, q: (e.target as HTMLInputElement).value })}
        />
        <label>
          {t('archive.filterUnit')}
          <input
            type="text"
            name="unitKerja"
            value={draft.unitKerja ?? ''}
            onInput={(e) => setDraft({ ...draft, unitKerja: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('archive.filterJabatan')}
          <input
            type="text"
            name="jabatan"
            value={draft.jabatan ?? ''}
            onInput={(e) => setDraft({ ...draft, jabatan: (e.target as HTMLInputElement).value })}
          />
        </label>
        {select('status', ['queued', 'processing', 'done', 'failed'], t('archive.filterStatus'), (o) =>
          tMaybe(`status.${o}`, o),
        )}
        {select('flagCode', FLAG_CODES, t('archive.filterCode'), (o) => tMaybe(`flag.${o}`, o))}
        {tab === 'documents' &&
          select('severity', ['error', 'warning', 'info'], t('archive.filterSeverity'), (o) =>
            tMaybe(`severity.${o}`, o),
          )}
        <button type="submit" class="primary">
          {t('archive.searchButton')}
        </button>
        <button type="button" onClick={() => go({})}>
          {t('archive.clear')}
        </button>
      </form>
      <nav class="tabs">
        <a
          href={`${PATHS.archive}?${new URLSearchParams({ ...filters }).toString()}`}
          class={tab === 'documents' ? 'active' : ''}
          aria-current={tab === 'documents' ? 'page' : undefined}
        >
          {t('archive.tabDocuments')}
        </a>
        <a
          href={`${PATHS.archive}?${new URLSearchParams({ ...filters, tab: 'baris' }).toString()}`}
          class={tab === 'rows' ? 'active' : ''}
          aria-current={tab === 'rows' ? 'page' : undefined}
        >
          {t('archive.tabRows')}
        </a>
        <span class="spacer" />
        <ExportMenu
          scope={filters.unitKerja ? { unitKerja: filters.unitKerja } : {}}
          label={
            filters.unitKerja ? t('archive.exportUnit', { unit: filters.unitKerja }) : t('archive.exportAll')
          }
        />
      </nav>
      {tab === 'documents' ? (
        <DocumentList filters={filters} offset={offset} onPage={(o) => go(filters, { offset: String(o) })} />
      ) : (
        <RowList
          filters={filters}
          offset={offset}
          onPage={(o) => go(filters, { offset: String(o), tab: 'baris' })}
        />
      )}
    </main>
  );
}

function usePage<T>(path: string): { page: Page<T> | null; error: string | null } {
  const [page, setPage] = useState<Page<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    get<Page<T>>(path).then(
      (p) => live && setPage(p),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return { page, error };
}

function Pager({ page, onPage }: { page: Page<unknown>; onPage(offset: number): void }) {
  if (page.total <= page.limit) return null;
  return (
    <nav class="pager">
      <button
        type="button"
        class="small"
        disabled={page.offset === 0}
        onClick={() => onPage(Math.max(0, page.offset - page.limit))}
      >
        {t('common.previous')}
      </button>
      <span>
        {t('common.range', {
          from: page.offset + 1,
          to: Math.min(page.total, page.offset + page.items.length),
          total: page.total,
        })}
      </span>
      <button
        type="button"
        class="small"
        disabled={page.offset + page.limit >= page.total}
        onClick={() => onPage(page.offset + page.limit)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}

interface ListProps {
  filters: Filters;
  offset: number;
  onPage(offset: number): void;
}

function DocumentList({ filters, offset, onPage }: ListProps) {
  const { page, error } = usePage<ArchiveDocument>(
    `/workbench/documents${qs({ ...filters, limit: PAGE_SIZE, offset })}`,
  );
  if (error) return <p class="error">{t('common.error', { message: error })}</p>;
  if (!page) return <p class="muted">{t('common.loading')}</p>;
  if (!page.items.length) return <p class="muted">{t('archive.noDocuments')}</p>;
  return (
    <>
      <table class="list">
        <thead>
          <tr>
            <th>{t('archive.colFile')}</th>
            <th>{t('archive.colStatus')}</th>
            <th>{t('archive.colUnit')}</th>
            <th class="num">{t('archive.colForms')}</th>
            <th class="num">{t('archive.colRows')}</th>
            <th class="num">{t('archive.colFlags')}</th>
            <th>{t('archive.colUploaded')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((d) => (
            <tr key={d.id} data-doc-id={d.id}>
              <td>
                <a href={PATHS.document + d.id}>{d.fileName}</a>
                {d.status === 'failed' && d.error && <div class="error small-text">{d.error.reason}</div>}
              </td>
              <td>
                <span class={`status st-${d.status}`}>{t(`status.${d.status}`)}</span>
              </td>
              <td>{d.unitKerja ?? t('common.none')}</td>
              <td class="num">{d.forms}</td>
              <td class="num">{d.rows}</td>
              <td class={`num${d.openFlags ? ' has-flags' : ''}`}>{d.openFlags}</td>
              <td>{formatDateTime(d.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} onPage={onPage} />
    </>
  );
}

function RowList({ filters, offset, onPage }: ListProps) {
  const { severity: _severity, ...rowFilters } = filters;
  const { page, error } = usePage<RowHit>(`/rows${qs({ ...rowFilters, limit: PAGE_SIZE, offset })}`);
  if (error) return <p class="error">{t('common.error', { message: error })}</p>;
  if (!page) return <p class="muted">{t('common.loading')}</p>;
  if (!page.items.length) return <p class="muted">{t('archive.noRows')}</p>;
  return (
    <>
      <table class="list rows">
        <thead>
          <tr>
            <th>{t('archive.colDocument')}</th>
            <th>{t('field.jabatan')}</th>
            <th>{t('archive.colIndikator')}</th>
            <th>{t('archive.colFormulasi')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
            <tr key={`${r.documentId}:${r.rowKey}`}>
              <td>
                <a href={`${PATHS.document}${r.documentId}?baris=${encodeURIComponent(r.rowKey)}`}>
                  {r.fileName}
                </a>
                <div class="muted small-text">{r.unitKerja ?? ''}</div>
              </td>
              <td>{r.jabatan ?? t('common.none')}</td>
              <td>
                {r.no ? `${r.no}. ` : ''}
                {r.indikator ?? t('common.none')}
                {r.sasaran && <div class="muted small-text">{r.sasaran}</div>}
              </td>
              <td>{r.formulasi ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} onPage={onPage} />
    </>
  );
}
