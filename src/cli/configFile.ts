/**
 * Finding and reading the configuration file for a run (validation itself is in
 * src/core/config.ts, shared with the extension).
 *
 * With `--config FILE`, that file (a package.json is read for its `concurrencyLens` key).
 * Otherwise, for each path given, the nearest folder upward that holds
 * concurrency-lens.config.json, or a package.json with a `concurrencyLens` key (the
 * dedicated file wins when a folder has both). One run has one configuration: paths whose
 * nearest configurations differ are a usage error, not a silent pick.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, createIgnoreFilter, loadConfig, type LensConfig } from '../core/config';
import { describeFsError, displayPath, type SourceFile } from './walk';

export interface FoundConfig {
  /** Absolute path of the file it came from, or null when there is none. */
  file: string | null;
  config: LensConfig | null;
}

export type ConfigLookup = { kind: 'ok'; found: FoundConfig } | { kind: 'error'; messages: string[] };

export function findConfig(configFlag: string | null, paths: readonly string[], cwd: string): ConfigLookup {
  if (configFlag !== null) {
    const absolute = path.resolve(cwd, configFlag);
    const read = readConfigFile(absolute, cwd);
    if (read.kind === 'error') return read;
    if (read.found.config === null) return { kind: 'error', messages: [`--config ${configFlag}: the package.json has no "concurrencyLens" key`] };
    return read;
  }
  const byFile = new Map<string, FoundConfig>();
  const sources = new Map<string, string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const found = nearestConfig(isDirectory(absolute) ? absolute : path.dirname(absolute), cwd);
    if (found.kind === 'error') return found;
    const key = found.found.file ?? '';
    byFile.set(key, found.found);
    if (!sources.has(key)) sources.set(key, given);
  }
  if (byFile.size > 1) {
    const list = [...sources].map(([file, given]) => `${given} -> ${file === '' ? 'no configuration file' : displayPath(cwd, file)}`).join('; ');
    return { kind: 'error', messages: [`the paths given use different configuration files (${list}): analyse them in separate runs, or pass --config FILE`] };
  }
  return { kind: 'ok', found: byFile.values().next().value ?? { file: null, config: null } };
}

/** Leaves out the files the configuration's `ignore` patterns match (relative to the configuration's folder). */
export function withoutIgnored(files: readonly SourceFile[], found: FoundConfig): SourceFile[] {
  if (found.file === null || found.config === null || found.config.ignore.length === 0) return [...files];
  const ignored = createIgnoreFilter(found.config.ignore);
  const root = path.dirname(found.file);
  return files.filter((file) => !ignored(path.relative(root, file.absolute).split(path.sep).join('/')));
}

function nearestConfig(start: string, cwd: string): ConfigLookup {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const dedicated = path.join(folder, CONFIG_FILE_NAME);
    if (isFile(dedicated)) return readConfigFile(dedicated, cwd);
    const packageJson = path.join(folder, 'package.json');
    if (isFile(packageJson)) {
      const read = readConfigFile(packageJson, cwd);
      if (read.kind === 'error' || read.found.config !== null) return read;
    }
    if (path.dirname(folder) === folder) return { kind: 'ok', found: { file: null, config: null } };
  }
}

function readConfigFile(absolute: string, cwd: string): ConfigLookup {
  const shown = displayPath(cwd, absolute);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    return { kind: 'error', messages: [`cannot read the configuration file ${shown}: ${describeFsError(err)}`] };
  }
  const loaded = loadConfig(text, shown);
  switch (loaded.kind) {
    case 'invalid':
      return { kind: 'error', messages: loaded.problems.map((problem) => problem.message) };
    case 'none':
      return { kind: 'ok', found: { file: absolute, config: null } };
    case 'config':
      return { kind: 'ok', found: { file: absolute, config: loaded.config } };
  }
}

function isFile(target: string): boolean {
  try {
    return fs.statSync(target).isFile();
  } catch {
    return false;
  }
}

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}
