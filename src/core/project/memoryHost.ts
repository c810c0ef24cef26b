/**
 * A ProjectHost over a table of files, for tests (and for anyone who wants to resolve
 * against files that are not on disk). Folders exist when a file or a link lies under
 * them. Symbolic links map a link path to its target, like pnpm's node_modules layout.
 */
import type { ProjectHost } from './host';
import { ancestors, baseName, dirName, isWithin, joinPath, normalizePath } from './paths';

export interface MemoryHostOptions {
  /** Link path -> target path (absolute), e.g. `/ws/node_modules/@org/a` -> `/ws/packages/a`. */
  links?: Record<string, string>;
}

export interface MemoryHost extends ProjectHost {
  realpath(path: string): string;
  /** Adds or replaces a file (its folders appear with it). */
  writeFile(path: string, text: string): void;
  deleteFile(path: string): void;
}

export function createMemoryHost(files: Record<string, string>, options: MemoryHostOptions = {}): MemoryHost {
  const texts = new Map<string, string>();
  const links = new Map<string, string>();
  for (const [link, target] of Object.entries(options.links ?? {})) links.set(normalizePath(link), normalizePath(target));
  for (const [path, text] of Object.entries(files)) texts.set(normalizePath(path), text);

  /** Follows links in every prefix of the path; a bounded number of hops, so a link loop ends. */
  const realpath = (path: string): string => {
    let current = normalizePath(path);
    for (let hops = 0; hops < 40; hops++) {
      const link = [...ancestors(current)].find((prefix) => links.has(prefix));
      if (!link) return current;
      current = normalizePath(links.get(link) + current.slice(link.length));
    }
    return current;
  };
  const isFolder = (real: string): boolean => {
    for (const path of texts.keys()) if (path !== real && isWithin(path, real)) return true;
    for (const link of links.keys()) if (link !== real && isWithin(link, real)) return true;
    return false;
  };

  return {
    readFile: (path) => texts.get(realpath(path)),
    fileExists: (path) => texts.has(realpath(path)),
    directoryExists: (path) => isFolder(realpath(path)),
    getDirectories: (path) => {
      const real = realpath(path);
      const names = new Set<string>();
      const prefix = real.endsWith('/') ? real : `${real}/`;
      for (const entry of [...texts.keys(), ...links.keys()]) {
        if (!entry.startsWith(prefix)) continue;
        const rest = entry.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = slash === -1 ? rest : rest.slice(0, slash);
        if (isFolder(realpath(joinPath(real, name)))) names.add(name);
      }
      return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    realpath,
    writeFile: (path, text) => {
      const normal = normalizePath(path);
      texts.set(joinPath(realpath(dirName(normal)), baseName(normal)), text);
    },
    deleteFile: (path) => {
      texts.delete(realpath(path));
    },
  };
}
