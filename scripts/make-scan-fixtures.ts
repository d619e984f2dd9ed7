/**
 * Makes scanned-looking fixtures from the text-layer PDFs in fixtures/pdf/ (which
 * scripts/make-pdf-fixtures.ts made from the gold files): each page is rendered, turned by about
 * a degree (a crooked feed), given scanner noise and saved as a JPEG photo, a bilevel PNG, a
 * multi-page bilevel TIFF (deflate), an image-only PDF, and a PDF mixing a text page with a
 * scanned one. The noise is seeded, so reruns give the same files.
 *
 *   npx tsx scripts/make-scan-fixtures.ts        # writes fixtures/scans/<seed-id>-<variant>.<ext>
 *
 * Needs /usr/bin/qpdf (apt-get install -y qpdf) for the mixed PDF only. The generated files are
 * committed (each < 300 KB, < 2 MB together), so tests need neither this script nor qpdf.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import type { Canvas } from '@napi-rs/canvas';
import { canvasToGray, grayToCanvas } from '../src/read/image/gray.js';
import type { GrayImage } from '../src/read/image/gray.js';
import { openPdf } from '../src/read/pdf/pdfjs.js';

const PDF_DIR = 'fixtures/pdf';
const OUT_DIR = 'fixtures/scans';
const QPDF = '/usr/bin/qpdf';
/** Committed fixtures must stay under this size each. */
const MAX_FIXTURE_BYTES = 300 * 1024;

type Kind = 'jpeg' | 'png' | 'tiff' | 'pdf' | 'mixed-pdf';

interface Variant {
  /** Output name: <seed-id>-<name>.<ext>. */
  name: string;
  source: string;
  /** 1-based pages of the source PDF to scan (mixed-pdf: the pages replaced by scans). */
  pages: number[];
  kind: Kind;
  dpi: number;
  /** Rotation in degrees (positive: clockwise, lines descend to the right). */
  skew: number;
  /** Standard deviation of the grey noise, grey levels. */
  noise: number;
  /** JPEG quality 0–100 (jpeg and pdf kinds). */
  quality?: number;
  what: string;
}

const VARIANTS: Variant[] = [
  {
    name: 'photo',
    source: '002_b8c477cb9f4f63a8-rotated',
    pages: [1],
    kind: 'jpeg',
    dpi: 200,
    skew: 1.2,
    noise: 3,
    quality: 40,
    what: 'JPEG, 200 dpi, turned 1.2°, noise',
  },
  {
    name: 'scan',
    source: '002_b8c477cb9f4f63a8-rotated',
    pages: [1],
    kind: 'png',
    dpi: 200,
    skew: -0.8,
    noise: 14,
    what: 'bilevel PNG, 200 dpi, turned −0.8°, noise',
  },
  {
    name: 'fax',
    source: '001_5e37c471fde3e7ca-borderless',
    pages: [1, 2],
    kind: 'tiff',
    dpi: 200,
    skew: 0.6,
    noise: 12,
    what: 'two-page bilevel TIFF (deflate), 200 dpi, turned 0.6°',
  },
  {
    name: 'scan',
    source: '004_a55da81a764d711e-longtable',
    pages: [1, 2],
    kind: 'pdf',
    dpi: 150,
    skew: -1,
    noise: 3,
    quality: 40,
    what: 'image-only PDF of JPEG pages, 150 dpi, turned −1°',
  },
  {
    name: 'mixed',
    source: '000_7b2aa8f5eb30b1d2-bordered',
    pages: [2],
    kind: 'mixed-pdf',
    dpi: 150,
    skew: 0.7,
    noise: 3,
    quality: 40,
    what: 'the text-layer PDF with page 2 replaced by a JPEG scan of it (150 dpi, turned 0.7°)',
  },
];

/** mulberry32: a small seeded PRNG, so the noise is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function renderPage(pdf: Uint8Array, page: number, dpi: number): Promise<Canvas> {
  const opened = await openPdf(pdf, 'fixture.pdf');
  try {
    const p = await opened.doc.getPage(page);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    type RenderCanvas = Parameters<typeof p.render>[0]['canvas'];
    await p.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
    p.cleanup();
    return canvas;
  } finally {
    await opened.close();
  }
}

/** Turned by `deg` about the centre on white, then grey noise and a few specks. */
function scanLook(page: Canvas, deg: number, noise: number, seed: number): GrayImage {
  const turned = createCanvas(page.width, page.height);
  const ctx = turned.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, page.width, page.height);
  ctx.translate(page.width / 2, page.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(page, -page.width / 2, -page.height / 2);
  const img = canvasToGray(turned);
  const rand = prng(seed);
  const d = img.data;
  for (let i = 0; i < d.length; i++) {
    // Sum of three uniforms: close enough to Gaussian for scanner grain.
    const n = (rand() + rand() + rand() - 1.5) * 2 * noise;
    // Paper is not pure white; ink not pure black.
    const base = 18 + (d[i]! * (236 - 18)) / 255;
    d[i] = Math.max(0, Math.min(255, Math.round(base + n)));
  }
  const specks = Math.round((img.width * img.height) / 40000);
  for (let s = 0; s < specks; s++) {
    const x = Math.floor(rand() * (img.width - 2));
    const y = Math.floor(rand() * (img.height - 2));
    d[y * img.width + x] = 40;
    d[y * img.width + x + 1] = 60;
  }
  return img;
}

function threshold(img: GrayImage, t = 140): GrayImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i]! < t ? 0 : 255;
  return { ...img, data };
}

/** Rows of 1-bit pixels, MSB first, 1 = black (BlackIsZero = 0 → use WhiteIsZero photometric). */
function packBits1(img: GrayImage): Uint8Array {
  const rowBytes = Math.ceil(img.width / 8);
  const out = new Uint8Array(rowBytes * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! < 128) out[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** A little-endian multi-page TIFF: 1-bit WhiteIsZero, one deflate strip per page. */
function encodeTiff(pages: GrayImage[], dpi: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const header = new Uint8Array(8);
  const hv = new DataView(header.buffer);
  header.set([0x49, 0x49, 42, 0]);
  hv.setUint32(4, 8, true);
  chunks.push(header);
  const strips = pages.map((p) => deflateSync(packBits1(p)));
  const ifdSize = (n: number) => 2 + n * 12 + 4;
  const ENTRIES = 12;
  // Layout: header, then per page [IFD][2 rationals][strip].
  let offset = header.length;
  const ifdOffsets: number[] = [];
  for (let i = 0; i < pages.length; i++) {
    ifdOffsets.push(offset);
    offset += ifdSize(ENTRIES) + 16 + strips[i]!.length;
    offset += offset & 1;
  }
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const ifdAt = ifdOffsets[i]!;
    const ratAt = ifdAt + ifdSize(ENTRIES);
    const stripAt = ratAt + 16;
    const buf = new Uint8Array(ifdSize(ENTRIES) + 16);
    const v = new DataView(buf.buffer);
    v.setUint16(0, ENTRIES, true);
    const entries: [number, number, number, number][] = [
      [254, 4, 1, 2], // NewSubfileType: page of a multi-page document
      [256, 4, 1, p.width],
      [257, 4, 1, p.height],
      [258, 3, 1, 1],
      [259, 3, 1, 8], // Adobe deflate
      [262, 3, 1, 0], // WhiteIsZero
      [273, 4, 1, stripAt],
      [277, 3, 1, 1],
      [278, 4, 1, p.height],
      [279, 4, 1, strips[i]!.length],
      [282, 5, 1, ratAt],
      [283, 5, 1, ratAt + 8],
    ];
    entries.forEach(([tag, type, count, value], k) => {
      const o = 2 + k * 12;
      v.setUint16(o, tag, true);
      v.setUint16(o + 2, type, true);
      v.setUint32(o + 4, count, true);
      if (type === 3) v.setUint16(o + 8, value, true);
      else v.setUint32(o + 8, value, true);
    });
    const next = i + 1 < pages.length ? ifdOffsets[i + 1]! : 0;
    v.setUint32(2 + ENTRIES * 12, next, true);
    v.setUint32(ifdSize(ENTRIES), dpi, true);
    v.setUint32(ifdSize(ENTRIES) + 4, 1, true);
    v.setUint32(ifdSize(ENTRIES) + 8, dpi, true);
    v.setUint32(ifdSize(ENTRIES) + 12, 1, true);
    chunks.push(buf, strips[i]!);
    // Word alignment, as the offsets above assumed.
    if ((ifdAt + buf.length + strips[i]!.length) & 1) chunks.push(new Uint8Array(1));
  }
  return Buffer.concat(chunks);
}

/** Number of colour components of a baseline JPEG (from its SOF marker). */
function jpegComponents(jpeg: Uint8Array): number {
  for (let o = 2; o + 9 < jpeg.length;) {
    const m = jpeg[o + 1]!;
    const len = (jpeg[o + 2]! << 8) | jpeg[o + 3]!;
    if (m >= 0xc0 && m <= 0xc2) return jpeg[o + 9]!;
    o += 2 + len;
  }
  return 3;
}

/** An image-only PDF: one JPEG (DCTDecode) per page, page size from the image and its dpi. */
function imagePdf(jpegs: { data: Uint8Array; width: number; height: number }[], dpi: number): Uint8Array {
  const parts: (string | Uint8Array)[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (p: string | Uint8Array) => {
    parts.push(p);
    length += typeof p === 'string' ? Buffer.byteLength(p, 'latin1') : p.length;
  };
  const obj = (n: number, body: () => void) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    body();
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const n = jpegs.length;
  const pageObj = (i: number) => 3 + i * 3;
  obj(1, () => push('<< /Type /Catalog /Pages 2 0 R >>'));
  obj(2, () =>
    push(`<< /Type /Pages /Count ${n} /Kids [${jpegs.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] >>`),
  );
  jpegs.forEach((j, i) => {
    const w = ((j.width * 72) / dpi).toFixed(2);
    const h = ((j.height * 72) / dpi).toFixed(2);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    obj(pageObj(i), () =>
      push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] ` +
          `/Resources << /XObject << /Im0 ${pageObj(i) + 2} 0 R >> >> /Contents ${pageObj(i) + 1} 0 R >>`,
      ),
    );
    obj(pageObj(i) + 1, () => push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));
    obj(pageObj(i) + 2, () => {
      const cs = jpegComponents(j.data) === 1 ? '/DeviceGray' : '/DeviceRGB';
      push(
        `<< /Type /XObject /Subtype /Image /Width ${j.width} /Height ${j.height} /ColorSpace ${cs} ` +
          `/BitsPerComponent 8 /Filter /DCTDecode /Length ${j.data.length} >>\nstream\n`,
      );
      push(j.data);
      push('\nendstream');
    });
  });
  const xref = length;
  const count = 3 + n * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let i = 1; i < count; i++) push(`${String(offsets[i]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

/** <seed-id>-<pdf variant>: the eval reads the PDF variant's sidecar gold for the scan. */
function baseName(v: Variant): string {
  return `${v.source}-${v.name}`;
}

async function scannedPages(v: Variant): Promise<GrayImage[]> {
  const pdf = new Uint8Array(readFileSync(join(PDF_DIR, `${v.source}.pdf`)));
  const out: GrayImage[] = [];
  for (const [k, p] of v.pages.entries()) {
    const page = await renderPage(pdf, p, v.dpi);
    out.push(scanLook(page, v.skew, v.noise, 1000 * p + k + v.name.length));
  }
  return out;
}

async function makeVariant(v: Variant): Promise<string> {
  const out = join(
    OUT_DIR,
    `${baseName(v)}.${v.kind === 'jpeg' ? 'jpg' : v.kind === 'mixed-pdf' ? 'pdf' : v.kind}`,
  );
  if (v.kind === 'mixed-pdf') {
    if (!existsSync(QPDF)) throw new Error(`${QPDF} is missing: apt-get install -y qpdf`);
    const sourcePdf = join(PDF_DIR, `${v.source}.pdf`);
    const count = Number(execFileSync(QPDF, ['--show-npages', sourcePdf], { encoding: 'utf8' }).trim());
    const tmp = mkdtempSync(join(tmpdir(), 'iki-scan-'));
    try {
      const args = ['--empty', '--pages'];
      const scans = await scannedPages(v);
      for (let p = 1; p <= count; p++) {
        const k = v.pages.indexOf(p);
        if (k < 0) {
          args.push(sourcePdf, String(p));
          continue;
        }
        const scan = scans[k]!;
        const scanPdf = join(tmp, `scan-${p}.pdf`);
        const jpeg = await grayToCanvas(scan).encode('jpeg', v.quality ?? 50);
        writeFileSync(scanPdf, imagePdf([{ data: jpeg, width: scan.width, height: scan.height }], v.dpi));
        args.push(scanPdf, '1');
      }
      execFileSync(QPDF, ['--deterministic-id', ...args, '--', out]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return out;
  }
  const pages = await scannedPages(v);
  if (v.kind === 'jpeg') {
    writeFileSync(out, await grayToCanvas(pages[0]!).encode('jpeg', v.quality ?? 60));
  } else if (v.kind === 'png') {
    writeFileSync(out, await grayToCanvas(threshold(pages[0]!)).encode('png'));
  } else if (v.kind === 'tiff') {
    writeFileSync(
      out,
      encodeTiff(
        pages.map((p) => threshold(p)),
        v.dpi,
      ),
    );
  } else {
    const jpegs = [];
    for (const p of pages)
      jpegs.push({
        data: await grayToCanvas(p).encode('jpeg', v.quality ?? 50),
        width: p.width,
        height: p.height,
      });
    writeFileSync(out, imagePdf(jpegs, v.dpi));
  }
  return out;
}

function readme(): string {
  const rows = VARIANTS.map((v) => {
    const ext = v.kind === 'jpeg' ? 'jpg' : v.kind === 'mixed-pdf' ? 'pdf' : v.kind;
    return `| ${baseName(v)}.${ext} | ${v.source}.pdf pages ${v.pages.join(', ')}: ${v.what} |`;
  });
  return [
    '# Generated scan fixtures',
    '',
    'Made by `npx tsx scripts/make-scan-fixtures.ts` from `fixtures/pdf/*.pdf` (pdfjs-dist render,',
    'seeded noise; qpdf for the mixed PDF). Do not edit by hand; regenerate instead.',
    '',
    '| file | made from |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

mkdirSync(OUT_DIR, { recursive: true });
let total = 0;
for (const v of VARIANTS) {
  const out = await makeVariant(v);
  const size = statSync(out).size;
  total += size;
  process.stdout.write(`${out}  ${(size / 1024).toFixed(0)} KB\n`);
  if (size > MAX_FIXTURE_BYTES)
    process.stderr.write(`warning: ${out} is over ${MAX_FIXTURE_BYTES / 1024} KB\n`);
}
writeFileSync(join(OUT_DIR, 'README.md'), readme());
process.stdout.write(`total ${(total / 1024).toFixed(0)} KB\n`);
