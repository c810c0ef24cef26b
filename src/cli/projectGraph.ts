/**
 * Project mode, first step, on the main thread: read the files asked for and every project
 * file they import (even when not asked for), find what each import resolves to, and order
 * the files so each comes after the files it imports. Files that import each other (a
 * cycle) form one component and are analysed together.
 *
 * Reading imports needs no parse: TypeScript's pre-processor scans the import specifiers
 * (`importSpecifiers`), so every file is parsed once, later, on a worker thread.
 */
import * as path from 'node:path';
import { importSpecifiers } from '../core/project/analyzeProject';
import { stronglyConnected } from '../core/project/components';
import type { Resolver } from '../core/project/resolve';
import { readSource } from './readSource';
import type { FileProblem } from './types';
import { displayPath, type SourceFile } from './walk';

export interface ProjectFile {
  /** Absolute POSIX path: the project layer's name for the file (summaries and related locations use it). */
  key: string;
  absolute: string;
  /** As printed, relative to where the CLI runs. */
  path: string;
  /** Asked for: its findings are reported. Otherwise it is read only for its summary. */
  asked: boolean;
  /** The text, or why the file was not read (too big): then it has no summary. */
  source: { text: string } | { skipped: string };
  specifiers: string[];
  /** Specifier -> the project file (key) it resolves to. */
  resolved: Record<string, string>;
}

export interface ProjectGraph {
  files: Map<string, ProjectFile>;
  /** Components (one file, or the files of a cycle, sorted), every one after those it imports. */
  components: string[][];
  /** Asked-for files that could not be read (the run fails with exit 2, as without project mode). */
  problems: FileProblem[];
  /** Imported files that could not be read: said on stderr, analysed without their summaries. */
  notes: string[];
}

export function toKey(absolute: string): string {
  return absolute.split(path.sep).join('/');
}

/** Files already read, with their specifiers when they have text (see scanAsked in projectRun.ts). */
export type Prescanned = ReadonlyMap<string, { read: ReturnType<typeof readSource>; specifiers: string[] | null }>;

export function discoverProject(asked: readonly SourceFile[], cwd: string, resolver: Resolver, prescanned: Prescanned = new Map()): ProjectGraph {
  const files = new Map<string, ProjectFile>();
  const problems: FileProblem[] = [];
  const notes: string[] = [];
  const askedKeys = new Set(asked.map((file) => toKey(file.absolute)));
  const unreadable = new Set<string>();
  const queue: { key: string; absolute: string; importedBy: string | null }[] = asked.map((file) => ({ key: toKey(file.absolute), absolute: file.absolute, importedBy: null }));
  while (queue.length > 0) {
    const { key, absolute, importedBy } = queue.shift()!;
    if (files.has(key) || unreadable.has(key)) continue;
    const shown = displayPath(cwd, absolute);
    const known = prescanned.get(absolute);
    const read = known?.read ?? readSource(absolute);
    if (read.kind === 'error') {
      unreadable.add(key);
      if (askedKeys.has(key)) problems.push({ path: shown, reason: read.reason });
      else notes.push(`${shown} (imported by ${importedBy}) cannot be read, analysed without it: ${read.reason}`);
      continue;
    }
    const file: ProjectFile = { key, absolute, path: shown, asked: askedKeys.has(key), source: read.kind === 'text' ? { text: read.text } : { skipped: read.reason }, specifiers: [], resolved: {} };
    files.set(key, file);
    if (read.kind !== 'text') continue;
    file.specifiers = known?.specifiers ?? importSpecifiers(read.text);
    for (const specifier of file.specifiers) {
      const resolution = resolver.resolve(specifier, key);
      if (resolution.kind !== 'source' || resolution.file === key) continue;
      file.resolved[specifier] = resolution.file;
      queue.push({ key: resolution.file, absolute: resolution.file, importedBy: shown });
    }
  }
  return { files, components: dependencyComponents(files), problems, notes };
}

/** The asked and imported files' components, dependencies first, in the order files were found (core/project/components.ts). */
export function dependencyComponents(files: ReadonlyMap<string, ProjectFile>): string[][] {
  return stronglyConnected(files.keys(), (key) => [...new Set(Object.values(files.get(key)!.resolved))].filter((target) => files.has(target)));
}

/** Every file reachable from `members` through imports, the members themselves left out. */
export function reachableFrom(members: readonly string[], files: ReadonlyMap<string, ProjectFile>): string[] {
  const seen = new Set(members);
  const queue = [...members];
  const out: string[] = [];
  while (queue.length > 0) {
    const file = files.get(queue.shift()!);
    if (!file) continue;
    for (const target of Object.values(file.resolved)) {
      if (seen.has(target) || !files.has(target)) continue;
      seen.add(target);
      out.push(target);
      queue.push(target);
    }
  }
  return out;
}
