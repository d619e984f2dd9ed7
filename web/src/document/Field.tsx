/**
 * One field, shown as text and edited in place: click it (or select it and press Enter/F2), type,
 * press Enter (Ctrl+Enter in a list) to save, Esc to cancel. Leaving a changed editor saves it,
 * so a reviewer's typing is never thrown away by a stray click.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { type FieldSpec, formatValue } from './fields';

export interface FieldActions {
  selectField(field: FieldSpec): void;
  edit(fieldId: string | null): void;
  /** Resolves to an error message, or null when saved (or nothing changed). */
  save(field: FieldSpec, text: string): Promise<string | null>;
  history(field: FieldSpec): void;
}

export interface FieldProps {
  field: FieldSpec;
  value: unknown;
  corrected: boolean;
  selected: boolean;
  editing: boolean;
  flagged: boolean;
  readOnly: boolean;
  actions: FieldActions;
}

export function Field({
  field,
  value,
  corrected,
  selected,
  editing,
  flagged,
  readOnly,
  actions,
}: FieldProps) {
  const text = formatValue(field.kind, value);
  let cls = 'field';
  if (field.wide) cls += ' wide';
  if (field.span2) cls += ' span2';
  if (selected) cls += ' sel';
  if (corrected) cls += ' corrected';
  if (flagged) cls += ' flagged';
  // The label is drawn by CSS from data-label, and clicks are handled once per card (fieldAt):
  // a 300-row document is then a third fewer elements and no listener per field.
  return (
    <div class={cls} data-field={field.path} data-label={field.label}>
      {corrected && (
        <button type="button" class="mark" title={t('doc.history')} data-history="1">
          {t('doc.corrected')}
        </button>
      )}
      {editing && !readOnly ? (
        <Editor field={field} initial={text} actions={actions} />
      ) : text ? (
        <span class="value">{field.kind === 'lines' ? <Lines text={text} /> : text}</span>
      ) : (
        <span class="value empty">{t('doc.empty')}</span>
      )}
    </div>
  );
}

/**
 * The field a click in a card landed on, and whether it was on its "corrected" mark (which opens
 * the history): one handler per card instead of one per field.
 */
export function fieldAt(
  e: MouseEvent,
  fields: readonly FieldSpec[],
): { field: FieldSpec; history: boolean } | null {
  const target = e.target as Element | null;
  if (!target || target.closest('.editing, .flags')) return null;
  const el = target.closest('[data-field]');
  const path = el?.getAttribute('data-field');
  const field = path ? fields.find((f) => f.path === path) : undefined;
  return field ? { field, history: !!target.closest('[data-history]') } : null;
}

function Lines({ text }: { text: string }) {
  return (
    <ul class="lines">
      {text.split('\n').map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

function Editor({ field, initial, actions }: { field: FieldSpec; initial: string; actions: FieldActions }) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement & HTMLSelectElement>(null);
  /** Set once the editor is being closed on purpose (saved or cancelled): the blur that follows does nothing. */
  const closing = useRef(false);
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if ('select' in el && typeof el.select === 'function' && field.kind !== 'enum') el.select();
  }, []);

  const commit = async () => {
    if (busy) return;
    closing.current = true;
    setBusy(true);
    const err = await actions.save(field, latest.current);
    setBusy(false);
    if (err) {
      closing.current = false;
      setError(err);
      ref.current?.focus();
    }
  };
  const cancel = () => {
    closing.current = true;
    actions.edit(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if ((e.key === 's' || e.key === 'S') && ctrl) {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Enter' && (ctrl || (field.kind !== 'lines' && !e.shiftKey))) {
      e.preventDefault();
      void commit();
    }
  };
  const onBlur = () => {
    if (closing.current) return;
    if (latest.current !== initial) void commit();
    else actions.edit(null);
  };

  const common = {
    ref,
    class: 'editor',
    disabled: busy,
    'aria-label': field.label,
    onKeyDown,
    onBlur,
  };
  let control;
  if (field.kind === 'enum') {
    control = (
      <select {...common} value={text} onChange={(e) => setText((e.target as HTMLSelectElement).value)}>
        {(field.options ?? []).map((o) => (
          <option key={o ?? ''} value={o ?? ''}>
            {o ?? t('common.none')}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'text' || field.kind === 'lines') {
    const rows = Math.min(
      12,
      Math.max(
        field.kind === 'lines' ? 3 : 1,
        Math.ceil(text.length / 70) + (text.match(/\n/g)?.length ?? 0),
      ),
    );
    control = (
      <textarea
        {...common}
        rows={rows}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        inputMode={field.kind === 'date' ? 'numeric' : field.kind === 'target' ? 'text' : 'decimal'}
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
    );
  }
  return (
    <span class="value editing">
      {control}
      <span class="hint">{error ?? t(field.kind === 'lines' ? 'doc.linesHint' : 'doc.textHint')}</span>
    </span>
  );
}
