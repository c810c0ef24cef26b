/**
 * Why a specifier did not resolve, in words that name the file or setting to look at.
 * Runs only after TypeScript's resolver has failed, so it may re-read package.json files
 * freely. One outcome is not a failure: a package that is installed but whose entry we
 * cannot see (no `main`, a native addon) is still that package.
 */
import type { ProjectConfig, ProjectConfigs } from './config';
import type { ProjectHost } from './host';
import { isObject, type PackageJson, type PackageJsonRead } from './packageJson';
import { ancestors, joinPath, relativePath, resolvePath } from './paths';
import {
  isRelativeSpecifier,
  packageNameOf,
  subpathOf,
  type PackageResolution,
  type Unresolved,
  type UnresolvedCode,
} from './resolution';
import type { WorkspacePackage } from './workspace';

const unresolved = (code: UnresolvedCode, reason: string): Unresolved => ({ kind: 'unresolved', code, reason });

export function diagnose(
  host: ProjectHost,
  configs: ProjectConfigs,
  project: ProjectConfig,
  specifier: string,
  importerDir: string,
  workspacePackage?: WorkspacePackage,
): Unresolved | PackageResolution {
  if (isRelativeSpecifier(specifier)) {
    const target = resolvePath(importerDir, specifier);
    if (host.fileExists(target)) return unresolved('not-a-module', `"${specifier}" is not a script, a declaration or JSON, so it is not followed`);
    return unresolved('not-found', `no file matches "${specifier}" from ${importerDir} (as written, with a script extension, or as a folder with an index file)`);
  }
  if (specifier.startsWith('#')) return diagnoseImports(configs, specifier, importerDir);

  const pattern = matchingPathsPattern(project, specifier);
  if (pattern) {
    const where = project.configFile ? relativePath(project.root, project.configFile) : 'the project config';
    const targets = (project.compilerOptions.paths?.[pattern] ?? []).join(', ');
    return unresolved('paths-target-missing', `"${specifier}" matches "${pattern}" in the paths of ${where}, but none of its targets (${targets}) has that file`);
  }
  const name = packageNameOf(specifier);
  if (!name) return unresolved('invalid-specifier', `"${specifier}" is not a valid package name`);
  const subpath = subpathOf(specifier, name);

  const pkg = workspacePackage?.packageJson ?? findInstalledPackage(host, configs, name, importerDir);
  if (!pkg) return unresolved('package-not-found', `package "${name}" is not installed: no node_modules folder above ${importerDir} has it`);
  if (pkg.exports !== undefined) {
    if (!exportsSubpath(pkg.exports, subpath)) {
      return unresolved('not-exported', `package "${name}" does not export "${subpath}": the "exports" of ${pkg.path} do not list it`);
    }
    return unresolved('not-found', `the "exports" of ${pkg.path} map "${subpath}" to a file that does not exist`);
  }
  const where = workspacePackage ? 'workspace package' : 'package';
  if (subpath !== '.') return unresolved('not-found', `${where} "${name}" has no file for "${subpath}" in ${pkg.dir}`);
  if (workspacePackage) return unresolved('not-found', `workspace package "${name}" names no entry that exists (its main, types, or an index file, built or in its sources)`);
  return { kind: 'package', package: { name, subpath, dir: host.realpath ? host.realpath(pkg.dir) : pkg.dir, workspace: false }, via: 'node_modules' };
}

function diagnoseImports(configs: ProjectConfigs, specifier: string, importerDir: string): Unresolved {
  // Node reads the nearest package.json, even one it cannot parse (then it fails).
  let nearest: PackageJsonRead | undefined;
  for (const dir of ancestors(importerDir)) if ((nearest = configs.packageJson(dir))) break;
  if (!nearest) return unresolved('not-imported', `"${specifier}" needs an "imports" entry in a package.json, and no package.json encloses ${importerDir}`);
  const scope = nearest.package;
  if (!scope) return unresolved('not-imported', `"${specifier}" needs the "imports" of ${nearest.path}, which cannot be read: ${nearest.problems[0]?.message ?? 'not a JSON object'}`);
  if (!scope.imports) return unresolved('not-imported', `${scope.path} has no "imports" field to map "${specifier}"`);
  const key = matchingSubpathKey(scope.imports, specifier);
  if (!key) return unresolved('not-imported', `the "imports" of ${scope.path} have no entry for "${specifier}"`);
  return unresolved('not-found', `the "imports" of ${scope.path} map "${specifier}" (entry "${key}") to a file that does not exist`);
}

/** The package.json of `name` in the nearest node_modules above the importer (or its `@types` package). */
function findInstalledPackage(host: ProjectHost, configs: ProjectConfigs, name: string, importerDir: string): PackageJson | undefined {
  const typesName = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
  for (const folder of ancestors(importerDir)) {
    for (const candidate of [name, typesName]) {
      const dir = joinPath(folder, 'node_modules', candidate);
      if (!host.directoryExists(dir)) continue;
      const pkg = configs.packageJson(dir)?.package;
      if (pkg) return pkg;
    }
  }
  return undefined;
}

/** The `paths` key that matches the specifier (exact, or `prefix*suffix`), as TypeScript would pick it. */
export function matchingPathsPattern(project: ProjectConfig, specifier: string): string | undefined {
  const paths = project.compilerOptions.paths;
  if (!paths) return undefined;
  if (Object.prototype.hasOwnProperty.call(paths, specifier)) return specifier;
  return bestPattern(Object.keys(paths), specifier);
}

/** Whether `exports` exposes the subpath (`.` or `./x`) to at least one condition. */
export function exportsSubpath(exports: unknown, subpath: string): boolean {
  if (typeof exports === 'string' || Array.isArray(exports)) return subpath === '.';
  if (!isObject(exports)) return false;
  const keys = Object.keys(exports);
  if (!keys.some((key) => key.startsWith('.'))) return subpath === '.'; // a conditions object: the root only
  const key = matchingSubpathKey(exports, subpath);
  return key !== undefined && exports[key] !== null;
}

/** Exact key first, then the `*` pattern with the longest prefix, then a legacy `./folder/` key. */
function matchingSubpathKey(map: Record<string, unknown>, request: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(map, request)) return request;
  return bestPattern(Object.keys(map), request) ?? Object.keys(map).find((key) => key.endsWith('/') && request.startsWith(key));
}

function bestPattern(keys: string[], request: string): string | undefined {
  let best: string | undefined;
  let bestPrefix = -1;
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (request.length >= key.length - 1 && request.startsWith(prefix) && request.endsWith(suffix) && prefix.length > bestPrefix) {
      best = key;
      bestPrefix = prefix.length;
    }
  }
  return best;
}
