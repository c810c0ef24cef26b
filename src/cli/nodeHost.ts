/**
 * The ProjectHost over the real file system, for the CLI and the extension's analysis
 * worker threads (no `vscode` here). Synchronous, like the rest of the analysis, and
 * never throwing: an unreadable entry is simply absent.
 *
 * The project layer speaks absolute POSIX paths; on Windows `C:\app\a.ts` becomes
 * `C:/app/a.ts`, which node's fs accepts as it is. Use `toProjectPath` on the way in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectHost } from '../core/project/host';
import { decode } from './readSource';

/** An absolute POSIX path for the project layer, from a native path (relative ones against `cwd`). */
export function toProjectPath(nativePath: string, cwd: string = process.cwd()): string {
  return path.resolve(cwd, nativePath).split(path.sep).join('/');
}

function stat(target: string): fs.Stats | undefined {
  try {
    return fs.statSync(target, { throwIfNoEntry: false });
  } catch {
    return undefined; // EACCES, ENOTDIR, ELOOP, a name too long: not there as far as resolution goes
  }
}

export function createNodeHost(): ProjectHost {
  return {
    readFile(file) {
      try {
        const text = decode(fs.readFileSync(file));
        return text === null ? undefined : text;
      } catch {
        return undefined;
      }
    },
    fileExists: (file) => stat(file)?.isFile() ?? false,
    directoryExists: (folder) => stat(folder)?.isDirectory() ?? false,
    getDirectories(folder) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return [];
      }
      const names = entries
        .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && (stat(path.join(folder, entry.name))?.isDirectory() ?? false)))
        .map((entry) => entry.name);
      return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    realpath(file) {
      try {
        return fs.realpathSync.native(file).split(path.sep).join('/');
      } catch {
        return file;
      }
    },
  };
}
