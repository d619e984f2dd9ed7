/**
 * `iki` command line. Transport only: read files, call the extractor, print or write JSON,
 * report failures per file on stderr. Exit status 0 only when every file succeeded.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { describeError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../pipeline/version.js';

interface ExtractCliOptions {
  json?: boolean;
  out?: string;
  pretty?: boolean;
}

export async function runExtract(files: string[], opts: ExtractCliOptions): Promise<number> {
  if (!opts.out && files.length > 1 && opts.json) {
    process.stderr.write('iki extract: --json prints one document; use --out DIR for several files\n');
    return 2;
  }
  if (opts.out) mkdirSync(opts.out, { recursive: true });
  const { extractFile } = await import('../pipeline/extract-file.js');
  let failed = 0;
  for (const file of files) {
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a regular file');
      const bytes = readFileSync(file);
      const result = await extractFile(bytes, { fileName: basename(file) });
      const json = JSON.stringify(result, null, opts.pretty || !opts.out ? 2 : 0);
      if (opts.out) {
        const name = basename(file, extname(file));
        writeFileSync(join(opts.out, `${name}.json`), `${json}\n`);
      } else {
        process.stdout.write(`${json}\n`);
      }
    } catch (err) {
      failed++;
      const msg = describeError(err);
      process.stderr.write(`iki extract: ${msg.startsWith(basename(file)) ? msg : `${file}: ${msg}`}\n`);
    }
  }
  if (failed > 0 && files.length > 1)
    process.stderr.write(`iki extract: ${failed} of ${files.length} files failed\n`);
  return failed > 0 ? 1 : 0;
}

/**
 * @param only the sub-command about to run: `extract` is the everyday command and starts without
 *   loading the server, queue and store modules the other commands need; `worker` without the
 *   other commands and the extractor (its pool threads load that), so a long-running queue worker
 *   keeps ~70 MB less in its main thread.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command();
  program
    .name('iki')
    .description('Turn Indonesian IKI/IKU performance-indicator documents into reviewed, structured data.')
    .version(EXTRACTOR_VERSION)
    .showHelpAfterError();
  if (only === 'worker') {
    (await import('./commands/worker.js')).register(program);
    return program;
  }
  const { RULES } = await import('../flags/index.js');

  program
    .command('extract')
    .description('Extract every IKI/IKU form of each FILE as contract JSON (see README "Output contract").')
    .argument('<file...>', 'documents to read (text, markdown, tab export, PDF, image, docx)')
    .option('--json', 'print one document as JSON on stdout (the default for a single file)')
    .option('--out <dir>', 'write <dir>/<name>.json for each input', (v: string) => {
      if (!v.trim()) throw new InvalidArgumentError('needs a directory');
      return v;
    })
    .option('--pretty', 'indent the JSON written with --out')
    .addHelpText(
      'after',
      `
Exit status: 0 when every file succeeded; 1 when any failed (one line per failed file on
stderr: "file: reason"; the other files are still processed); 2 on bad usage.

Examples:
  iki extract lampiran.txt --json
  iki extract archive/*.pdf --out results/ --pretty

Flag codes reported in the output:
${RULES.map((r) => `  ${r.code.padEnd(28)} ${r.description}`).join('\n')}`,
    )
    .action(async (files: string[], opts: ExtractCliOptions) => {
      process.exitCode = await runExtract(files, opts);
    });
  if (only !== 'extract') {
    const { registerCommands } = await import('./commands/index.js');
    registerCommands(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv[2]);
  await program.parseAsync(argv);
}
