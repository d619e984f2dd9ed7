/** `iki export`: the latest (corrected) results as CSV, XLSX or JSON, to a file or stdout. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { defaultDataDir } from '../../api/submit.js';
import { describeError } from '../../errors.js';
import { EXPORT_FORMATS, type ExportFormat, collectResults, exportRows } from '../../export/index.js';
import { type Store, getDocumentBySha256, openStore } from '../../store/repository.js';

export interface ExportCliOptions {
  format: ExportFormat;
  document?: string;
  unitKerja?: string;
  out?: string;
}

const SHA256 = /^[0-9a-f]{64}$/i;

/** The export's bytes and how many documents it holds. A document may be named by id or sha256. */
export async function runExport(
  store: Store,
  opts: ExportCliOptions,
): Promise<{ bytes: Buffer; documents: number }> {
  let documentId = opts.document;
  if (documentId !== undefined && SHA256.test(documentId)) {
    documentId = (await getDocumentBySha256(store, documentId))?.id ?? documentId;
  }
  const results = await collectResults(store, {
    ...(documentId !== undefined ? { documentId } : {}),
    ...(opts.unitKerja !== undefined ? { unitKerja: opts.unitKerja } : {}),
  });
  return { bytes: await exportRows(results, opts.format), documents: results.length };
}

export function register(program: Command): void {
  program
    .command('export')
    .description(
      "Export the latest results (reviewers' corrections applied): one document, one unit kerja, or all.",
    )
    .addOption(
      new Option('--format <format>', 'csv | xlsx | json').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .option('--document <id>', 'only this document (its id or sha256)')
    .option('--unit-kerja <name>', 'only documents of this unit kerja (case-insensitive)')
    .option('--out <file>', 'write here instead of stdout', (v: string) => {
      if (!v.trim()) throw new InvalidArgumentError('needs a file name');
      return v;
    })
    .addHelpText(
      'after',
      `
CSV has one row per indikator with its section's fields (UTF-8 with BOM, RFC 4180); XLSX has
the sheets Indikator, Flags and Penandatangan; JSON is an array of contract files.
The store is DATABASE_URL, or PGlite under IKI_DATA_DIR/pglite (default .data/pglite).

Examples:
  iki export --format xlsx --out arsip.xlsx
  iki export --format csv --unit-kerja "Kecamatan Belawang" > belawang.csv`,
    )
    .action(async (opts: ExportCliOptions) => {
      if (opts.format === 'xlsx' && !opts.out && process.stdout.isTTY) {
        process.stderr.write('iki export: XLSX is binary; use --out FILE or redirect stdout\n');
        process.exitCode = 2;
        return;
      }
      let store: Store | undefined;
      try {
        store = await openStore({ dataDir: join(defaultDataDir(), 'pglite') });
        const { bytes, documents } = await runExport(store, opts);
        if (opts.out) {
          writeFileSync(opts.out, bytes);
          process.stderr.write(`iki export: ${documents} document(s) written to ${opts.out}\n`);
        } else {
          process.stdout.write(bytes);
        }
      } catch (err) {
        process.stderr.write(`iki export: ${describeError(err)}\n`);
        process.exitCode = 1;
      } finally {
        await store?.close();
      }
    });
}
