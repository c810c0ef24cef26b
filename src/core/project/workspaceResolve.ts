/**
 * Resolves `@org/pkg/sub` to a workspace package's sources. TypeScript's resolver does
 * the package.json work (`exports` with conditions, `types`, `main`, `typesVersions`,
 * index probing) against a view of the file system in which:
 *   - the package sits at `<VIRTUAL_ROOT>/node_modules/<name>`, whether or not a real
 *     node_modules links to it (none does before `npm install`, or in a fresh clone);
 *   - its build output is replaced by its sources (see sourceLayout.ts), so `dist/index.js`
 *     is found as `src/index.ts` even when `dist` was never built, and a built
 *     `dist/index.d.ts` gives way to the source it came from.
 * The resolved virtual path is mapped back to the real file through `realpath`.
 */
import * as ts from 'typescript';
import type { ProjectConfigs } from './config';
import type { ProjectHost } from './host';
import { dirName, isWithin, joinPath } from './paths';
import { folderExists, readSourceLayout, sourceFor, type SourceLayout } from './sourceLayout';
import type { WorkspacePackage } from './workspace';

/** A folder that exists on no disk; only the view below answers for it. */
export const VIRTUAL_ROOT = '/__concurrency_lens_workspace__';
const VIRTUAL_IMPORTER = `${VIRTUAL_ROOT}/importer.ts`;

export interface WorkspaceResolver {
  /** The real file, or undefined when the package has none for this specifier. */
  resolve(specifier: string, pkg: WorkspacePackage, options: ts.CompilerOptions, mode: ts.ResolutionMode, cache: ts.ModuleResolutionCache): string | undefined;
  layoutOf(pkg: WorkspacePackage): SourceLayout;
}

export function createWorkspaceResolver(host: ProjectHost & { realpath(path: string): string }, configs: ProjectConfigs): WorkspaceResolver {
  const layouts = new Map<string, SourceLayout>();
  const layoutOf = (pkg: WorkspacePackage): SourceLayout => {
    let layout = layouts.get(pkg.dir);
    if (!layout) {
      layout = readSourceLayout(host, configs, pkg.dir);
      layouts.set(pkg.dir, layout);
    }
    return layout;
  };

  return {
    layoutOf,
    resolve(specifier, pkg, options, mode, cache) {
      const view = workspaceView(host, pkg, layoutOf(pkg));
      const result = ts.resolveModuleName(specifier, VIRTUAL_IMPORTER, options, view, cache, undefined, mode).resolvedModule;
      if (!result) return undefined;
      const file = view.realpath(result.resolvedFileName);
      return isWithin(file, VIRTUAL_ROOT) ? undefined : file;
    },
  };
}

type View = ts.ModuleResolutionHost & { realpath(path: string): string };

function workspaceView(host: ProjectHost & { realpath(path: string): string }, pkg: WorkspacePackage, layout: SourceLayout): View {
  const linked = `${VIRTUAL_ROOT}/node_modules/${pkg.name}`;
  /** The real path a virtual one stands for (before sources replace output); undefined when virtual only. */
  const physical = (path: string): string | undefined => (isWithin(path, linked) ? pkg.dir + path.slice(linked.length) : undefined);
  const isVirtualFolder = (path: string): boolean => isWithin(linked, path) && isWithin(path, VIRTUAL_ROOT);
  const mapFile = (path: string): string | undefined => {
    const real = physical(path);
    if (real !== undefined) return sourceFor(host, layout, real);
    return isWithin(path, VIRTUAL_ROOT) ? undefined : host.fileExists(path) ? path : undefined;
  };
  return {
    fileExists: (path) => mapFile(path) !== undefined,
    readFile: (path) => {
      const file = mapFile(path);
      return file === undefined ? undefined : host.readFile(file);
    },
    directoryExists: (path) => {
      if (isVirtualFolder(path)) return true;
      const real = physical(path);
      if (real !== undefined) return folderExists(host, layout, real);
      return !isWithin(path, VIRTUAL_ROOT) && host.directoryExists(path);
    },
    realpath: (path) => {
      const real = physical(path);
      if (real !== undefined) return sourceFor(host, layout, real) ?? real;
      return isWithin(path, VIRTUAL_ROOT) ? path : host.realpath(path);
    },
    getCurrentDirectory: () => dirName(VIRTUAL_IMPORTER),
    useCaseSensitiveFileNames: true,
  };
}

/** `./src/<subpath>` (or `./src`) from the package folder, for packages whose package.json names no usable entry. */
export function sourceFallbackSpecifier(layout: SourceLayout, pkg: WorkspacePackage, subpath: string): string | undefined {
  if (!layout.sourceRoot || layout.sourceRoot === pkg.dir || !isWithin(layout.sourceRoot, pkg.dir)) return undefined;
  const base = `./${layout.sourceRoot.slice(pkg.dir.length + 1)}`;
  return subpath === '.' ? base : joinPath(base, subpath).replace(/^(?!\.)/, './');
}
