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
import { createIgnoreFilter } from '../core/config';
import { nearestConfig, readConfigFile, type ConfigIo, type ConfigLookup, type FoundConfig } from '../core/configLookup';
import { describeFsError, displayPath, type SourceFile } from './walk';

export type { ConfigLookup, FoundConfig };

export function findConfig(configFlag: string | null, paths: readonly string[], cwd: string): ConfigLookup {
  if (configFlag !== null) {
    const absolute = path.resolve(cwd, configFlag);
    const read = readConfigFile(absolute, io(cwd));
    if (read.kind === 'error') return read;
    if (read.found.config === null) return { kind: 'error', messages: [`--config ${configFlag}: the package.json has no "concurrencyLens" key`] };
    return read;
  }
  const byFile = new Map<string, FoundConfig>();
  const sources = new Map<string, string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const found = nearestConfig(isDirectory(absolute) ? absolute : path.dirname(absolute), io(cwd));
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

function io(cwd: string): ConfigIo {
  return {
    isFile,
    read(file) {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch (err) {
        return new Error(describeFsError(err));
      }
    },
    display: (file) => displayPath(cwd, file),
  };
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
