/**
 * Turns the command-line paths into a sorted, de-duplicated list of source files.
 * Synchronous on purpose: the analysis is synchronous too, and a plain loop keeps
 * the order (and so the output) identical from run to run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeControl } from './escape';
import { utf8SequenceLength } from './readSource';
import type { FileProblem } from './types';

export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export interface SourceFile {
  absolute: string;
  /** Relative to cwd, forward slashes. */
  path: string;
}

export interface WalkResult {
  files: SourceFile[];
  problems: FileProblem[];
}

export function collectFiles(inputs: readonly string[], cwd: string): WalkResult {
  const found = new Map<string, SourceFile>();
  const problems: FileProblem[] = [];
  const add = (absolute: string) => found.set(absolute, { absolute, path: displayPath(cwd, absolute) });

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (err) {
      problems.push({ path: displayPath(cwd, absolute), reason: describeFsError(err) });
      continue;
    }
    // A file named explicitly is analysed whatever its extension: the user chose it.
    if (stat.isFile()) add(absolute);
    else if (stat.isDirectory()) walkFolder(absolute, cwd, add, problems);
    else problems.push({ path: displayPath(cwd, absolute), reason: 'not a regular file or folder' });
  }

  const files = [...found.values()].sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, problems: uniqueProblems(problems) };
}

/** The same path named twice (`src src`, `src ./src`, or reached again from a parent) is reported once. */
function uniqueProblems(problems: readonly FileProblem[]): FileProblem[] {
  const byKey = new Map<string, FileProblem>();
  for (const problem of problems) byKey.set(`${problem.path}\u0000${problem.reason}`, problem);
  return [...byKey.values()].sort((a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.reason, b.reason));
}

function walkFolder(folder: string, cwd: string, add: (absolute: string) => void, problems: FileProblem[]): void {
  let entries: fs.Dirent[];
  let rawNames: Buffer[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
    // The same listing as bytes: a name that is not UTF-8 comes back above with U+FFFD in
    // place of its bad bytes, a path that does not exist ("no such file" if used).
    rawNames = fs.readdirSync(folder, { encoding: 'buffer' });
  } catch (err) {
    problems.push({ path: displayPath(cwd, folder), reason: describeFsError(err) });
    return;
  }
  const badNames = new Map<string, string>();
  for (const raw of rawNames) if (!isUtf8(raw)) badNames.set(raw.toString('utf8'), escapedName(raw));
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name);
    const badName = badNames.get(entry.name);
    if (badName !== undefined) {
      if (entry.isDirectory() || isSourceFileName(entry.name)) {
        const shown = displayPath(cwd, path.join(folder, badName));
        problems.push({ path: shown, reason: `its name is not valid UTF-8, so it cannot be opened by name here (rename it to analyse it)` });
      }
      continue;
    }
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) walkFolder(absolute, cwd, add, problems);
    } else if (entry.isFile()) {
      if (isSourceFileName(entry.name)) add(absolute);
    } else if (entry.isSymbolicLink() && isSourceFileName(entry.name)) {
      // Linked files are analysed; linked folders are not followed, so a link cycle
      // (or a link to the whole disk) cannot make the walk endless.
      try {
        if (fs.statSync(absolute).isFile()) add(absolute);
      } catch (err) {
        problems.push({ path: displayPath(cwd, absolute), reason: `broken symbolic link (${describeFsError(err)})` });
      }
    }
  }
}

/** Dependencies and tool folders (.git, .vscode-test, ...) are never the user's code to review. */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Declaration files are skipped in folders: they hold types only, nothing that runs. */
export function isSourceFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (/\.d\.[mc]?ts$/.test(lower)) return false;
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What every format prints: relative to the current directory, with forward slashes on every OS. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** Locale-independent ordering, so two machines print files in the same order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isUtf8(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.length; ) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) return false;
    at += length;
  }
  return true;
}

/** A name as printable text: valid UTF-8 as it is, each bad byte as `\xNN`. */
function escapedName(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; ) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) out += `\\x${bytes[at++].toString(16).padStart(2, '0')}`;
    else {
      out += escapeControl(Buffer.from(bytes.subarray(at, at + length)).toString('utf8'));
      at += length;
    }
  }
  return out;
}

/** Node's error codes, in words a user can act on. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
