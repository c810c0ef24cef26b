/**
 * What resolving one import specifier gives: plain JSON data, so it can be cached,
 * sent between threads and compared in tests. See resolve.ts for how it is decided.
 */

/** Which conditions package `exports`/`imports` are read with: `import`/`import()` or `require()`. */
export type ImportMode = 'import' | 'require';

/** How the specifier reached its target. */
export type ResolvedVia =
  /** `./x`, `../x` or an absolute path. */
  | 'relative'
  /** tsconfig/jsconfig `paths` or `baseUrl`. */
  | 'paths'
  /** package.json `imports` (`#internal`). */
  | 'imports'
  /** A package of the importer's workspace, by name, mapped to its sources. */
  | 'workspace'
  /** A package found in node_modules. */
  | 'node_modules';

export interface PackageRef {
  /** `lodash`, `@org/ui`; for `@types/x` the package it describes (`x`). */
  name: string;
  /**
   * `.` for the package itself, `./fp` for `lodash/fp`. When the specifier did not name
   * the package (a `#import` mapped into node_modules), the file's path inside the package.
   */
  subpath: string;
  /** The package's folder: the real one for a linked package (pnpm, npm link, workspaces). */
  dir: string;
  /** True for a package of the importer's workspace. */
  workspace: boolean;
}

/** A source file: `.ts .tsx .mts .cts .js .jsx .mjs .cjs`. */
export interface SourceResolution {
  kind: 'source';
  file: string;
  via: ResolvedVia;
  /** Set when the specifier named a package (always a workspace package here). */
  package?: PackageRef;
}

/** A declaration file (`.d.ts`, `.d.mts`, `.d.cts`): a package's types, or a project's own. */
export interface DeclarationResolution {
  kind: 'declaration';
  file: string;
  via: ResolvedVia;
  package?: PackageRef;
}

/** A package in node_modules without declarations; `file` is its JavaScript entry when one was found. */
export interface PackageResolution {
  kind: 'package';
  package: PackageRef;
  file?: string;
  via: ResolvedVia;
}

export interface BuiltinResolution {
  kind: 'builtin';
  /** Without the `node:` prefix: `fs`, `fs/promises`, `test`. */
  module: string;
}

export interface JsonResolution {
  kind: 'json';
  file: string;
  via: ResolvedVia;
}

export type UnresolvedCode =
  /** Empty, a URL (`https:`, `data:`), or a malformed package name; or the importer is not an absolute path. */
  | 'invalid-specifier'
  /** `node:` followed by something Node does not have. */
  | 'unknown-builtin'
  /** A path, or a subpath of a package, where no file exists. */
  | 'not-found'
  /** A file exists but is not code or JSON (`./style.css`): something a bundler handles. */
  | 'not-a-module'
  /** The specifier matches a tsconfig `paths` pattern, but none of its targets exists. */
  | 'paths-target-missing'
  /** A `#name` with no matching package.json `imports` entry. */
  | 'not-imported'
  /** The package's `exports` does not expose the subpath. */
  | 'not-exported'
  /** No node_modules above the importer holds the package, and no workspace package has its name. */
  | 'package-not-found'
  /** The resolver itself failed (a bug): the reason carries its message. */
  | 'resolver-error';

export interface Unresolved {
  kind: 'unresolved';
  code: UnresolvedCode;
  /** A sentence for the user, naming the file or setting at fault. */
  reason: string;
}

export type Resolution =
  | SourceResolution
  | DeclarationResolution
  | PackageResolution
  | BuiltinResolution
  | JsonResolution
  | Unresolved;

export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** `.d.ts`, `.d.mts`, `.d.cts`, and `.d.css.ts`-style arbitrary-extension declarations. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.([^/.]+\.)?[mc]?ts$/.test(path);
}

export function isSourceFile(path: string): boolean {
  return !isDeclarationFile(path) && SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** `lodash/fp` -> `lodash`, `@org/ui/button` -> `@org/ui`; undefined for a malformed name. */
export function packageNameOf(specifier: string): string | undefined {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? (parts.length >= 2 && parts[1] !== '' ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
  return name && name !== '@' && !name.startsWith('.') ? name : undefined;
}

/** The part after the package name, as an `exports` key: `.` or `./fp`. */
export function subpathOf(specifier: string, name: string): string {
  const rest = specifier.slice(name.length);
  return rest === '' || rest === '/' ? '.' : `.${rest}`;
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || /^[A-Za-z]:\//.test(specifier);
}
