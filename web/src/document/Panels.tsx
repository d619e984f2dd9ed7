/**
 * The side panels of the document view: a field's correction history with undo, and the
 * corrections that no longer fit after a re-extraction (conflicts), each settled by re-applying
 * it (to its row, or to the selected row when its row is gone) or by keeping the extracted value.
 */
import { useState } from 'preact/hooks';
import type { Conflict, Correction } from '../api/types';
import { formatDateTime, t } from '../i18n/i18n';
import type { FieldSpec } from './fields';

function show(v: unknown): string {
  if (v === null || v === undefined) return t('doc.empty');
  if (Array.isArray(v)) return v.join(' · ') || t('doc.empty');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export interface HistoryPanelProps {
  field: FieldSpec;
  items: Correction[];
  me: string;
  readOnly: boolean;
  onUndo(c: Correction): Promise<void>;
  onClose(): void;
}

export function HistoryPanel({ field, items, me, readOnly, onUndo, onClose }: HistoryPanelProps) {
  const [busy, setBusy] = useState(false);
  return (
    <aside
      class="panel history"
      role="complementary"
      aria-label={t('doc.historyTitle', { field: field.label })}
    >
      <header>
        <h3>{t('doc.historyTitle', { field: field.label })}</h3>
        <button type="button" class="small" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      {items.length === 0 ? (
        <p class="muted">{t('doc.historyEmpty')}</p>
      ) : (
        <ol>
          {items.map((c) => (
            <li key={c.id} class={`st-${c.state}`}>
              <div class="meta">
                v{c.version} · {c.author === me ? t('common.you') : c.author.slice(0, 8)} ·{' '}
                {formatDateTime(c.createdAt)}
                {c.state !== 'active' && <span class="state"> · {c.state}</span>}
              </div>
              <div class="change">
                <del>{show(c.oldValue)}</del> → <ins>{show(c.newValue)}</ins>
              </div>
              {c.state === 'active' && !readOnly && (
                <button
                  type="button"
                  class="small"
                  disabled={busy}
                  onClick={async () => {
                    setBusy(true);
                    try {
                      await onUndo(c);
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  {t('doc.undo')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

export interface ConflictPanelProps {
  items: Conflict[];
  /** Label of the row or form the conflict's correction named, when it is still in the result. */
  where(c: Conflict): string;
  canRetarget: boolean;
  readOnly: boolean;
  onResolve(c: Conflict, how: 'reapply' | 'reapplyHere' | 'discard'): Promise<void>;
}

export function ConflictPanel({ items, where, canRetarget, readOnly, onResolve }: ConflictPanelProps) {
  const [busy, setBusy] = useState<string | null>(null);
  if (!items.length) return null;
  const act = async (c: Conflict, how: 'reapply' | 'reapplyHere' | 'discard') => {
    setBusy(c.id);
    try {
      await onResolve(c, how);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="panel conflicts" aria-live="polite">
      <h3>{t('doc.conflicts', { n: items.length })}</h3>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <div class="meta">
              <strong>{c.path}</strong> · {where(c)} · {t(`doc.conflictReason.${c.reason}`)}
            </div>
            <dl>
              <dt>{t('doc.conflictExpected')}</dt>
              <dd>{show(c.expected)}</dd>
              <dt>{t('doc.conflictActual')}</dt>
              <dd>{show(c.actual)}</dd>
              <dt>{t('doc.conflictNew')}</dt>
              <dd>
                <ins>{show(c.newValue)}</ins>
              </dd>
            </dl>
            {!readOnly && (
              <div class="actions">
                {c.reason !== 'target-missing' && (
                  <button
                    type="button"
                    class="primary small"
                    disabled={busy === c.id}
                    onClick={() => act(c, 'reapply')}
                  >
                    {t('doc.reapply')}
                  </button>
                )}
                {canRetarget && (
                  <button
                    type="button"
                    class="small"
                    disabled={busy === c.id}
                    onClick={() => act(c, 'reapplyHere')}
                  >
                    {t('doc.reapplyHere')}
                  </button>
                )}
                <button
                  type="button"
                  class="small"
                  disabled={busy === c.id}
                  onClick={() => act(c, 'discard')}
                >
                  {t('doc.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
