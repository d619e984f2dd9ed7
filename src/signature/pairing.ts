/**
 * Pairing signers with their titles across the whole file. A flattened PDF prints the two
 * signature columns' titles and names in any order, so order is the last resort. What the file
 * itself says is used first: the same person (NIP) signs several forms, always under one title;
 * titles already taken in a form are not available to the others in it.
 */
import type { Penandatangan } from '../contract/schema.js';
import type { SignatureBlock, Signer } from './blocks.js';

function personKey(s: Signer): string | null {
  if (s.nip) return `nip:${s.nip}`;
  if (s.nama) return `nama:${s.nama.toUpperCase().replace(/[^A-Z]/g, '')}`;
  return null;
}

const norm = (t: string) =>
  t
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

/** Returns, per block, the signers with their titles (in the signers' printed order). */
export function pairSignatures(
  blocks: readonly SignatureBlock[],
): { penandatangan: Penandatangan[]; printed: string[] }[] {
  // assigned[b][k] = title index for signer k of block b
  const assigned: (number | null)[][] = blocks.map((b) => b.signers.map(() => null));
  const personTitle = new Map<string, string>();
  let changed = true;
  let guard = 0;
  while (changed && guard++ < 20) {
    changed = false;
    // 1. A person's title is the one common to every form they sign.
    const candidates = new Map<string, Set<string> | null>();
    blocks.forEach((b, bi) => {
      const free = new Set(b.titles.map(norm).filter((t, ti) => !assigned[bi]!.includes(ti) || false));
      b.signers.forEach((s, k) => {
        const key = personKey(s);
        if (!key || assigned[bi]![k] !== null) return;
        const prev = candidates.get(key);
        const set =
          prev === undefined
            ? new Set(free)
            : prev === null
              ? null
              : new Set([...prev].filter((t) => free.has(t)));
        candidates.set(key, set);
      });
    });
    for (const [key, set] of candidates) {
      if (set && set.size === 1 && !personTitle.has(key)) {
        personTitle.set(key, [...set][0]!);
        changed = true;
      }
    }
    blocks.forEach((b, bi) => {
      b.signers.forEach((s, k) => {
        const key = personKey(s);
        if (!key || assigned[bi]![k] !== null) return;
        const t = personTitle.get(key);
        if (t === undefined) return;
        const ti = b.titles.findIndex((x, i) => norm(x) === t && !assigned[bi]!.includes(i));
        if (ti >= 0) {
          assigned[bi]![k] = ti;
          changed = true;
        }
      });
      // 2. One signer and one title left in a form: they belong together.
      const freeSigners = b.signers
        .map((_, k) => k)
        .filter((k) => assigned[bi]![k] === null && personKey(b.signers[k]!));
      const freeTitles = b.titles.map((_, i) => i).filter((i) => !assigned[bi]!.includes(i));
      if (freeSigners.length === 1 && freeTitles.length === 1 && b.signers.length > 1) {
        assigned[bi]![freeSigners[0]!] = freeTitles[0]!;
        const key = personKey(b.signers[freeSigners[0]!]!);
        if (key && !personTitle.has(key)) personTitle.set(key, norm(b.titles[freeTitles[0]!]!));
        changed = true;
      }
    });
  }
  return blocks.map((b, bi) => {
    const used = new Set(assigned[bi]!.filter((x): x is number => x !== null));
    const order = b.titles.map((_, i) => i).filter((i) => !used.has(i));
    const out: Penandatangan[] = b.signers.map((s, k) => {
      let ti = assigned[bi]![k];
      if (ti === null || ti === undefined) ti = order.shift() ?? null;
      return { nama: s.nama, nip: s.nip, jabatan: ti === null ? null : b.titles[ti]! };
    });
    const printed = b.signers.map((s) => s.printed);
    // Titles nobody stood under: an unsigned block.
    for (const ti of order) {
      out.push({ nama: null, nip: null, jabatan: b.titles[ti]! });
      printed.push('');
    }
    return { penandatangan: out, printed };
  });
}
