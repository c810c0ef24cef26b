/**
 * Import resolution for the project layer: where does `specifier`, imported from `file`,
 * lead? The same places TypeScript and Node would go, answered as plain data.
 *
 * ```ts
 * const resolver = createResolver(host);            // host: a ProjectHost (nodeHost, memoryHost)
 * resolver.resolve('./crypto.js', '/app/src/handler.ts');
 * //   { kind: 'source', file: '/app/src/crypto.ts', via: 'relative' }
 * resolver.resolve('pg', '/app/src/db.ts');
 * //   { kind: 'declaration', file: '/app/node_modules/pg/index.d.ts', via: 'node_modules',
 * //     package: { name: 'pg', subpath: '.', dir: '/app/node_modules/pg', workspace: false } }
 * resolver.resolve('./util', '/app/scripts/a.js', 'require');   // a require() call
 * ```
 * The host is `createNodeHost()` (src/cli/nodeHost.ts) in the CLI and the extension's
 * worker threads, `createMemoryHost({...})` in tests. One resolver per thread and workspace;
 * it is synchronous and keeps its caches for its lifetime.
 *
 * The third argument picks the `exports`/`imports` conditions: `require` for `require()`,
 * `import` for `import()`, and nothing for import/export declarations, which run as the
 * file runs (`impliedMode`, mode.ts: `.cts`/`.cjs`, or a project compiled to CommonJS, or a
 * package.json without `"type": "module"` mean require).
 *
 * Results are one of six kinds (resolution.ts): `source` (a project or workspace file that
 * runs), `declaration` (a `.d.ts`, usually a package's types), `package` (a package in
 * node_modules without types), `builtin` (`fs`, `node:fs/promises`, ...), `json`, and
 * `unresolved` with a code and a sentence saying why. Paths in and out are absolute POSIX.
 *
 * Order, for one specifier:
 *  1. Empty strings and URLs (`https:`, `data:`) are refused; the importer must be absolute.
 *  2. Node builtins, from a static list: `fs`, `fs/promises`, `node:test`; a bare builtin
 *     name wins over a package of that name, as in Node.
 *  3. A bare specifier naming a package of the importer's workspace (npm/yarn `workspaces`,
 *     `pnpm-workspace.yaml`) goes to that package's sources (workspaceResolve.ts), unless a
 *     tsconfig `paths` pattern matches it first (then `paths` decides, as in TypeScript).
 *  4. Everything else is TypeScript's `resolveModuleName` with the importer's project
 *     options (config.ts: nearest tsconfig/jsconfig, `extends` applied) run in `bundler`
 *     mode, the most permissive of TypeScript's modes: relative paths with or without an
 *     extension and `index` probing; `./x.js` finding `./x.ts` (`.mjs`->`.mts`,
 *     `.cjs`->`.cts`); `baseUrl` and `paths`; package.json `imports` and `exports` with the
 *     `import` or `require` condition, `types`, `node` (left out when the project itself
 *     chose `bundler`) and the project's `customConditions`; `types`, `main` and `@types`;
 *     JavaScript always allowed (projects without a tsconfig are plain JavaScript).
 *  5. A failure is explained (diagnose.ts); an installed package whose entry cannot be seen
 *     is still reported as that package.
 *
 * Work is cached: per (mode, importer folder, specifier), and inside TypeScript's module
 * resolution cache and a file-system answer cache. After files are created, deleted or
 * renamed, or a tsconfig/jsconfig/package.json/pnpm-workspace.yaml changes (see
 * `affectsResolution` in host.ts), call `clear()`; editing an ordinary source file needs nothing.
 */
import * as ts from 'typescript';
import { lookupBuiltin } from './builtins';
import { createProjectConfigs, nodeModulesPackageRoot, type ProjectConfig, type ProjectConfigs } from './config';
import { diagnose, matchingPathsPattern } from './diagnose';
import { createCachingHost, type ProjectHost } from './host';
import { impliedImportMode } from './mode';
import { ancestors, dirName, isAbsolutePath, joinPath, normalizePath, relativePath } from './paths';
import {
  isDeclarationFile,
  isRelativeSpecifier,
  packageNameOf,
  subpathOf,
  type ImportMode,
  type PackageRef,
  type Resolution,
  type ResolvedVia,
  type Unresolved,
} from './resolution';
import type { WorkspacePackage } from './workspace';
import { createWorkspaceResolver, sourceFallbackSpecifier } from './workspaceResolve';

export interface ResolverOptions {
  /** Extra `exports`/`imports` conditions for every project, e.g. `['browser']` for a web app. */
  conditions?: readonly string[];
}

export interface Resolver {
  /**
   * Where `specifier`, written in `fromFile` (absolute), leads. Never throws.
   * `mode` picks the `exports`/`imports` conditions: pass `require` for `require()`,
   * `require.resolve()` and `import x = require()`, `import` for `import()`, and nothing
   * for `import`/`export ... from` declarations, which run the way the file runs (`impliedMode`).
   */
  resolve(specifier: string, fromFile: string, mode?: ImportMode): Resolution;
  /** How a file's import declarations run: `require` when it is (or compiles to) CommonJS (mode.ts). */
  impliedMode(file: string): ImportMode;
  /** The project settings that apply to a file (what `resolve` uses for it). */
  projectFor(file: string): ProjectConfig;
  /** The configuration reader behind the resolver (package.json, workspaces, tsconfigs), sharing its caches. */
  readonly configs: ProjectConfigs;
  /** Forget everything read from the host. */
  clear(): void;
}

interface ProjectState {
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
  /** Options for resolving inside a workspace package: the importer's conditions, none of its `paths`. */
  workspaceOptions: ts.CompilerOptions;
  workspaceCache: ts.ModuleResolutionCache;
}

const URL_SCHEME = /^[A-Za-z][A-Za-z\d+.-]+:/;

export function createResolver(host: ProjectHost, resolverOptions: ResolverOptions = {}): Resolver {
  const files = createCachingHost(host);
  const configs = createProjectConfigs(files);
  const moduleHost: ts.ModuleResolutionHost = {
    fileExists: files.fileExists,
    readFile: files.readFile,
    directoryExists: files.directoryExists,
    realpath: files.realpath,
    getDirectories: files.getDirectories,
    useCaseSensitiveFileNames: true,
  };
  let workspaces = createWorkspaceResolver(files, configs);
  let states = new Map<ProjectConfig, ProjectState>();
  let results = new Map<string, Resolution>();
  let packageJsonCache: ts.PackageJsonInfoCache | undefined;

  const stateFor = (project: ProjectConfig): ProjectState => {
    let state = states.get(project);
    if (!state) {
      const options = resolutionOptions(project.compilerOptions, resolverOptions.conditions ?? []);
      const workspaceOptions = { ...options, paths: undefined, baseUrl: undefined, pathsBasePath: undefined };
      const cache = ts.createModuleResolutionCache(project.root, (name) => name, options, packageJsonCache);
      packageJsonCache ??= cache.getPackageJsonInfoCache();
      state = { options, cache, workspaceOptions, workspaceCache: ts.createModuleResolutionCache(project.root, (name) => name, workspaceOptions) };
      states.set(project, state);
    }
    return state;
  };

  const resolveInWorkspace = (specifier: string, pkg: WorkspacePackage, state: ProjectState, mode: ts.ResolutionMode, project: ProjectConfig, dir: string): Resolution => {
    const subpath = subpathOf(specifier, pkg.name);
    let file = workspaces.resolve(specifier, pkg, state.workspaceOptions, mode, state.workspaceCache);
    if (!file && pkg.packageJson.exports === undefined) {
      // A package.json without a usable entry (none, or one pointing at output we cannot map): try its sources by convention.
      const fallback = sourceFallbackSpecifier(workspaces.layoutOf(pkg), pkg, subpath);
      const found = fallback && ts.resolveModuleName(fallback, joinPath(pkg.dir, 'package.json'), state.options, moduleHost, state.cache, undefined, mode).resolvedModule;
      if (found) file = normalizePath(found.resolvedFileName);
    }
    if (!file) return diagnose(files, configs, project, specifier, dir, pkg);
    const ref: PackageRef = { name: pkg.name, subpath, dir: pkg.dir, workspace: true };
    if (isDeclarationFile(file)) return { kind: 'declaration', file, via: 'workspace', package: ref };
    if (file.endsWith('.json')) return { kind: 'json', file, via: 'workspace' };
    return { kind: 'source', file, via: 'workspace', package: ref };
  };

  const compute = (specifier: string, from: string, dir: string, importMode: ImportMode): Resolution => {
    if (specifier === '' || specifier.trim() !== specifier) return invalid(`"${specifier}" is not a module specifier`);
    if (URL_SCHEME.test(specifier) && !specifier.startsWith('node:')) return invalid(`"${specifier}" is a URL; URL imports are not followed`);
    const builtin = lookupBuiltin(specifier);
    if (builtin.kind === 'builtin') return builtin;
    if (builtin.kind === 'unknown-builtin') return { kind: 'unresolved', code: 'unknown-builtin', reason: `Node has no built-in module "${specifier}"` };

    const project = configs.projectFor(from);
    const state = stateFor(project);
    const mode = importMode === 'require' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
    const bare = !isRelativeSpecifier(specifier) && !specifier.startsWith('#');
    const name = bare ? packageNameOf(specifier) : undefined; // `@alias` may still be a paths key
    if (name && !nodeModulesPackageRoot(dir)) {
      const workspacePackage = configs.workspaceFor(dir)?.packages.find((pkg) => pkg.name === name);
      if (workspacePackage && !matchingPathsPattern(project, specifier)) return resolveInWorkspace(specifier, workspacePackage, state, mode, project, dir);
    }
    const resolveWith = (request: string) => ts.resolveModuleName(request, from, state.options, moduleHost, state.cache, undefined, mode).resolvedModule;
    // Node's require() also probes `.json`, which TypeScript never adds: `require('./data')`, `require('pkg/list')`.
    const probesJson = importMode === 'require' && !specifier.endsWith('.json') && (!bare || (name !== undefined && specifier.length > name.length + 1));
    const resolved = resolveWith(specifier) ?? (probesJson ? resolveWith(`${specifier}.json`) : undefined);
    if (!resolved) return diagnose(files, configs, project, specifier, dir);
    const via: ResolvedVia = !bare ? (specifier.startsWith('#') ? 'imports' : 'relative') : resolved.isExternalLibraryImport ? 'node_modules' : 'paths';
    const file = normalizePath(resolved.resolvedFileName);
    return classify(file, specifier, via, via === 'node_modules' && name ? () => linkedPackage(name, dir) : undefined);
  };

  /** A package linked from node_modules to a folder outside any (npm link, `file:` dependencies): its link and real folder. */
  const linkedPackage = (name: string, importerDir: string): LinkedPackage | undefined => {
    for (const folder of ancestors(importerDir)) {
      const link = joinPath(folder, 'node_modules', name);
      if (files.directoryExists(link)) return { link, dir: files.realpath(link) };
    }
    return undefined;
  };

  let modes = new Map<string, ImportMode>();
  const impliedMode = (file: string): ImportMode => {
    let mode = modes.get(file);
    if (!mode) {
      mode = impliedImportMode(file, configs.projectFor(file), configs.packageScope(dirName(file))?.type);
      modes.set(file, mode);
    }
    return mode;
  };

  return {
    resolve(specifier, fromFile, explicitMode) {
      const from = typeof fromFile === 'string' ? normalizePath(fromFile) : '';
      if (typeof specifier !== 'string' || !isAbsolutePath(from)) {
        return invalid(`the importing file must be given as an absolute path (got "${String(fromFile)}")`);
      }
      const dir = dirName(from);
      const mode = explicitMode ?? impliedMode(from);
      const key = `${mode}\0${dir}\0${specifier}`;
      let result = results.get(key);
      if (!result) {
        try {
          result = compute(specifier, from, dir, mode);
        } catch (err) {
          // Never expected; a resolver bug must cost one import, not the analysis of the file.
          result = { kind: 'unresolved', code: 'resolver-error', reason: `resolving "${specifier}" failed: ${err instanceof Error ? err.message : String(err)}` };
        }
        results.set(key, result);
      }
      return result;
    },
    impliedMode: (file) => impliedMode(normalizePath(file)),
    projectFor: (file) => configs.projectFor(normalizePath(file)),
    configs,
    clear() {
      files.clear();
      configs.clear();
      workspaces = createWorkspaceResolver(files, configs);
      states = new Map();
      results = new Map();
      modes = new Map();
      packageJsonCache = undefined;
    },
  };
}

/**
 * The importer's options, adjusted to answer "where does this go at run time": bundler
 * mode (extensionless and `.js`->`.ts` both work, `exports`/`imports` are read), JavaScript
 * and JSON allowed, and the `node` condition unless the project targets a bundler.
 */
export function resolutionOptions(own: ts.CompilerOptions, extraConditions: readonly string[]): ts.CompilerOptions {
  const conditions = [...(own.customConditions ?? []), ...extraConditions];
  if (own.moduleResolution !== ts.ModuleResolutionKind.Bundler && !conditions.includes('node')) conditions.push('node');
  return {
    ...own,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowJs: true,
    resolveJsonModule: true,
    resolvePackageJsonExports: true,
    resolvePackageJsonImports: true,
    noDtsResolution: false,
    traceResolution: false,
    customConditions: conditions,
  };
}

interface LinkedPackage {
  /** The package's path in node_modules, which names it. */
  link: string;
  /** Where the link leads. */
  dir: string;
}

function classify(file: string, specifier: string, via: ResolvedVia, findLink: (() => LinkedPackage | undefined) | undefined): Resolution {
  if (file.endsWith('.json')) return { kind: 'json', file, via };
  const packageRoot = nodeModulesPackageRoot(dirName(file));
  const where = packageRoot ? { link: packageRoot, dir: packageRoot } : findLink?.();
  if (where) {
    const ref = packageRefFor(where, file, specifier);
    return isDeclarationFile(file) ? { kind: 'declaration', file, via, package: ref } : { kind: 'package', package: ref, file, via };
  }
  return isDeclarationFile(file) ? { kind: 'declaration', file, via } : { kind: 'source', file, via };
}

/** `@types/babel__core` describes `@babel/core`. */
function packageRefFor({ link, dir }: LinkedPackage, file: string, specifier: string): PackageRef {
  let name = link.slice(link.lastIndexOf('/node_modules/') + '/node_modules/'.length);
  if (name.startsWith('@types/')) {
    const described = name.slice('@types/'.length);
    name = described.includes('__') ? `@${described.replace('__', '/')}` : described;
  }
  const named = !isRelativeSpecifier(specifier) && !specifier.startsWith('#') && packageNameOf(specifier) === name;
  const subpath = named ? subpathOf(specifier, name) : `./${relativePath(dir, file)}`;
  return { name, subpath, dir, workspace: false };
}

function invalid(reason: string): Unresolved {
  return { kind: 'unresolved', code: 'invalid-specifier', reason };
}
