/**
 * The office a document belongs to ("Kecamatan Belawang"), found anywhere in the document: a
 * heading ("KECAMATAN BELAWANG KABUPATEN BARITO KUALA"), a signature ("CAMAT BALANTAK SELATAN"),
 * a jabatan ("Camat Bontang Barat", "Sekretaris Kecamatan X"), "Kantor Camat X". The most often
 * named office wins; it is the same for every section of the document.
 */

/** Words that end an office name. */
const NAME_STOP = new Set([
  'KABUPATEN',
  'KOTA',
  'PROVINSI',
  'YANG',
  'DAN',
  'DALAM',
  'DI',
  'KE',
  'PADA',
  'SESUAI',
  'SEHINGGA',
  'UNTUK',
  'DENGAN',
  'TENTANG',
  'NOMOR',
  'TAHUN',
  'OLEH',
  'ATAU',
  'SERTA',
  'SEBAGAI',
  'TERHADAP',
  'MELALUI',
  'TINGKAT',
  'LINGKUP',
  'SETEMPAT',
  'KELURAHAN',
  'DESA',
]);

const OFFICE =
  /\b(KECAMATAN|KANTOR\s+CAMAT|CAMAT|KELURAHAN|LURAH)\s+([A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*){0,3})/gi;

function titleCase(w: string): string {
  return w.length <= 1 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase();
}

/** Candidate office names in one line, normalised to "Kecamatan X Y" / "Kelurahan X". */
export function officeMentions(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(OFFICE)) {
    const kind = m[1]!.toUpperCase();
    const words: string[] = [];
    for (const w of m[2]!.split(/\s+/)) {
      if (NAME_STOP.has(w.toUpperCase())) break;
      // Office names are capitalised words; "Kecamatan sehingga …" or "kecamatan X 100 %" names nothing.
      if (!/^[A-Z][A-Za-z'’-]+[,.;:]?$/.test(w)) break;
      words.push(titleCase(w.replace(/[,.;:]+$/, '')));
      if (/[,.;:]$/.test(w)) break;
    }
    if (words.length === 0) continue;
    const isLurah = kind === 'KELURAHAN' || kind === 'LURAH';
    out.push(`${isLurah ? 'Kelurahan' : 'Kecamatan'} ${words.join(' ')}`);
  }
  return out;
}

const MENTIONS_OFFICE = /camat|lurah/i;

/** How much more a heading, signature or jabatan mention counts than one in running text. */
const STRONG_MENTION_WEIGHT = 3;

export function findUnitKerja(lines: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (!MENTIONS_OFFICE.test(l)) continue; // most lines name no office: skip the full match
    // A heading, a signature or a jabatan names the office on purpose; running text only in passing.
    const letters = l.replace(/[^A-Za-z]/g, '');
    const upper = letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
    const weight = upper || /jabatan\s*:/i.test(l) ? STRONG_MENTION_WEIGHT : 1;
    for (const name of officeMentions(l)) counts.set(name, (counts.get(name) ?? 0) + weight);
  }
  if (counts.size === 0) return null;
  // Prefer a kecamatan over a kelurahan (a kecamatan's forms name its kelurahan too), then frequency,
  // then the shorter name (a longer one usually swallowed a following word).
  const ranked = [...counts.entries()].sort(
    (a, b) =>
      Number(b[0].startsWith('Kecamatan')) - Number(a[0].startsWith('Kecamatan')) ||
      b[1] - a[1] ||
      a[0].length - b[0].length,
  );
  return ranked[0]![0];
}
