/**
 * How the project layer reaches files. The core never touches the disk itself: the CLI
 * and the extension's worker threads pass the node implementation (src/cli/nodeHost.ts),
 * tests pass an in-memory one (memoryHost.ts), and the extension may layer unsaved
 * editor buffers on top of either.
 *
 * Every path given to or returned by a host is an absolute POSIX path (see paths.ts).
 * A host never throws: a missing, unreadable or non-text entry is `undefined` / `false` / `[]`.
 */
export interface ProjectHost {
  /** The file's text (a leading byte-order mark removed), or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** True for a regular file, or a symbolic link to one. */
  fileExists(path: string): boolean;
  /** True for a folder, or a symbolic link to one. */
  directoryExists(path: string): boolean;
  /**
   * Names (not paths) of the folders directly inside `path`, symbolic links to folders
   * included, sorted by code unit. Used to expand workspace globs such as `packages/*`.
   */
  getDirectories(path: string): string[];
  /**
   * The path with every symbolic link resolved. Optional: without it, linked packages
   * (pnpm's node_modules layout, `npm link`) are seen at their link's path.
   */
  realpath?(path: string): string;
}

/** A host that remembers every answer until `clear()`; what the resolver wraps its host in. */
export interface CachingHost extends ProjectHost {
  realpath(path: string): string;
  clear(): void;
}

/**
 * Module resolution asks the same questions thousands of times (does `x.ts` exist, is
 * there a `node_modules` here); each answer is read once. Call `clear()` after files or
 * folders were created, deleted or renamed, or a configuration file changed.
 */
export function createCachingHost(host: ProjectHost): CachingHost {
  const texts = new Map<string, string | undefined>();
  const files = new Map<string, boolean>();
  const folders = new Map<string, boolean>();
  const listings = new Map<string, string[]>();
  const realpaths = new Map<string, string>();
  const remember = <T>(cache: Map<string, T>, key: string, compute: () => T): T => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  return {
    readFile: (path) => remember(texts, path, () => host.readFile(path)),
    fileExists: (path) => remember(files, path, () => host.fileExists(path)),
    directoryExists: (path) => remember(folders, path, () => host.directoryExists(path)),
    getDirectories: (path) => remember(listings, path, () => host.getDirectories(path)),
    realpath: (path) => remember(realpaths, path, () => (host.realpath ? host.realpath(path) : path)),
    clear: () => {
      for (const cache of [texts, files, folders, listings, realpaths]) cache.clear();
    },
  };
}

/** File names whose change (not only their creation or deletion) changes how imports resolve. */
const CONFIGURATION_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml)$/;

/**
 * Whether an event from a file watcher (or an unsaved edit) can change any resolution,
 * so the resolver's caches must be cleared. Editing an ordinary source file cannot;
 * creating, deleting or renaming any file can (a new `x.ts` may now win over `x.js`).
 */
export function affectsResolution(path: string, change: 'created' | 'changed' | 'deleted'): boolean {
  return change !== 'changed' || CONFIGURATION_FILE.test(path);
}
