/**
 * Finding the configuration file that applies to a folder: the nearest folder
 * upward holding concurrency-lens.config.json, or a package.json with a
 * `concurrencyLens` key (the dedicated file wins when a folder has both). File
 * access is injected so the CLI and the extension share it without the CLI's
 * file walker (and the extension host without the analyzer).
 */
import { CONFIG_FILE_NAME, loadConfig, type LensConfig } from './config';

export interface FoundConfig {
  /** Absolute path of the file it came from, or null when there is none. */
  file: string | null;
  config: LensConfig | null;
}

export type ConfigLookup = { kind: 'ok'; found: FoundConfig } | { kind: 'error'; messages: string[] };

export interface ConfigIo {
  isFile(path: string): boolean;
  /** The file's text, or an Error saying why it cannot be read. */
  read(path: string): string | Error;
  /** How a path is shown in messages. */
  display(path: string): string;
}

/** POSIX or Windows parent folder (the lookup only walks upward). */
function parentOf(folder: string): string {
  const cut = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\'));
  if (cut <= 0) return folder.slice(0, cut + 1) || folder;
  const parent = folder.slice(0, cut);
  return /^[A-Za-z]:$/.test(parent) ? `${parent}\\` : parent;
}

const join = (folder: string, name: string) => (/[\\/]$/.test(folder) ? folder + name : `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}${name}`);

export function nearestConfig(start: string, io: ConfigIo): ConfigLookup {
  for (let folder = start; ; folder = parentOf(folder)) {
    const dedicated = join(folder, CONFIG_FILE_NAME);
    if (io.isFile(dedicated)) return readConfigFile(dedicated, io);
    const packageJson = join(folder, 'package.json');
    if (io.isFile(packageJson)) {
      const read = readConfigFile(packageJson, io);
      if (read.kind === 'error' || read.found.config !== null) return read;
    }
    if (parentOf(folder) === folder) return { kind: 'ok', found: { file: null, config: null } };
  }
}

export function readConfigFile(absolute: string, io: ConfigIo): ConfigLookup {
  const shown = io.display(absolute);
  const text = io.read(absolute);
  if (text instanceof Error) return { kind: 'error', messages: [`cannot read the configuration file ${shown}: ${text.message}`] };
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
