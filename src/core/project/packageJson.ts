/**
 * The package.json fields that decide where imports go. A malformed file or field is a
 * problem to report (with the file and the field named), never an exception: the rest of
 * the file is still used.
 */
import type { ProjectHost } from './host';
import { joinPath } from './paths';

export interface ConfigProblem {
  /** The configuration file at fault (absolute). */
  file: string;
  message: string;
  /** 1-based position in `file`, when the problem is at one place. */
  line?: number;
  column?: number;
}

export interface PackageJson {
  /** Absolute path of the package.json file. */
  path: string;
  /** Its folder: the package root. */
  dir: string;
  name?: string;
  version?: string;
  /** `"module"` makes `.js` files ES modules; anything else means CommonJS. */
  type?: 'module' | 'commonjs';
  main?: string;
  /** `types`, or the older `typings`. */
  types?: string;
  /** As written: a string, an array, a conditions object or a subpath map. */
  exports?: unknown;
  /** `#name` (or `#name/*`) -> target, as written. */
  imports?: Record<string, unknown>;
  /** Workspace globs from the array form or yarn's `{ packages: [...] }` form; negations keep their `!`. */
  workspaces?: string[];
}

export interface PackageJsonRead {
  /** The package.json file (absolute). */
  path: string;
  /** Undefined when the file does not parse as a JSON object. */
  package?: PackageJson;
  problems: ConfigProblem[];
}

/** Reads `<dir>/package.json`; undefined when there is none. */
export function readPackageJson(host: ProjectHost, dir: string): PackageJsonRead | undefined {
  const path = joinPath(dir, 'package.json');
  const text = host.readFile(path);
  if (text === undefined) return undefined;
  return parsePackageJson(path, dir, text);
}

export function parsePackageJson(path: string, dir: string, text: string): PackageJsonRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { path, problems: [{ file: path, message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` }] };
  }
  if (!isObject(raw)) return { path, problems: [{ file: path, message: 'should hold a JSON object' }] };

  const problems: ConfigProblem[] = [];
  const pkg: PackageJson = { path, dir };
  const stringField = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    problems.push({ file: path, message: `"${key}" should be a string` });
    return undefined;
  };
  pkg.name = stringField('name');
  pkg.version = stringField('version');
  const type = stringField('type');
  if (type === 'module' || type === 'commonjs') pkg.type = type;
  else if (type !== undefined) problems.push({ file: path, message: `"type" should be "module" or "commonjs", not "${type}"` });
  pkg.main = stringField('main');
  pkg.types = stringField('types') ?? stringField('typings');
  if (raw.exports !== undefined) pkg.exports = raw.exports;
  if (raw.imports !== undefined) {
    if (isObject(raw.imports)) pkg.imports = raw.imports;
    else problems.push({ file: path, message: '"imports" should be an object of "#name": target entries' });
  }
  if (raw.workspaces !== undefined) {
    const globs = workspaceGlobs(raw.workspaces);
    if (globs) pkg.workspaces = globs;
    else problems.push({ file: path, message: '"workspaces" should be an array of folder globs, or an object with a "packages" array' });
  }
  for (const key of Object.keys(pkg) as (keyof PackageJson)[]) if (pkg[key] === undefined) delete pkg[key];
  return { path, package: pkg, problems };
}

/** npm's and yarn's `["packages/*"]`, or yarn's `{ "packages": [...], "nohoist": [...] }`. */
function workspaceGlobs(value: unknown): string[] | undefined {
  const list = isObject(value) ? value.packages : value;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) return undefined;
  return list as string[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
