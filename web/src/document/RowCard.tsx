/**
 * An indicator row and a form's own fields, as cards of editable fields with their flags. Both
 * re-render only when their own props change, so moving through 300 rows stays instant.
 */
import { Component } from 'preact';
import type { Row, Section } from '../api/types';
import { t } from '../i18n/i18n';
import { Field, type FieldActions, fieldAt } from './Field';
import { FlagItem, type FlagActions } from './FlagItem';
import { type FieldSpec, rowFields, sectionFields, signerFields } from './fields';
import type { PlacedFlag } from './flags';
import { getAt } from './paths';

export interface CardActions extends FieldActions, FlagActions {
  selectRow(section: number, row: number | null): void;
  setDismissing(open: boolean): void;
}

/** Shallow comparison of props: the page passes stable objects for everything unchanged. */
abstract class PureCard<P extends object> extends Component<P> {
  override shouldComponentUpdate(next: P): boolean {
    const prev = this.props as Record<string, unknown>;
    for (const k of Object.keys(next)) if ((next as Record<string, unknown>)[k] !== prev[k]) return true;
    return false;
  }
}

interface CommonProps {
  si: number;
  /** The selected field's path when this card is selected, '' when selected with no field, else null. */
  selectedField: string | null;
  editingPath: string | null;
  /** Paths with an active correction, joined by newlines (a string, so unchanged compares equal). */
  corrected: string;
  flags: PlacedFlag[] | undefined;
  currentFlag: PlacedFlag | null;
  dismissing: boolean;
  readOnly: boolean;
  actions: CardActions;
}

function renderFields(
  fields: FieldSpec[],
  owner: unknown,
  p: CommonProps,
  flaggedFields: Set<string>,
  correctedSet: Set<string>,
) {
  return fields.map((f) => (
    <Field
      key={f.id}
      field={f}
      value={getAt(owner, f.path)}
      corrected={correctedSet.has(f.path) || (f.kind === 'target' && correctedSet.has('target'))}
      selected={p.selectedField === f.path}
      editing={p.editingPath === f.path}
      flagged={flaggedFields.has(f.path)}
      readOnly={p.readOnly}
      actions={p.actions}
    />
  ));
}

function renderFlags(p: CommonProps) {
  if (!p.flags?.length) return null;
  return (
    <ul class="flags">
      {p.flags.map((pf, i) => (
        <FlagItem
          key={pf.flag.id ?? i}
          placed={pf}
          current={p.currentFlag === pf}
          dismissing={p.dismissing && p.currentFlag === pf}
          readOnly={p.readOnly}
          actions={p.actions}
          onDismissing={p.actions.setDismissing}
        />
      ))}
    </ul>
  );
}

/** A click in a card: on a field, select it and start editing (or open its history); else select the card. */
function onCardClick(e: MouseEvent, fields: FieldSpec[], p: CommonProps, select: () => void): void {
  const hit = fieldAt(e, fields);
  if (hit) {
    p.actions.selectField(hit.field);
    if (hit.history) p.actions.history(hit.field);
    else if (!p.readOnly) p.actions.edit(hit.field.id);
    return;
  }
  if (p.selectedField === null) select();
}

/** Fields a flag points at (`target.2020` also marks the whole `target`). */
function flaggedSet(flags: PlacedFlag[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const p of flags ?? []) {
    if (p.field && p.flag.status === 'open') {
      out.add(p.field);
      out.add(p.field.replace(/\[\d+\]$/, ''));
    }
  }
  return out;
}

export interface RowCardProps extends CommonProps {
  row: Row;
  ri: number;
  years: string[];
}

export class RowCard extends PureCard<RowCardProps> {
  override render() {
    const p = this.props;
    const { row, si, ri } = p;
    const fields = rowFields(row, p.years);
    const flagged = flaggedSet(p.flags);
    const correctedSet = new Set(p.corrected ? p.corrected.split('\n') : []);
    const open = p.flags?.filter((f) => f.flag.status === 'open').length ?? 0;
    return (
      <article
        id={`row-${si}-${ri}`}
        class={`card row${p.selectedField !== null ? ' selected' : ''}${open ? ' has-flags' : ''}`}
        onClick={(e) => onCardClick(e, fields, p, () => p.actions.selectRow(si, ri))}
      >
        <header>
          <span class="no">{row.no ?? ri + 1}</span>
          {row.provenance.page !== null && (
            <span class="page-ref">{t('doc.pageRef', { page: row.provenance.page })}</span>
          )}
          {open > 0 && <span class="count">{open}</span>}
        </header>
        <div class="fields">{renderFields(fields, row, p, flagged, correctedSet)}</div>
        {renderFlags(p)}
      </article>
    );
  }
}

export interface FormCardProps extends CommonProps {
  section: Section;
}

export class FormCard extends PureCard<FormCardProps> {
  override render() {
    const p = this.props;
    const { section, si } = p;
    const flagged = flaggedSet(p.flags);
    const correctedSet = new Set(p.corrected ? p.corrected.split('\n') : []);
    const own = sectionFields(section);
    const signers = section.penandatangan.map((_, k) => signerFields(section, k));
    const all = [...own, ...signers.flat()];
    return (
      <section
        id={`form-${si}`}
        class={`card form${p.selectedField !== null ? ' selected' : ''}`}
        onClick={(e) => onCardClick(e, all, p, () => p.actions.selectRow(si, null))}
      >
        <header>
          <h2>
            {t('doc.form', { n: si + 1 })} · {section.kind}
            {section.title ? ` · ${section.title}` : ''}
          </h2>
        </header>
        <div class="fields">{renderFields(own, section, p, flagged, correctedSet)}</div>
        {section.penandatangan.length > 0 && (
          <div class="signers">
            <h3>{t('doc.signers')}</h3>
            {signers.map((fields, k) => (
              <div class="fields signer" key={k}>
                {renderFields(fields, section, p, flagged, correctedSet)}
              </div>
            ))}
          </div>
        )}
        {renderFlags(p)}
      </section>
    );
  }
}
