/**
 * Folder globs as workspace lists write them (`packages/*`, `apps/**`, `./libs/{a,b}`,
 * `!**\/test/**`), matched against folder paths relative to the workspace root.
 * Only what package managers accept in practice: `*`, `?`, `**`, `{a,b}` and a leading `!`.
 */
import type { ProjectHost } from './host';
import { joinPath } from './paths';

/** How deep a `**` walks below its fixed prefix: workspaces nest packages a few levels at most. */
export const MAX_GLOB_DEPTH = 6;

interface CompiledGlob {
  /** The leading segments without wildcards: where the walk starts. */
  fixed: string[];
  /** Segments after `fixed`; undefined depth means `**` appears (walk up to MAX_GLOB_DEPTH). */
  depth: number | undefined;
  test: RegExp;
}

/** `./packages/*\/` -> `packages/*`. */
function tidy(glob: string): string {
  return glob.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

export function globToRegExp(glob: string): RegExp {
  let out = '';
  const segments = tidy(glob).split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      // `a/**` also matches `a` itself; `**/b` matches `b` at any depth.
      out += last ? (index === 0 ? '.*' : '(?:/.*)?') : index === 0 ? '(?:[^/]+/)*' : '(?:/[^/]+)*/';
      return;
    }
    if (index > 0 && segments[index - 1] !== '**') out += '/';
    out += segmentSource(segment);
  });
  return new RegExp(`^${out}$`);
}

function segmentSource(segment: string): string {
  let out = '';
  let inBraces = false;
  for (const char of segment) {
    if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') {
      out += '(?:';
      inBraces = true;
    } else if (char === '}' && inBraces) {
      out += ')';
      inBraces = false;
    } else if (char === ',' && inBraces) out += '|';
    else out += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return inBraces ? segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : out;
}

function compile(glob: string): CompiledGlob {
  const segments = tidy(glob).split('/').filter((s) => s !== '' && s !== '.');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (/[*?{]/.test(segment)) break;
    fixed.push(segment);
  }
  const rest = segments.slice(fixed.length);
  return { fixed, depth: rest.includes('**') ? undefined : rest.length, test: globToRegExp(glob) };
}

/**
 * The folders under `root` matching any positive glob and no `!` glob, as sorted absolute
 * paths. `node_modules` and dot-folders are never entered.
 */
export function expandFolderGlobs(host: ProjectHost, root: string, globs: readonly string[]): string[] {
  const positive = globs.filter((g) => !g.trim().startsWith('!')).map(compile);
  const negative = globs.filter((g) => g.trim().startsWith('!')).map((g) => globToRegExp(g.trim().slice(1)));
  const found = new Set<string>();
  for (const glob of positive) {
    const start = glob.fixed.join('/');
    const walk = (relative: string, depth: number): void => {
      // The workspace root is never one of its own packages here.
      if (relative !== '' && glob.test.test(relative) && !negative.some((n) => n.test(relative))) found.add(relative);
      if (glob.depth !== undefined ? depth >= glob.depth : depth >= MAX_GLOB_DEPTH) return;
      for (const name of host.getDirectories(joinPath(root, relative))) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        walk(relative === '' ? name : `${relative}/${name}`, depth + 1);
      }
    };
    if (start === '' || host.directoryExists(joinPath(root, start))) walk(start, 0);
  }
  return [...found].map((relative) => joinPath(root, relative)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
