/**
 * A large synthetic document for the timing test: 10 forms × 30 indicator rows on 40 A4 pages.
 * The PDF is printed by chromium from absolutely positioned HTML, so every row's bbox in the
 * contract result is exactly where its text is on the page (PDF points, top-left origin).
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { ExtractedFile, Flag, IndikatorRow, Section } from '../../src/contract/schema.js';

export const FORMS = 10;
export const ROWS_PER_FORM = 30;
export const PAGES_PER_FORM = 4;
const ROWS_PER_PAGE = 8;
const PAGE_W = 595;
const PAGE_H = 842;
const ROW_TOP = 120;
const ROW_STEP = 88;
const ROW_H = 80;
const YEARS = ['2020', '2021', '2022', '2023', '2024'];

interface Placed {
  form: number;
  row: number;
  page: number;
  bbox: [number, number, number, number];
}

function place(form: number, row: number): Placed {
  const onPage = Math.floor(row / ROWS_PER_PAGE);
  const k = row % ROWS_PER_PAGE;
  const y0 = ROW_TOP + k * ROW_STEP;
  return { form, row, page: form * PAGES_PER_FORM + onPage + 1, bbox: [40, y0, PAGE_W - 40, y0 + ROW_H] };
}

const sasaran = (f: number, r: number) =>
  `Meningkatnya kualitas layanan bidang ${f + 1} urusan ${Math.floor(r / 3) + 1}`;
const indikator = (f: number, r: number) =>
  `${r % 11 === 5 ? 'Prosentase' : 'Persentase'} layanan ${f + 1}.${r + 1} yang diselesaikan tepat waktu`;
const formulasi = (f: number, r: number) =>
  `Jumlah layanan ${f + 1}.${r + 1} yang selesai tepat waktu dibagi jumlah layanan yang diterima dikali 100%`;

export function syntheticResult(sha256: string, edits: { formulasi00?: string } = {}): ExtractedFile {
  const sections: Section[] = [];
  for (let f = 0; f < FORMS; f++) {
    const rows: IndikatorRow[] = [];
    const flags: Flag[] = [];
    for (let r = 0; r < ROWS_PER_FORM; r++) {
      const p = place(f, r);
      const over = r % 7 === 3;
      rows.push({
        no: String(r + 1),
        sasaran: sasaran(f, r),
        indikator: indikator(f, r),
        formulasi: f === 0 && r === 0 && edits.formulasi00 ? edits.formulasi00 : formulasi(f, r),
        penjelasan: [],
        formula: {
          kind: 'ratio',
          numerator: `jumlah layanan ${f + 1}.${r + 1} yang selesai tepat waktu`,
          denominator: 'jumlah layanan yang diterima',
          scale: 100,
          unit: '%',
          expression: '(A / B) × 100%',
        },
        target: Object.fromEntries(YEARS.map((y, i) => [y, over && i === 2 ? 120 : 80 + i * 2])),
        satuan: '%',
        penanggungJawab: `Kepala Bidang ${f + 1}`,
        sumberData: ['Laporan bulanan', 'Aplikasi layanan'],
        provenance: { page: p.page, bbox: p.bbox },
      });
      if (over) {
        flags.push({
          code: 'TARGET_EXCEEDS_100_PERCENT',
          severity: 'error',
          path: `indikator[${r}].target.2022`,
          message: 'The target 120 is a percentage above 100.',
          suggestion: 'Check the printed target.',
        });
      }
      if (r % 11 === 5) {
        flags.push({
          code: 'SPELLING_VARIANT',
          severity: 'info',
          path: `indikator[${r}].indikator`,
          message: '"Prosentase" in indikator is a misspelling of "Persentase" (non-standard spelling).',
          suggestion: 'Persentase',
        });
      }
    }
    sections.push({
      title: 'INDIKATOR KINERJA INDIVIDU',
      kind: 'IKI',
      jabatan: `Kepala Bidang ${f + 1}`,
      unitKerja: 'Dinas Contoh',
      lampiran: null,
      periode: { dari: 2020, sampai: 2024 },
      tugas: ['Menyusun rencana kerja bidang', 'Melaksanakan pelayanan sesuai ketentuan'],
      fungsi: ['Perencanaan', 'Pelaksanaan'],
      indikator: rows,
      penandatangan: [
        { nama: `PEJABAT ${f + 1}`, nip: '197410181994031003', jabatan: `KEPALA BIDANG ${f + 1}` },
      ],
      tempat: 'Kota Contoh',
      tanggal: '2020-01-02',
      flags,
    });
  }
  return {
    schemaVersion: 1,
    source: {
      file: 'sintetis-40-halaman.pdf',
      sha256,
      mediaType: 'application/pdf',
      pages: 40,
      extraction: 'pdf-text',
    },
    sections,
    flags: [],
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The 40-page PDF the synthetic result describes. */
export async function syntheticPdf(browser: Browser): Promise<{ bytes: Buffer; sha256: string }> {
  const pages: string[] = [];
  for (let f = 0; f < FORMS; f++) {
    for (let pg = 0; pg < PAGES_PER_FORM; pg++) {
      const rows: string[] = [];
      for (let r = pg * ROWS_PER_PAGE; r < Math.min(ROWS_PER_FORM, (pg + 1) * ROWS_PER_PAGE); r++) {
        const [x0, y0, x1, y1] = place(f, r).bbox;
        rows.push(
          `<div class="row" style="left:${x0}pt;top:${y0}pt;width:${x1 - x0}pt;height:${y1 - y0}pt">` +
            `<b>${r + 1}.</b> ${esc(sasaran(f, r))}<br><i>${esc(indikator(f, r))}</i><br>${esc(formulasi(f, r))}</div>`,
        );
      }
      const head =
        pg === 0 ? `<h1>INDIKATOR KINERJA INDIVIDU</h1><p>Jabatan : Kepala Bidang ${f + 1}</p>` : '';
      pages.push(
        `<section class="page">${head}${rows.join('')}<footer>${f * PAGES_PER_FORM + pg + 1}</footer></section>`,
      );
    }
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: ${PAGE_W}pt ${PAGE_H}pt; margin: 0 }
    body { margin: 0; font: 9pt serif }
    .page { position: relative; width: ${PAGE_W}pt; height: ${PAGE_H}pt; page-break-after: always; overflow: hidden }
    h1 { position: absolute; left: 40pt; top: 30pt; margin: 0; font-size: 14pt }
    p { position: absolute; left: 40pt; top: 60pt; margin: 0 }
    .row { position: absolute; border: 0.5pt solid #444; padding: 4pt; box-sizing: border-box }
    footer { position: absolute; bottom: 20pt; right: 40pt }
  </style></head><body>${pages.join('')}</body></html>`;
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  } finally {
    await page.close();
  }
}
