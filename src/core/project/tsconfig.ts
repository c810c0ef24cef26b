/**
 * Reads a tsconfig.json or jsconfig.json with TypeScript's own reader, so comments,
 * trailing commas, `extends` (relative, package-based such as `@tsconfig/node20/tsconfig.json`,
 * and arrays), `${configDir}` and every option's defaults behave exactly as in `tsc` and the
 * editor. Files are reached only through the ProjectHost; the include globs are not
 * expanded (nothing here needs the file list, and walking the tree is the slow part).
 */
import * as ts from 'typescript';
import type { ProjectHost } from './host';
import type { ConfigProblem } from './packageJson';
import { dirName, normalizePath, resolvePath } from './paths';

export interface CompilerConfig {
  /** The config file (absolute). */
  file: string;
  /** The options after `extends`, with paths made absolute by TypeScript. */
  options: ts.CompilerOptions;
  /** Config files named in `references` (absolute). */
  references: string[];
  /** Files listed in `files` (absolute), and folders whose files `include` takes. */
  covers: { files: string[]; folders: { path: string; recursive: boolean }[] };
  /** Syntax errors, unknown options, a missing or circular `extends`, ... (the rest is still used). */
  problems: ConfigProblem[];
}

/** Shared between configs so a common base is parsed once. */
export type ExtendedConfigCache = Map<string, ts.ExtendedConfigCacheEntry>;

/** TypeScript's "No inputs were found": a consequence of not expanding the globs, not a problem. */
const NO_INPUTS = 18003;

export function readCompilerConfig(host: ProjectHost, file: string, extendedCache: ExtendedConfigCache): CompilerConfig {
  const parseHost: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (path) => host.fileExists(path),
    readFile: (path) => host.readFile(path),
    directoryExists: (path) => host.directoryExists(path),
    realpath: host.realpath ? (path) => host.realpath!(path) : undefined,
  };
  const problems: ConfigProblem[] = [];
  const text = host.readFile(file);
  if (text === undefined) {
    return { file, options: {}, references: [], covers: { files: [], folders: [] }, problems: [{ file, message: 'cannot be read' }] };
  }
  // The first syntax error, with its position; TypeScript's reader recovers and goes on.
  const syntax = ts.parseConfigFileTextToJson(file, text).error;
  if (syntax) problems.push(toProblem(syntax, file));

  let parsed: ts.ParsedCommandLine;
  try {
    // The syntax-tree form of the reader, so option errors carry their line and column too.
    const tree = ts.parseJsonText(file, text);
    parsed = ts.parseJsonSourceFileConfigFileContent(tree, parseHost, dirName(file), undefined, file, undefined, undefined, extendedCache);
  } catch (err) {
    // TypeScript's reader does not throw on bad input that we know of; if it ever does, the file is still only a problem.
    problems.push({ file, message: `could not be read by TypeScript (${err instanceof Error ? err.message : String(err)})` });
    return { file, options: {}, references: [], covers: { files: [], folders: [] }, problems };
  }
  for (const diagnostic of parsed.errors) {
    if (diagnostic.code !== NO_INPUTS) problems.push(toProblem(diagnostic, file));
  }
  const folders = Object.entries(parsed.wildcardDirectories ?? {}).map(([path, flags]) => ({
    path: normalizePath(path),
    recursive: (flags & ts.WatchDirectoryFlags.Recursive) !== 0,
  }));
  return {
    file,
    options: checkPaths(parsed.options, file, problems),
    references: (parsed.projectReferences ?? []).map((ref) => referencedConfig(host, normalizePath(ref.path))),
    covers: { files: [...parsed.fileNames, ...literalIncludes(parsed.raw, dirName(file))].map(normalizePath), folders },
    problems: dedupe(problems),
  };
}

/**
 * TypeScript checks the shape of `paths` only when it builds a program, and its resolver
 * assumes the shape is right: a string where a list belongs would throw. Malformed entries
 * are dropped here, each reported.
 */
function checkPaths(options: ts.CompilerOptions, file: string, problems: ConfigProblem[]): ts.CompilerOptions {
  const paths: unknown = options.paths;
  if (paths === undefined) return options;
  if (!isPlainObject(paths)) {
    problems.push({ file, message: '"paths" should be an object of pattern: [targets] entries; it is ignored' });
    return { ...options, paths: undefined };
  }
  const kept: ts.MapLike<string[]> = {};
  for (const [pattern, targets] of Object.entries(paths)) {
    if (Array.isArray(targets) && targets.length > 0 && targets.every((target) => typeof target === 'string')) kept[pattern] = targets;
    else problems.push({ file, message: `"paths" entry "${pattern}" should be a non-empty list of strings; it is ignored` });
  }
  return { ...options, paths: kept };
}

/**
 * `"include": ["vite.config.ts"]` names a file without a wildcard: TypeScript lists it
 * neither among the watched folders nor (the globs not being expanded) among the files.
 */
function literalIncludes(raw: unknown, base: string): string[] {
  const include = isPlainObject(raw) && Array.isArray(raw.include) ? raw.include : [];
  return include
    .filter((spec): spec is string => typeof spec === 'string' && !/[*?]/.test(spec) && /\.[cm]?[jt]sx?$/.test(spec))
    .map((spec) => resolvePath(base, spec));
}

/** A reference names a config file or a folder holding a tsconfig.json. */
function referencedConfig(host: ProjectHost, path: string): string {
  return path.endsWith('.json') && host.fileExists(path) ? path : `${path}/tsconfig.json`;
}

function toProblem(diagnostic: ts.Diagnostic, fallbackFile: string): ConfigProblem {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file) return { file: fallbackFile, message };
  const problem: ConfigProblem = { file: normalizePath(diagnostic.file.fileName), message };
  if (diagnostic.start !== undefined) {
    const { line, character } = ts.getLineAndCharacterOfPosition(diagnostic.file, diagnostic.start);
    problem.line = line + 1;
    problem.column = character + 1;
  }
  return problem;
}

/** An extended base shared by several configs reports the same error once per reader. */
function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
