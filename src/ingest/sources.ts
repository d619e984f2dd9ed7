/**
 * The files an ingest reads: given files, folders (their files; with `recursive`, their sub-folders
 * too) and zip archives (every member). One file is read at a time, in a stable (sorted) order.
 * Hidden files and archivers' metadata are skipped; a file or archive that cannot be read becomes
 * a problem entry, so it is reported with the others instead of stopping the batch.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import { describeError } from '../errors.js';
import type { ZipLimits } from './zip.js';
import { DEFAULT_ZIP_LIMITS, isJunkPath, readZip } from './zip.js';

/** A file read: `display` is where it came from (`archive.zip!/folder/file.pdf` for members). */
export interface SourceFile {
  kind: 'file';
  display: string;
  fileName: string;
  bytes: Buffer;
}

export interface SourceProblem {
  kind: 'problem';
  display: string;
  reason: string;
}

export type Source = SourceFile | SourceProblem;

export interface WalkOptions {
  /** Descend into sub-folders. @defaultValue false */
  recursive?: boolean;
  zipLimits?: ZipLimits;
}

/** Files read as archives: by name, because a .docx is a zip too. */
export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name);
}

export async function* walkSources(paths: readonly string[], opts: WalkOptions = {}): AsyncGenerator<Source> {
  const visited = new Set<string>();
  for (const path of paths) yield* walkPath(path, path, opts, visited, true);
}

async function* walkPath(
  path: string,
  display: string,
  opts: WalkOptions,
  visited: Set<string>,
  given: boolean,
): AsyncGenerator<Source> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { kind: 'problem', display, reason: describeError(err) };
    return;
  }
  if (info.isDirectory()) {
    if (!given && !opts.recursive) return;
    // A folder reached twice (a symlink loop) is read once.
    const real = await realpath(path);
    if (visited.has(real)) return;
    visited.add(real);
    const names = (await readdir(path)).filter((n) => !isJunkPath(n)).sort();
    for (const name of names) yield* walkPath(join(path, name), join(display, name), opts, visited, false);
    return;
  }
  if (!info.isFile()) {
    if (given) yield { kind: 'problem', display, reason: 'not a regular file or folder' };
    return;
  }
  if (isArchiveName(path)) {
    try {
      for await (const member of readZip(path, display, opts.zipLimits ?? DEFAULT_ZIP_LIMITS)) {
        const memberDisplay = `${display}!/${member.path}`;
        if ('reason' in member) yield { kind: 'problem', display: memberDisplay, reason: member.reason };
        else
          yield {
            kind: 'file',
            display: memberDisplay,
            fileName: posix.basename(member.path),
            bytes: member.bytes,
          };
      }
    } catch (err) {
      yield { kind: 'problem', display, reason: describeError(err).replace(`${display}: `, '') };
    }
    return;
  }
  try {
    yield { kind: 'file', display, fileName: basename(path), bytes: await readFile(path) };
  } catch (err) {
    yield { kind: 'problem', display, reason: describeError(err) };
  }
}
