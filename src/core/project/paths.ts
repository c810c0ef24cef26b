/**
 * POSIX path arithmetic for the project layer. The core may not import node's `path`
 * (it also runs where node's modules are absent), and every path in this API is an
 * absolute POSIX path: `/home/me/app/src/a.ts`, or `C:/work/app/src/a.ts` on Windows
 * (forward slashes, drive letter kept). These helpers only handle that shape.
 */

/** `/` or a drive root such as `C:/`; the part of a path that `..` cannot climb out of. */
function rootOf(path: string): string {
  if (path.charCodeAt(0) === 0x2f) return '/';
  return path.charCodeAt(1) === 0x3a && path.charCodeAt(2) === 0x2f && /^[A-Za-z]/.test(path) ? path.slice(0, 3) : '';
}

export function isAbsolutePath(path: string): boolean {
  return rootOf(path) !== '';
}

const NEEDS_WORK = /\\|\/\/|\/\.\.?(\/|$)|.\/$/;

/** Backslashes become slashes, `.` and `..` segments and doubled slashes go, no trailing slash. */
export function normalizePath(path: string): string {
  // Most paths arrive normal already; the resolver normalises every importer it is given.
  if (isAbsolutePath(path) && !NEEDS_WORK.test(path)) return path;
  const slashed = path.replace(/\\/g, '/');
  const root = rootOf(slashed);
  const parts: string[] = [];
  for (const segment of slashed.slice(root.length).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (root === '') parts.push('..');
      continue;
    }
    parts.push(segment);
  }
  const joined = root + parts.join('/');
  return joined === '' ? '.' : joined;
}

/** Joins and normalises; an absolute later part does not restart the path (unlike node's resolve). */
export function joinPath(base: string, ...parts: string[]): string {
  return normalizePath([base, ...parts].join('/'));
}

/** `base` joined with `target` unless `target` is already absolute. */
export function resolvePath(base: string, target: string): string {
  return isAbsolutePath(target.replace(/\\/g, '/')) ? normalizePath(target) : joinPath(base, target);
}

/** The parent folder; a root is its own parent. */
export function dirName(path: string): string {
  const root = rootOf(path);
  const cut = path.lastIndexOf('/');
  if (cut < root.length) return root === '' ? '.' : root;
  return path.slice(0, cut);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `folder` itself or lies under it (both normalised). */
export function isWithin(path: string, folder: string): boolean {
  if (path === folder) return true;
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(prefix);
}

/** `path` relative to `from` (a folder), with `..` where needed; `.` for the same folder. */
export function relativePath(from: string, path: string): string {
  if (path === from) return '.';
  if (isWithin(path, from)) return path.slice(from.endsWith('/') ? from.length : from.length + 1);
  if (rootOf(from) !== rootOf(path)) return path;
  const a = from.slice(rootOf(from).length).split('/').filter(Boolean);
  const b = path.slice(rootOf(path).length).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const relative = [...up, ...b.slice(common)].join('/');
  return relative === '' ? '.' : relative;
}

/** The folder itself, then each parent up to the root. */
export function* ancestors(folder: string): Generator<string> {
  let current = folder;
  for (;;) {
    yield current;
    const parent = dirName(current);
    if (parent === current) return;
    current = parent;
  }
}
