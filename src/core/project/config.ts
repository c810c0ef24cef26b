/**
 * Which project a file belongs to, and that project's settings: the nearest tsconfig.json
 * or jsconfig.json (a solution-style config hands over to the referenced config that
 * includes the file), else the nearest package.json, else nothing (the file's own folder
 * with default options). A file inside node_modules belongs to its package, whatever
 * configs the package happens to ship. Everything read is cached until `clear()`.
 */
import type * as ts from 'typescript';
import type { ProjectHost } from './host';
import { readPackageJson, type ConfigProblem, type PackageJson, type PackageJsonRead } from './packageJson';
import { ancestors, baseName, dirName, isWithin, joinPath } from './paths';
import { readCompilerConfig, type CompilerConfig, type ExtendedConfigCache } from './tsconfig';
import { findWorkspace, type Workspace } from './workspace';

export interface ProjectConfig {
  /** The config file's folder, the package.json's folder, or the file's own folder for `none`. */
  root: string;
  kind: 'tsconfig' | 'jsconfig' | 'package' | 'none';
  /** The tsconfig.json / jsconfig.json (or the referenced config chosen), or the package.json for `package`. */
  configFile?: string;
  /** As TypeScript reads them (after `extends`); `{}` without a tsconfig/jsconfig. */
  compilerOptions: ts.CompilerOptions;
  /** The nearest package.json at or above `root`: the package this project is. */
  packageJson?: PackageJson;
  /** The monorepo workspace around `root`, if any. */
  workspace?: Workspace;
  /** Problems in the config, its `extends` chain, the package.json and the workspace manifest. */
  problems: ConfigProblem[];
}

export interface ProjectConfigs {
  /** The project of a file (absolute path; the file itself need not exist). */
  projectFor(file: string): ProjectConfig;
  /** `<dir>/package.json`, parsed; undefined when there is none. */
  packageJson(dir: string): PackageJsonRead | undefined;
  /** The nearest package.json at or above `dir` that parses (Node's "package scope"). */
  packageScope(dir: string): PackageJson | undefined;
  /** The workspace whose manifest is at or above `dir`. */
  workspaceFor(dir: string): Workspace | undefined;
  /** A tsconfig/jsconfig read with its `extends` chain. */
  compilerConfig(file: string): CompilerConfig;
  clear(): void;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;

export function createProjectConfigs(host: ProjectHost): ProjectConfigs {
  const packages = new Map<string, PackageJsonRead | undefined>();
  const scopes = new Map<string, PackageJson | undefined>();
  const workspaces = new Map<string, Workspace | undefined>();
  const compilerConfigs = new Map<string, CompilerConfig>();
  const projectsByFolder = new Map<string, ProjectConfig>();
  const projectsByKey = new Map<string, ProjectConfig>();
  let extendedCache: ExtendedConfigCache = new Map();

  const packageJson = (dir: string) => cached(packages, dir, () => readPackageJson(host, dir));
  const packageScope = (dir: string): PackageJson | undefined =>
    cached(scopes, dir, () => packageJson(dir)?.package ?? (dirName(dir) === dir ? undefined : packageScope(dirName(dir))));
  const workspaceFor = (dir: string) => cached(workspaces, dir, () => findWorkspace(host, dir, packageJson));
  const compilerConfig = (file: string) => cached(compilerConfigs, file, () => readCompilerConfig(host, file, extendedCache));

  /** One ProjectConfig object per config file (or package root), shared by all its folders. */
  const project = (root: string, kind: ProjectConfig['kind'], configFile: string | undefined, config?: CompilerConfig): ProjectConfig =>
    cached(projectsByKey, `${kind}\0${configFile ?? root}`, () => {
      const read = packageScopeRead(root);
      const inNodeModules = kind === 'package' && root.includes('/node_modules/');
      const workspace = inNodeModules ? undefined : workspaceFor(root);
      const problems = [...(config?.problems ?? []), ...(read?.problems ?? []), ...(workspace?.problems ?? [])];
      const result: ProjectConfig = { root, kind, compilerOptions: config?.options ?? {}, problems };
      if (configFile) result.configFile = configFile;
      if (read?.package) result.packageJson = read.package;
      if (workspace) result.workspace = workspace;
      return result;
    });
  const packageScopeRead = (dir: string): PackageJsonRead | undefined => {
    for (const folder of ancestors(dir)) {
      const read = packageJson(folder);
      if (read) return read;
    }
    return undefined;
  };

  const projectForFolder = (dir: string): ProjectConfig =>
    cached(projectsByFolder, dir, () => {
      const packageRoot = nodeModulesPackageRoot(dir);
      if (packageRoot) return project(packageRoot, 'package', joinPath(packageRoot, 'package.json'));
      for (const folder of ancestors(dir)) {
        for (const name of CONFIG_NAMES) {
          const file = joinPath(folder, name);
          if (!host.fileExists(file)) continue;
          const chosen = referencedConfigFor(compilerConfig(file), dir, compilerConfig);
          const kind = baseName(chosen.file).startsWith('jsconfig') ? 'jsconfig' : 'tsconfig';
          return project(dirName(chosen.file), kind, chosen.file, chosen);
        }
      }
      for (const folder of ancestors(dir)) {
        if (packageJson(folder)) return project(folder, 'package', joinPath(folder, 'package.json'));
      }
      return project(dir, 'none', undefined);
    });

  return {
    projectFor: (file) => projectForFolder(dirName(file)),
    packageJson,
    packageScope,
    workspaceFor,
    compilerConfig,
    clear: () => {
      for (const cache of [packages, scopes, workspaces, compilerConfigs, projectsByFolder, projectsByKey]) cache.clear();
      extendedCache = new Map();
    },
  };
}

/**
 * A solution-style config (`"files": []` plus `references`, as Vite and Nx generate)
 * holds no options of its own: the referenced config whose `include` takes the folder
 * is the one the editor uses. One level of references is followed.
 */
function referencedConfigFor(config: CompilerConfig, dir: string, read: (file: string) => CompilerConfig): CompilerConfig {
  if (config.references.length === 0 || coversFolder(config, dir)) return config;
  for (const reference of config.references) {
    const referenced = read(reference);
    if (coversFolder(referenced, dir)) return referenced;
  }
  return config;
}

function coversFolder(config: CompilerConfig, dir: string): boolean {
  if (config.covers.files.some((file) => dirName(file) === dir)) return true;
  return config.covers.folders.some((folder) => (folder.recursive ? isWithin(dir, folder.path) : dir === folder.path));
}

/** `/a/node_modules/@s/p/lib` -> `/a/node_modules/@s/p`; undefined outside node_modules. */
export function nodeModulesPackageRoot(dir: string): string | undefined {
  const marker = '/node_modules/';
  const at = dir.lastIndexOf(marker);
  if (at === -1) return undefined;
  const rest = dir.slice(at + marker.length).split('/');
  const length = rest[0].startsWith('@') ? 2 : 1;
  if (rest.length < length || rest[0] === '' || rest[0].startsWith('.')) return undefined;
  return `${dir.slice(0, at + marker.length)}${rest.slice(0, length).join('/')}`;
}

function cached<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
