/**
 * The seeds' gold forms as offices really produce them: written in a word processor, saved as
 * .docx, exported to PDF. The forms are laid out as in make-pdf-fixtures.ts (the same HTML),
 * imported into LibreOffice Writer, saved as .docx and exported to PDF by LibreOffice itself,
 * so the PDFs carry Writer's own text layout: tables with cells vertically centred or at the
 * top, rows that break across pages, borderless tables.
 *
 *   npx tsx scripts/make-office-fixtures.ts   # writes fixtures/office/<seed>-<variant>.{docx,pdf,gold.json}
 *
 * Needs LibreOffice (`apt-get install -y --no-install-recommends libreoffice-writer`); the
 * generated files are committed, so tests never need it.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Gold } from './make-pdf-fixtures.js';
import { html } from './make-pdf-fixtures.js';

const SOFFICE = '/usr/bin/soffice';
const OUT_DIR = 'fixtures/office';

interface OfficeVariant {
  name: string;
  seed: string;
  sections: number[];
  borders: boolean;
  /** Vertical alignment of the table cells. */
  valign: 'top' | 'middle';
  font: 'serif' | 'sans';
  /** Table text size: a form with five target years fits the portrait page only in small type. */
  fontPt: number;
}

export const OFFICE_VARIANTS: OfficeVariant[] = [
  {
    name: 'writer-top',
    seed: '000_7b2aa8f5eb30b1d2',
    sections: [0, 1],
    borders: true,
    valign: 'top',
    font: 'serif',
    fontPt: 9,
  },
  {
    name: 'writer-middle',
    seed: '002_b8c477cb9f4f63a8',
    sections: [0, 1],
    borders: true,
    valign: 'middle',
    font: 'sans',
    fontPt: 7,
  },
  {
    name: 'writer-split',
    seed: '004_a55da81a764d711e',
    sections: [7],
    borders: true,
    valign: 'top',
    font: 'serif',
    fontPt: 9,
  },
  {
    name: 'writer-borderless',
    seed: '001_5e37c471fde3e7ca',
    sections: [1, 2],
    borders: false,
    valign: 'middle',
    font: 'sans',
    fontPt: 9,
  },
  {
    name: 'writer-borderless-years',
    seed: '002_b8c477cb9f4f63a8',
    sections: [0, 1],
    borders: false,
    valign: 'middle',
    font: 'sans',
    fontPt: 7,
  },
  {
    name: 'writer-borderless-split',
    seed: '004_a55da81a764d711e',
    sections: [7],
    borders: false,
    valign: 'middle',
    font: 'serif',
    fontPt: 9,
  },
  {
    name: 'writer-borderless-top',
    seed: '000_7b2aa8f5eb30b1d2',
    sections: [0, 1],
    borders: false,
    valign: 'top',
    font: 'serif',
    fontPt: 9,
  },
];

/** Writer's HTML import reads table borders and alignment from attributes, not from CSS. */
function forWriter(page: string, v: OfficeVariant): string {
  const border = v.borders ? '1' : '0';
  return page
    .replace(/<table>/g, `<table border="${border}" cellspacing="0" cellpadding="4" width="100%">`)
    .replace(/<td/g, `<td valign="${v.valign}" style="font-size:${v.fontPt}pt"`)
    .replace(/<th/g, `<th style="font-size:${v.fontPt}pt"`);
}

function soffice(args: string[], cwd: string): void {
  execFileSync(SOFFICE, ['--headless', ...args], { cwd, stdio: 'pipe', timeout: 120_000 });
}

function main(): void {
  if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: apt-get install -y libreoffice-writer`);
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'iki-office-'));
  for (const v of OFFICE_VARIANTS) {
    const gold = JSON.parse(readFileSync(join('fixtures/gold', `${v.seed}.json`), 'utf8')) as Gold & {
      flags: unknown[];
    };
    const base = `${v.seed}-${v.name}`;
    const page = html(gold, {
      name: v.name,
      seed: v.seed,
      sections: v.sections,
      font: v.font,
      borders: v.borders,
      landscape: false,
      pageHeightMm: 297,
    });
    writeFileSync(join(work, `${base}.html`), forWriter(page, v));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', `${base}.html`], work);
    soffice(['--convert-to', 'pdf', `${base}.docx`], work);
    for (const ext of ['docx', 'pdf'])
      copyFileSync(join(work, `${base}.${ext}`), join(OUT_DIR, `${base}.${ext}`));
    const subset = { ...gold, sections: v.sections.map((i) => gold.sections[i]), flags: [] };
    writeFileSync(join(OUT_DIR, `${base}.gold.json`), `${JSON.stringify(subset, null, 2)}\n`);
    const kb = (ext: string) => (statSync(join(OUT_DIR, `${base}.${ext}`)).size / 1024).toFixed(1);
    console.log(`${base}.docx ${kb('docx')} KB, .pdf ${kb('pdf')} KB`);
  }
}

main();
