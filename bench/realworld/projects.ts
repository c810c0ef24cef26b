/**
 * The study's projects: where their extracted trees live on this machine, which of
 * them are present at the pinned commit, and which of their files the analyzer reads.
 * The file list is computed here (not by the CLI's folder walk) so that the line
 * count in projects.json, the analysed files and the recall scan are the same set.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Project {
  /** Folder name under the real-world root, and the `project` column of the labels. */
  name: string;
  /** GitHub owner/name. */
  repo: string;
  /** The pinned commit every label refers to. */
  commit: string;
  /** Sub-paths of the project root that are analysed. */
  paths: string[];
  /** What kind of code it is, in a few words (for the README and the reader of the results). */
  kind: string;
  files: number;
  lines: number;
}

export interface Exclusions {
  /** Folder names never entered (tests, fixtures, build output, vendored code). */
  dirs: string[];
  /** File-name patterns (regular expressions) never read. */
  files: string[];
}

export interface ProjectsFile {
  exclude: Exclusions;
  projects: Project[];
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export function loadProjects(file: string): ProjectsFile {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ProjectsFile;
  if (!Array.isArray(data.projects) || !data.exclude) throw new Error(`${file}: expected { exclude, projects: [...] }`);
  return data;
}

/**
 * Where the extracted trees are: $CL_REALWORLD_DIR, else /work/realworld, else the
 * git-ignored .realworld/ folder of the repository (the first that exists).
 */
export function realworldRoot(env: Record<string, string | undefined>, repoRoot: string): string {
  if (env.CL_REALWORLD_DIR) return path.resolve(env.CL_REALWORLD_DIR);
  const candidates = ['/work/realworld', path.join(repoRoot, '.realworld')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[candidates.length - 1];
}

export type Presence =
  | { present: true; dir: string; verified: boolean }
  | { present: false; reason: string };

/**
 * A project counts when its folder holds every analysed sub-path. The commit is checked
 * where it can be: `.realworld-commit` (written by get-projects.sh) or a git checkout.
 * A tree at another commit is left out: the labels' line numbers would not fit it.
 */
export function findProject(root: string, project: Project): Presence {
  const dir = path.join(root, project.name);
  if (!fs.existsSync(dir)) return { present: false, reason: 'not present' };
  const missing = project.paths.filter((p) => !fs.existsSync(path.join(dir, p)));
  if (missing.length > 0) return { present: false, reason: `missing ${missing.join(', ')}` };
  const commit = checkedOutCommit(dir);
  if (commit !== null && commit !== project.commit) {
    return { present: false, reason: `at commit ${commit.slice(0, 10)}, labels are for ${project.commit.slice(0, 10)}` };
  }
  return { present: true, dir, verified: commit !== null };
}

function checkedOutCommit(dir: string): string | null {
  const marker = path.join(dir, '.realworld-commit');
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  const head = path.join(dir, '.git', 'HEAD');
  if (!fs.existsSync(head)) return null;
  const ref = fs.readFileSync(head, 'utf8').trim();
  if (!ref.startsWith('ref: ')) return ref;
  const refFile = path.join(dir, '.git', ref.slice(5));
  return fs.existsSync(refFile) ? fs.readFileSync(refFile, 'utf8').trim() : null;
}

/** The analysed files of a project, relative to its root with forward slashes, sorted. */
export function listSourceFiles(dir: string, project: Project, exclude: Exclusions): string[] {
  const skipDirs = new Set(exclude.dirs);
  const skipFiles = exclude.files.map((pattern) => new RegExp(pattern));
  const out: string[] = [];
  const walk = (relative: string): void => {
    const absolute = path.join(dir, relative);
    const stat = fs.statSync(absolute);
    if (stat.isFile()) {
      out.push(relative.split(path.sep).join('/'));
      return;
    }
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirs.has(entry.name)) walk(child);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !skipFiles.some((re) => re.test(entry.name))) {
        out.push(child.split(path.sep).join('/'));
      }
    }
  };
  for (const sub of project.paths) walk(sub);
  return [...new Set(out)].sort();
}

/** Lines as an editor counts them (a final newline does not start another line). */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}
