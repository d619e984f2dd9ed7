/**
 * The office a document belongs to ("Kecamatan Belawang"), found anywhere in the document: a
 * heading ("KECAMATAN BELAWANG KABUPATEN BARITO KUALA"), a signature ("CAMAT BALANTAK SELATAN"),
 * a jabatan ("Camat Bontang Barat", "Sekretaris Kecamatan X"), "Kantor Camat X"; or, for the
 * forms of a regency's agencies, the agency ("KEPALA DINAS PENDIDIKAN KABUPATEN X" → "Dinas
 * Pendidikan", "Badan Kepegawaian Daerah", "Inspektorat"). The most often named office wins; it is
 * the same for every section of the document.
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

/** Acronyms in office names, kept upper case ("Sekretariat DPRD", "Dinas PUPR"). */
const ACRONYMS = new Set(
  'DPRD RSUD UPT UPTD PUPR PMD BKD KB BPBD BKPSDM DPMPTSP PMPTSP BAPPEDA BAPPELITBANGDA BPKAD BPKD SKPD UMKM KUKM PPKB P3A KBPP'.split(
    ' ',
  ),
);

function titleCase(w: string): string {
  if (ACRONYMS.has(w.toUpperCase())) return w.toUpperCase();
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

/**
 * Regency agencies (perangkat daerah). Their names run over several words and may hold "dan"
 * ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak"); the place ("Kabupaten X") is not part of it.
 */
const AGENCY =
  /\b(DINAS|BADAN|INSPEKTORAT|SATUAN\s+POLISI\s+PAMONG\s+PRAJA|SEKRETARIAT\s+(?:DAERAH|DPRD)|RUMAH\s+SAKIT\s+UMUM\s+DAERAH|RSUD|PUSKESMAS|KANTOR(?!\s+(?:CAMAT|LURAH|KECAMATAN|KELURAHAN)\b))\b((?:\s+[^\s]+){0,8})/gi;

/** Words that end an agency's name (the place, or running text after it). */
const AGENCY_STOP = new Set([...NAME_STOP].filter((w) => w !== 'DAN' && w !== 'DAERAH'));

/** Agencies whose kind word is a whole name ("Inspektorat Kabupaten X" → "Inspektorat"). */
const NAMED_BY_KIND = /^(INSPEKTORAT|SATUAN|SEKRETARIAT|RUMAH|RSUD)/i;

/** Candidate agency names in one line: "KEPALA DINAS KESEHATAN KABUPATEN X" → "Dinas Kesehatan". */
export function agencyMentions(line: string): string[] {
  const out: string[] = [];
  for (const m of line.replace(/\*\*|__|<\/?[a-z]+>/gi, ' ').matchAll(AGENCY)) {
    const kind = m[1]!
      .split(/\s+/)
      .map(titleCase)
      .join(' ')
      .replace(/^Rsud$/, 'RSUD');
    const words: string[] = [];
    for (const w of m[2]!.trim().split(/\s+/).filter(Boolean)) {
      const bare = w.replace(/[,.;:]+$/, '');
      if (AGENCY_STOP.has(bare.toUpperCase()) || /^kab\.?$/i.test(bare)) break;
      if (/^dan$/i.test(bare)) {
        words.push('dan');
        continue;
      }
      if (!/^[A-Z][A-Za-z'’-]*$/.test(bare) && !/^&$/.test(bare)) break;
      words.push(bare === '&' ? '&' : titleCase(bare));
      if (/[,.;:]$/.test(w)) break;
    }
    while (words.length && (words[words.length - 1] === 'dan' || words[words.length - 1] === '&'))
      words.pop();
    if (words.length === 0 && !NAMED_BY_KIND.test(kind)) continue;
    out.push([kind, ...words].join(' '));
  }
  return out;
}

const MENTIONS_OFFICE = /camat|lurah/i;
const MENTIONS_AGENCY = /dinas|badan|inspektorat|pamong|sekretariat|rumah sakit|rsud|puskesmas|kantor/i;
/** A line that names its office on purpose: the decree an attachment belongs to. */
const DECREE_LINE = /^\W*(lampiran|keputusan|peraturan)\b/i;

/** How much more a heading, signature or jabatan mention counts than one in running text. */
const STRONG_MENTION_WEIGHT = 3;

export function findUnitKerja(lines: readonly string[]): string | null {
  const counts = new Map<string, number>();
  const agencies = new Map<string, number>();
  for (const l of lines) {
    const office = MENTIONS_OFFICE.test(l);
    const agency = MENTIONS_AGENCY.test(l);
    if (!office && !agency) continue; // most lines name no office: skip the full match
    // A heading, a signature or a jabatan names the office on purpose; running text only in passing.
    const letters = l.replace(/[^A-Za-z]/g, '');
    const upper = letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
    const strong =
      upper || /jabatan\s*:|unit\s+kerja\s*:|satuan\s+kerja\s*:|instansi\s*:/i.test(l) || DECREE_LINE.test(l);
    const weight = strong ? STRONG_MENTION_WEIGHT : 1;
    if (office) for (const name of officeMentions(l)) counts.set(name, (counts.get(name) ?? 0) + weight);
    // An agency named in running text or a table cell ("Dinas Sosial" as a data source) is not
    // the document's own office: only headings, signatures, jabatan and decree lines count.
    if (agency && strong)
      for (const name of agencyMentions(l)) agencies.set(name, (agencies.get(name) ?? 0) + weight);
  }
  const officeWeight = [...counts.values()].reduce((a, b) => a + b, 0);
  // A name cut at a line end ("KEPALA BADAN PENGELOLAAN KEUANGAN" / "DAN ASET DAERAH") is the start of
  // the whole name printed elsewhere: it counts for the whole one.
  const names = [...agencies.keys()];
  const whole = (n: string) => names.filter((o) => o !== n && o.startsWith(`${n} `));
  for (const n of names) for (const o of whole(n)) agencies.set(o, agencies.get(o)! + agencies.get(n)!);
  const topAgency = [...agencies.entries()]
    .filter(([n]) => whole(n).length === 0)
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0];
  // An agency's forms may name a kecamatan in passing; a kecamatan's forms rarely name an agency on purpose.
  if (topAgency && topAgency[1] > officeWeight) return topAgency[0];
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
