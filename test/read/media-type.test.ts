import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LEGACY_DOC_MESSAGE,
  looksLikeMarkdown,
  sniffMediaType,
  sniffMediaTypeDetailed,
  unsupportedReason,
  zipEntryNames,
} from '../../src/read/media-type.js';
import { makeZip } from './helpers/zip-writer.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const PDF = new Uint8Array(readFileSync('fixtures/pdf/000_7b2aa8f5eb30b1d2-bordered.pdf'));

describe('sniffMediaType', () => {
  it('trusts the bytes over a lying extension', () => {
    expect(sniffMediaType(PDF, 'laporan.txt')).toEqual({ kind: 'pdf', mediaType: 'application/pdf' });
    expect(sniffMediaType(bytes('Jabatan : Camat\n'), 'form.pdf').kind).toBe('text');
  });

  it('finds %PDF- after leading junk', () => {
    const junk = new Uint8Array([...bytes('\r\n\r\n'), ...PDF.subarray(0, 200)]);
    expect(sniffMediaType(junk, 'x').kind).toBe('pdf');
  });

  it('reads UTF-16 text with a BOM (and without) as text', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('## IKI\n| a | b |\n|---|---|\n', 'utf16le')]);
    expect(sniffMediaType(le, 'a.txt')).toEqual({ kind: 'markdown', mediaType: 'text/markdown' });
    const be = Buffer.from('Jabatan : Lurah\n', 'utf16le').swap16();
    expect(sniffMediaType(new Uint8Array([0xfe, 0xff, ...be]), 'a.txt').kind).toBe('text');
    expect(
      sniffMediaType(new Uint8Array(Buffer.from('Jabatan : Lurah\nTugas : -\n', 'utf16le')), 'a').kind,
    ).toBe('text');
  });

  it('refuses a zero-byte file', () => {
    const r = sniffMediaType(new Uint8Array(0), 'empty.pdf');
    expect(r).toEqual({ kind: 'unknown', mediaType: 'application/x-empty' });
    expect(unsupportedReason(r)).toMatch(/empty file/);
  });

  it('calls a binary named .txt binary', () => {
    const bin = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(sniffMediaType(bin, 'notes.txt')).toEqual({
      kind: 'unknown',
      mediaType: 'application/octet-stream',
    });
  });

  it('recognises a legacy Word .doc by its OLE signature and WordDocument stream', () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(Buffer.from('WordDocument', 'utf16le'), 1024);
    const r = sniffMediaType(doc, 'iki.docx');
    expect(r).toEqual({ kind: 'doc', mediaType: 'application/msword' });
    expect(unsupportedReason(r)).toBe(LEGACY_DOC_MESSAGE);
    expect(LEGACY_DOC_MESSAGE).toContain('libreoffice --headless --convert-to docx');
  });

  it('tells a .docx from another zip', () => {
    const docx = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(sniffMediaType(docx, 'a.zip').kind).toBe('docx');
    const other = makeZip({ 'readme.txt': 'hello' });
    expect(sniffMediaType(other, 'a.docx')).toEqual({ kind: 'zip', mediaType: 'application/zip' });
    expect(unsupportedReason(sniffMediaType(other, 'a.docx'))).toMatch(/zip archive/);
    const xlsx = makeZip({ 'xl/workbook.xml': '<workbook/>' });
    expect(sniffMediaType(xlsx, 'a.docx').mediaType).toContain('spreadsheetml');
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it('recognises images', () => {
    expect(
      sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a').mediaType,
    ).toBe('image/png');
    expect(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a').mediaType).toBe('image/jpeg');
    expect(sniffMediaType(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 1]), 'a').mediaType).toBe('image/tiff');
  });

  it('tells markdown from plain text by content', () => {
    expect(looksLikeMarkdown('| NO | SASARAN |\n|----|---|\n| 1. | x |')).toBe(true);
    expect(looksLikeMarkdown('## INDIKATOR KINERJA INDIVIDU\n')).toBe(true);
    expect(looksLikeMarkdown('INDIKATOR KINERJA\nJabatan : Camat\n1. Tugas')).toBe(false);
    expect(looksLikeMarkdown('#hashtag not a heading')).toBe(false);
  });

  it('agrees with the gold media types of the seeds', () => {
    for (const id of [
      '000_7b2aa8f5eb30b1d2',
      '001_5e37c471fde3e7ca',
      '002_b8c477cb9f4f63a8',
      '004_a55da81a764d711e',
    ]) {
      const gold = JSON.parse(readFileSync(`fixtures/gold/${id}.json`, 'utf8')) as {
        source: { mediaType: string };
      };
      const seed = new Uint8Array(readFileSync(`fixtures/seeds/${id}.txt`));
      expect(sniffMediaType(seed, `${id}.txt`).mediaType, id).toBe(gold.source.mediaType);
    }
  });

  it('names an unsupported binary through file-type', async () => {
    const gz = new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0]);
    expect((await sniffMediaTypeDetailed(gz, 'x.txt')).mediaType).toBe('application/gzip');
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
        const r = sniffMediaType(b, 'f');
        expect(typeof r.mediaType).toBe('string');
      }),
    );
  });
});
