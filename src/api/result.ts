/**
 * A document's latest result as the API returns it: the output contract with corrections
 * applied, plus keys the contract allows and a reviewer UI needs: `sectionKey` on each section,
 * `rowKey` on each indikator row (what a correction names), and on each flag its `id`, `status`
 * and `note` (what PATCH /flags/:id takes).
 */
import type { ExtractedFile, Flag } from '../contract/schema.js';
import { correctedLatest } from '../store/materialise.js';
import { type FlagHit, type Store, listFlags } from '../store/repository.js';
import { MAX_PAGE_SIZE } from '../store/search.js';

export interface FlagWithDecision extends Flag {
  /** Null only if the stored flags and the result disagree (a run saved in between). */
  id: string | null;
  status: FlagHit['status'];
  note: string | null;
}

export type KeyedResult = Omit<ExtractedFile, 'sections' | 'flags'> & {
  documentId: string;
  run: { id: string; version: number };
  sections: (Omit<ExtractedFile['sections'][number], 'indikator' | 'flags'> & {
    sectionKey: string;
    indikator: (ExtractedFile['sections'][number]['indikator'][number] & { rowKey: string })[];
    flags: FlagWithDecision[];
  })[];
  flags: FlagWithDecision[];
};

/** Identity of a flag within one run: where it sits, its code, path and message. */
function flagIdentity(
  section: number | null,
  f: { code: string; path: string | null; message: string },
): string {
  return [section ?? '-', f.code, f.path ?? '', f.message].join('\u0000');
}

/** The latest result with keys and flag decisions, or null before the first successful run. */
export async function keyedResult(store: Store, documentId: string): Promise<KeyedResult | null> {
  // The row keys are those of the raw run (what corrections are tied to), which
  // getLatestResult does not return; correctedLatest has both in one read.
  const latest = await correctedLatest(store.db, documentId);
  if (!latest) return null;
  const { file, keys } = latest.applied;
  const decisions = new Map<string, FlagHit[]>();
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await listFlags(store, { documentId, limit: MAX_PAGE_SIZE, offset });
    for (const f of page.items) {
      if (f.runId !== latest.runId) continue;
      const k = flagIdentity(f.sectionIndex, f);
      decisions.set(k, [...(decisions.get(k) ?? []), f]);
    }
    if (page.items.length < MAX_PAGE_SIZE) break;
  }
  const decide = (section: number | null, f: Flag): FlagWithDecision => {
    const hit = decisions.get(flagIdentity(section, f))?.shift();
    return { ...f, id: hit?.id ?? null, status: hit?.status ?? 'open', note: hit?.note ?? null };
  };
  return {
    ...file,
    documentId,
    run: { id: latest.runId, version: latest.version },
    sections: file.sections.map((s, si) => ({
      ...s,
      sectionKey: keys.sectionKeys[si] ?? '',
      indikator: s.indikator.map((row, ri) => ({ ...row, rowKey: keys.rowKeys[si]?.[ri] ?? '' })),
      flags: s.flags.map((f) => decide(si, f)),
    })),
    flags: file.flags.map((f) => decide(null, f)),
  };
}
