/**
 * One flag: severity, what it is, the extractor's message and suggestion, and the reviewer's
 * decision. A spelling suggestion is applied to the field when accepted; other suggestions are
 * advice, and accepting them records that the reviewer has dealt with the flag.
 */
import { useState } from 'preact/hooks';
import { t, tMaybe } from '../i18n/i18n';
import { type PlacedFlag, isFixable, quotedWord } from './flags';

export interface FlagActions {
  focusFlag(p: PlacedFlag): void;
  accept(p: PlacedFlag): Promise<void>;
  dismiss(p: PlacedFlag, note: string | null): Promise<void>;
  reopen(p: PlacedFlag): Promise<void>;
}

export interface FlagItemProps {
  placed: PlacedFlag;
  current: boolean;
  /** Open the note box (the `d` key on the current flag). */
  dismissing: boolean;
  readOnly: boolean;
  actions: FlagActions;
  onDismissing(open: boolean): void;
}

export function FlagItem({ placed, current, dismissing, readOnly, actions, onDismissing }: FlagItemProps) {
  const { flag } = placed;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const fixable = isFixable(placed);
  const word = fixable ? quotedWord(flag) : null;
  const canAct = !readOnly && flag.id !== null && !busy;
  return (
    <li
      class={`flag sev-${flag.severity} st-${flag.status}${current ? ' current' : ''}`}
      data-flag-id={flag.id ?? ''}
      onClick={() => actions.focusFlag(placed)}
    >
      <span class={`pill sev-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>
      <span class="code">{tMaybe(`flag.${flag.code}`, flag.code)}</span>
      <span class="msg">{flag.message}</span>
      {flag.suggestion && (
        <span class="suggestion">
          {fixable && word
            ? t('doc.replaces', { word, suggestion: flag.suggestion })
            : t('doc.suggestion', { text: flag.suggestion })}
        </span>
      )}
      {flag.status !== 'open' ? (
        <span class="decision">
          {t(`flagStatus.${flag.status}`)}
          {flag.note ? `: ${flag.note}` : ''}
          {canAct && (
            <button
              type="button"
              class="link"
              onClick={(e) => (e.stopPropagation(), void run(() => actions.reopen(placed)))}
            >
              {t('doc.reopen')}
            </button>
          )}
        </span>
      ) : (
        canAct && (
          <span class="actions">
            <button
              type="button"
              class="primary small"
              onClick={(e) => (e.stopPropagation(), void run(() => actions.accept(placed)))}
            >
              {fixable ? t('doc.accept') : t('doc.acceptPlain')}
            </button>
            {dismissing ? (
              <form
                class="note"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(() => actions.dismiss(placed, note.trim() || null));
                }}
                onClick={(e) => e.stopPropagation()}
              >
                <input
                  ref={(el) => el?.focus()}
                  type="text"
                  placeholder={t('doc.note')}
                  aria-label={t('doc.note')}
                  value={note}
                  onInput={(e) => setNote((e.target as HTMLInputElement).value)}
                  onKeyDown={(e) => {
                    e.stopPropagation();
                    if (e.key === 'Escape') onDismissing(false);
                  }}
                />
                <button type="submit" class="small">
                  {t('doc.dismiss')}
                </button>
              </form>
            ) : (
              <button type="button" class="small" onClick={(e) => (e.stopPropagation(), onDismissing(true))}>
                {t('doc.dismiss')}
              </button>
            )}
          </span>
        )
      )}
    </li>
  );
}
