/**
 * Where a workspace package's build output comes from. A package.json points its `main`,
 * `types` and `exports` into the build output (`dist/index.js`), which may be stale or
 * not built at all; the analysis wants the sources it is built from (`src/index.ts`).
 *
 * The layout comes from the package's own tsconfig (`outDir`, `declarationDir`, `rootDir`;
 * tsconfig.json, else tsconfig.build.json or tsconfig.lib.json, the usual names of a
 * package's build config). Without one, the usual conventions: output in `dist`, `build`,
 * `lib` or `out`, sources in `src`. Output split by format (`dist/esm`, `dist/cjs`,
 * `dist/types`) maps to the same sources.
 */
import type { ProjectConfigs } from './config';
import type { ProjectHost } from './host';
import { isDeclarationFile } from './resolution';
import { isWithin, joinPath, normalizePath } from './paths';

export interface SourceLayout {
  /** The folder the sources live in; undefined when the package has none we can find. */
  sourceRoot?: string;
  /** Folders holding build output, longest first. */
  outRoots: string[];
}

const BUILD_CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'tsconfig.lib.json'];
const CONVENTIONAL_OUT_DIRS = ['dist', 'build', 'lib', 'out'];
/** Sub-folders that build tools split output into by module format. */
const FORMAT_DIRS = new Set(['esm', 'cjs', 'mjs', 'es', 'commonjs', 'module', 'types']);

export function readSourceLayout(host: ProjectHost, configs: ProjectConfigs, packageDir: string): SourceLayout {
  for (const name of BUILD_CONFIGS) {
    const file = joinPath(packageDir, name);
    if (!host.fileExists(file)) continue;
    const options = configs.compilerConfig(file).options;
    const outRoots = [options.outDir, options.declarationDir].filter((dir): dir is string => typeof dir === 'string').map(normalizePath);
    if (outRoots.length === 0) continue;
    const srcFolder = joinPath(packageDir, 'src');
    const sourceRoot = options.rootDir ? normalizePath(options.rootDir) : host.directoryExists(srcFolder) ? srcFolder : packageDir;
    return tidy(sourceRoot, outRoots);
  }
  const srcFolder = joinPath(packageDir, 'src');
  if (!host.directoryExists(srcFolder)) return { outRoots: [] };
  return tidy(srcFolder, CONVENTIONAL_OUT_DIRS.map((dir) => joinPath(packageDir, dir)));
}

/** Output folders that hold the sources themselves (outDir "." or an outDir above rootDir) map nothing. */
function tidy(sourceRoot: string, outRoots: string[]): SourceLayout {
  const kept = [...new Set(outRoots)].filter((out) => !isWithin(sourceRoot, out) && !isWithin(out, sourceRoot));
  return { sourceRoot, outRoots: kept.sort((a, b) => b.length - a.length) };
}

/**
 * The source paths a build-output path may come from, most likely first: `dist/a/b.js`
 * -> `src/a/b.js`, and `dist/esm/a.js` -> `src/esm/a.js`, `src/a.js`. The extension is
 * left alone: the resolver probes `.ts` and friends itself. Empty outside the output.
 */
export function sourceCandidates(layout: SourceLayout, path: string): string[] {
  if (!layout.sourceRoot) return [];
  const out = layout.outRoots.find((root) => isWithin(path, root));
  if (!out) return [];
  if (path === out) return [layout.sourceRoot];
  const rest = path.slice(out.length + 1);
  const candidates = [joinPath(layout.sourceRoot, rest)];
  const slash = rest.indexOf('/');
  if (slash !== -1 && FORMAT_DIRS.has(rest.slice(0, slash))) candidates.push(joinPath(layout.sourceRoot, rest.slice(slash + 1)));
  return candidates;
}

/**
 * What a package file stands for when its sources replace its output: the source file
 * when one exists; nothing for a built declaration whose package has sources (so
 * resolution moves on to the JavaScript condition, whose sources exist); else the file.
 */
export function sourceFor(host: ProjectHost, layout: SourceLayout, path: string): string | undefined {
  const candidates = sourceCandidates(layout, path);
  for (const candidate of candidates) if (host.fileExists(candidate)) return candidate;
  if (candidates.length > 0 && isDeclarationFile(path) && layout.sourceRoot && host.directoryExists(layout.sourceRoot)) return undefined;
  return host.fileExists(path) ? path : undefined;
}

/** A folder of the output exists when it or its source folder does (unbuilt packages have no `dist`). */
export function folderExists(host: ProjectHost, layout: SourceLayout, path: string): boolean {
  return host.directoryExists(path) || sourceCandidates(layout, path).some((candidate) => host.directoryExists(candidate));
}
