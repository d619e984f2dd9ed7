/**
 * Lays out the seeds' gold forms as text-layer PDFs, the way an office prints them from Word or
 * LibreOffice: a title, "Jabatan :", the Tugas and Fungsi lists, the indicator table, then the
 * place/date line and the signature blocks. The PDFs are printed by Debian's chromium through
 * playwright-core, so they carry real embedded fonts and tables drawn as rulings.
 *
 *   npx tsx scripts/make-pdf-fixtures.ts            # writes fixtures/pdf/<seed-id>-<variant>.pdf
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`) and, for the rotated and encrypted
 * variants, /usr/bin/qpdf (`apt-get install -y qpdf`). The generated files are committed, so
 * tests never need either program.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const QPDF = '/usr/bin/qpdf';
const GOLD_DIR = 'fixtures/gold';
const OUT_DIR = 'fixtures/pdf';
/** Password of the encrypted fixture (the reader must refuse it with a clear error). */
const ENCRYPTED_FIXTURE_PASSWORD = 'rahasia';

interface GoldRow {
  no: string | null;
  sasaran: string | null;
  indikator: string | null;
  formulasi: string | null;
  penjelasan: string[];
  target: Record<string, number | string>;
  penanggungJawab: string | null;
  sumberData: string[];
}
interface GoldSigner {
  nama: string | null;
  nip: string | null;
  jabatan: string | null;
}
interface GoldSection {
  title: string | null;
  jabatan: string | null;
  tugas: string[];
  fungsi: string[];
  indikator: GoldRow[];
  penandatangan: GoldSigner[];
  tempat: string | null;
  tanggal: string | null;
  unitKerja: string | null;
  lampiran: {
    label: string | null;
    keputusan: string | null;
    nomor: string | null;
    tahun: number | null;
    tanggal: string | null;
  } | null;
  periode: { dari: number; sampai: number } | null;
}
export interface Gold {
  sections: GoldSection[];
}

import type { Variant } from './fixture-variants.js';
import { VARIANTS } from './fixture-variants.js';
import { INDONESIAN_MONTH_NAMES } from '../src/dates/months.js';

const PAGE_WIDTH_MM = 210;
const MONTHS = INDONESIAN_MONTH_NAMES;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "197408072008011010" → "19740807 200801 1 010", the way NIPs are printed. */
function printedNip(nip: string): string {
  return nip.length === 18
    ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
    : nip;
}

function printedDate(iso: string | null): string {
  if (!iso) return '.............. 2019';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

function list(items: string[]): string {
  if (items.length === 0) return '<p class="dash">-</p>';
  return `<ol>${items.map((t) => `<li>${esc(t)}</li>`).join('')}</ol>`;
}

/** Years with a target anywhere in the section, sorted: the TARGET sub-columns. */
function yearColumns(rows: GoldRow[]): string[] {
  const years = new Set<string>();
  for (const r of rows) for (const y of Object.keys(r.target)) years.add(y);
  return [...years].sort();
}

function formulasiCell(r: GoldRow): string {
  const parts: string[] = [];
  if (r.penjelasan.length > 0) {
    parts.push(...r.penjelasan.map((p) => `- ${esc(p)}`));
    if (r.formulasi) parts.push(`- Formulasinya : ${esc(r.formulasi)}`);
  } else if (r.formulasi) {
    parts.push(esc(r.formulasi));
  }
  return parts.join('<br>');
}

function table(s: GoldSection): string {
  const rows = s.indikator;
  const hasNo = rows.some((r) => r.no !== null);
  const years = yearColumns(rows);
  const hasPj = rows.some((r) => r.penanggungJawab !== null);
  const two = years.length > 0;
  const rs = two ? ' rowspan="2"' : '';
  const head: string[] = [];
  if (hasNo) head.push(`<th${rs} class="no">NO</th>`);
  head.push(
    `<th${rs}>SASARAN</th>`,
    `<th${rs}>INDIKATOR KINERJA</th>`,
    `<th${rs}>FORMULASI PERHITUNGAN / PENJELASAN</th>`,
  );
  if (two) head.push(`<th colspan="${years.length}">TARGET</th>`);
  if (hasPj) head.push(`<th${rs}>PENANGGUNG JAWAB</th>`);
  head.push(`<th${rs}>SUMBER DATA</th>`);
  const thead =
    `<tr>${head.join('')}</tr>` +
    (two ? `<tr>${years.map((y) => `<th class="yr">${y}</th>`).join('')}</tr>` : '');

  // A sasaran printed once for consecutive rows of the same number is one spanning cell.
  const body: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const cells: string[] = [];
    const prev = rows[i - 1];
    const continues =
      prev !== undefined && prev.no === r.no && prev.sasaran === r.sasaran && r.sasaran !== null;
    if (!continues) {
      let span = 1;
      while (
        i + span < rows.length &&
        rows[i + span]!.no === r.no &&
        rows[i + span]!.sasaran === r.sasaran &&
        r.sasaran !== null
      )
        span++;
      const sp = span > 1 ? ` rowspan="${span}"` : '';
      if (hasNo) cells.push(`<td${sp} class="no">${r.no === null ? '' : esc(r.no) + '.'}</td>`);
      cells.push(`<td${sp}>${esc(r.sasaran ?? '')}</td>`);
    }
    cells.push(`<td>${esc(r.indikator ?? '')}</td>`, `<td>${formulasiCell(r)}</td>`);
    for (const y of years)
      cells.push(`<td class="yr">${r.target[y] === undefined ? '' : esc(String(r.target[y]))}</td>`);
    if (hasPj) cells.push(`<td>${esc(r.penanggungJawab ?? '')}</td>`);
    const src =
      r.sumberData.length > 1
        ? r.sumberData.map((d) => `- ${esc(d)}`).join('<br>')
        : esc(r.sumberData[0] ?? '');
    cells.push(`<td>${src}</td>`);
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table><thead>${thead}</thead><tbody>${body.join('')}</tbody></table>`;
}

function signatures(s: GoldSection): string {
  if (s.penandatangan.length === 0 && !s.tempat) return '';
  const place = s.tempat ? `<p class="date">${esc(s.tempat)}, ${printedDate(s.tanggal)}</p>` : '';
  const blocks = s.penandatangan
    .map(
      (p) =>
        `<div class="sig"><p>${esc(p.jabatan ?? '')}</p><p class="gap"></p><p><b><u>${esc(p.nama ?? '-----')}</u></b></p>` +
        (p.nip ? `<p>NIP. ${printedNip(p.nip)}</p>` : '') +
        '</div>',
    )
    .join('');
  return `<div class="sign">${place}<div class="sigs">${blocks}</div></div>`;
}

/** The SK attachment block printed top right, as offices print it. */
function lampiran(s: GoldSection): string {
  const l = s.lampiran;
  if (!l) return '';
  const lines = [
    `Lampiran ${esc(l.label ?? '')}. ${esc(l.keputusan ?? '')}`,
    `Nomor : ${esc(l.nomor ?? '')}${l.tahun ? ` Tahun ${l.tahun}` : ''}`,
    l.tanggal ? `Tanggal : ${printedDate(l.tanggal)}` : '',
  ].filter(Boolean);
  return `<div class="lampiran">${lines.map((t) => `<p>${t}</p>`).join('')}</div>`;
}

function section(s: GoldSection): string {
  const jab = s.jabatan ? `<p>Jabatan : ${esc(s.jabatan)}</p>` : '';
  const tf = s.jabatan ? `<p>Tugas :</p>${list(s.tugas)}<p>Fungsi :</p>${list(s.fungsi)}` : '';
  const title = s.title ? `<h1>${esc(s.title)}</h1>` : '';
  // Subtitle lines under the title: the period and the office, in capitals.
  const sub = [
    s.periode ? `TAHUN ${s.periode.dari}-${s.periode.sampai}` : '',
    s.unitKerja ? esc(s.unitKerja.toUpperCase()) : '',
  ]
    .filter(Boolean)
    .map((t) => `<p class="sub">${t}</p>`)
    .join('');
  return `<section>${lampiran(s)}${title}${sub}${jab}${tf}${table(s)}${signatures(s)}</section>`;
}

export function html(gold: Gold, v: Variant): string {
  const family = v.font === 'serif' ? "'Liberation Serif', serif" : "'Liberation Sans', sans-serif";
  const border = v.borders ? '0.75pt solid #000' : 'none';
  const [w, h] = v.landscape ? [v.pageHeightMm, PAGE_WIDTH_MM] : [PAGE_WIDTH_MM, v.pageHeightMm];
  // Sideways variants print the landscape layout turned on a portrait sheet.
  const sheet = v.rotate || v.sideways ? [h, w] : [w, h];
  const turn =
    v.rotate || v.sideways
      ? `body { width: ${w - 30}mm; transform-origin: top left; transform: translate(0, ${w - 30}mm) rotate(-90deg); }`
      : '';
  const css = `
    @page { size: ${sheet[0]}mm ${sheet[1]}mm; margin: 15mm; }
    body { font-family: ${family}; font-size: 11pt; margin: 0; }
    ${turn}
    section { break-after: page; }
    section:last-child { break-after: auto; }
    h1 { font-size: 13pt; text-align: center; margin: 0 0 4pt; }
    p.sub { text-align: center; font-weight: bold; margin: 0 0 4pt; }
    .lampiran { margin-left: 55%; font-size: 10pt; margin-bottom: 8pt; }
    p { margin: 2pt 0; } ol { margin: 2pt 0 6pt; padding-left: 22pt; } p.dash { margin-left: 10pt; }
    table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-top: 8pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th, td { border: ${border}; padding: 3pt 4pt; vertical-align: top; text-align: left; }
    th { text-align: center; vertical-align: middle; font-weight: bold; }
    td.no, td.yr { text-align: center; }
    .sign { margin-top: 18pt; break-inside: avoid; }
    .date { text-align: right; margin-right: 20pt; }
    .sigs { display: flex; justify-content: space-between; }
    .sig { width: 45%; text-align: center; } .sig p.gap { height: 42pt; }`;
  const body = v.sections.map((i) => gold.sections[i]).filter((s): s is GoldSection => s !== undefined);
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body.map(section).join('')}</body></html>`;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    for (const v of VARIANTS) {
      const gold = JSON.parse(readFileSync(join(GOLD_DIR, `${v.seed}.json`), 'utf8')) as Gold;
      await page.setContent(html(gold, v), { waitUntil: 'load' });
      const out = join(OUT_DIR, `${v.seed}-${v.name}.pdf`);
      // Sizes come from the CSS @page rule (preferCSSPageSize), so landscape is set there.
      await page.pdf({
        path: out,
        preferCSSPageSize: true,
        printBackground: false,
        tagged: false,
        outline: false,
      });
      if (v.rotate || v.encrypt) {
        if (!existsSync(QPDF)) throw new Error(`${QPDF} is missing: apt-get install -y qpdf`);
        const tmp = `${out}.tmp`;
        const args = v.rotate
          ? ['--rotate=+90', out, tmp]
          : [
              '--encrypt',
              ENCRYPTED_FIXTURE_PASSWORD,
              ENCRYPTED_FIXTURE_PASSWORD + '-owner',
              '256',
              '--',
              out,
              tmp,
            ];
        execFileSync(QPDF, args);
        rmSync(out);
        renameSync(tmp, out);
      }
      console.log(`${basename(out)}  ${(statSync(out).size / 1024).toFixed(1)} KB`);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(join(OUT_DIR, 'README.md'), readme());
}

function readme(): string {
  return [
    '# Generated PDF fixtures',
    '',
    'Made by `npx tsx scripts/make-pdf-fixtures.ts` from `fixtures/gold/*.json` (chromium + qpdf).',
    'Do not edit by hand; regenerate instead.',
    '',
    '| file | what it exercises |',
    '| --- | --- |',
    ...VARIANTS.map(
      (v) =>
        `| ${v.seed}-${v.name}.pdf | sections ${v.sections.join(', ')}; ${v.font}; ${v.borders ? 'bordered' : 'borderless'} table; ` +
        `${v.landscape ? 'landscape' : 'portrait'}${v.rotate ? '; sideways content + /Rotate 90' : ''}` +
        `${v.sideways ? '; sideways content, no /Rotate' : ''}${v.encrypt ? `; AES-256, user password "${ENCRYPTED_FIXTURE_PASSWORD}"` : ''} |`,
    ),
    '',
  ].join('\n');
}

// Run as a script (not when another script imports html()).
if (process.argv[1]?.endsWith('make-pdf-fixtures.ts')) await main();
