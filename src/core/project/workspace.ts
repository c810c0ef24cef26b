/**
 * Monorepo workspaces: npm's and yarn's `workspaces` in the root package.json (array or
 * `{ packages: [...] }`), and pnpm's `pnpm-workspace.yaml`. A workspace maps each
 * package's name to its folder, so `import '@org/ui'` can reach that package's sources
 * even when node_modules holds no link to it.
 *
 * pnpm-workspace.yaml is read with js-yaml: its `packages` list is plain YAML (quoted or
 * bare globs, comments, flow sequences) and a hand-rolled reader would trip on some of it.
 */
import { load } from 'js-yaml';
import { expandFolderGlobs } from './glob';
import type { ProjectHost } from './host';
import { isObject, type ConfigProblem, type PackageJson, type PackageJsonRead } from './packageJson';
import { ancestors, joinPath } from './paths';

export interface WorkspacePackage {
  name: string;
  /** The package's folder (absolute). */
  dir: string;
  packageJson: PackageJson;
}

export interface Workspace {
  /** The folder holding the workspace manifest. */
  root: string;
  /** `npm` covers yarn too: both read package.json `workspaces`. */
  kind: 'npm' | 'pnpm';
  /** The root package.json or the pnpm-workspace.yaml. */
  manifest: string;
  /** Sorted by name; a name is listed once. */
  packages: WorkspacePackage[];
  problems: ConfigProblem[];
}

type ReadPackage = (dir: string) => PackageJsonRead | undefined;

/**
 * The nearest folder at or above `dir` that declares a workspace. pnpm's file wins over
 * package.json `workspaces` in the same folder, as pnpm itself ignores the latter.
 */
export function findWorkspace(host: ProjectHost, dir: string, readPackage: ReadPackage): Workspace | undefined {
  for (const folder of ancestors(dir)) {
    const yamlPath = joinPath(folder, 'pnpm-workspace.yaml');
    const yaml = host.readFile(yamlPath);
    if (yaml !== undefined) {
      const { globs, problems } = parsePnpmWorkspace(yamlPath, yaml);
      return listPackages(host, folder, 'pnpm', yamlPath, globs, problems, readPackage);
    }
    const pkg = readPackage(folder)?.package;
    if (pkg?.workspaces) return listPackages(host, folder, 'npm', pkg.path, pkg.workspaces, [], readPackage);
  }
  return undefined;
}

export function parsePnpmWorkspace(file: string, text: string): { globs: string[]; problems: ConfigProblem[] } {
  if (text.trim() === '') return { globs: [], problems: [] };
  let doc: unknown;
  try {
    doc = load(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { globs: [], problems: [{ file, message: `not valid YAML (${reason})` }] };
  }
  if (doc === null || doc === undefined) return { globs: [], problems: [] };
  const packages = isObject(doc) ? doc.packages : undefined;
  if (packages === undefined || packages === null) return { globs: [], problems: [] };
  if (!Array.isArray(packages) || !packages.every((entry) => typeof entry === 'string')) {
    return { globs: [], problems: [{ file, message: '"packages" should be a list of folder globs' }] };
  }
  return { globs: packages as string[], problems: [] };
}

function listPackages(
  host: ProjectHost,
  root: string,
  kind: Workspace['kind'],
  manifest: string,
  globs: readonly string[],
  problems: ConfigProblem[],
  readPackage: ReadPackage,
): Workspace {
  const byName = new Map<string, WorkspacePackage>();
  for (const dir of expandFolderGlobs(host, root, globs)) {
    const read = readPackage(dir);
    if (!read) continue; // a matched folder without package.json is not a package
    problems.push(...read.problems);
    const pkg = read.package;
    if (!pkg?.name) continue; // nothing can import a package that has no name
    const earlier = byName.get(pkg.name);
    if (earlier) {
      problems.push({ file: pkg.path, message: `package name "${pkg.name}" is also used by ${earlier.packageJson.path}; the first one is used` });
      continue;
    }
    byName.set(pkg.name, { name: pkg.name, dir, packageJson: pkg });
  }
  const packages = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { root, kind, manifest, packages, problems };
}
