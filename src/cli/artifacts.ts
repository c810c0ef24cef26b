/**
 * The files --html and --trace write (CI artefacts), apart from stdout. Building the
 * contents is pure (pages, tracePayload); only writeArtifact touches the disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FixPreview } from '../core/fixPreview';
import { previewFix } from '../core/report';
import type { FunctionReport, Report } from '../core/reportTypes';
import { clampCores, timelineToTrace, type Timeline, type TraceFile } from '../core/simulate';
import type { TimelinePayload } from '../protocol';
import { standaloneTimelineHtml } from '../webviewHtml';
import { isNamed } from './timelines';
import type { AnalyzedFile } from './types';
import { describeFsError } from './walk';

/** The renderer the VS Code webview uses, inlined into every standalone page. */
export interface PageAssets {
  script: string;
  style: string;
}

/**
 * dist/webview.js and media/timeline.css, found next to the running bundle (dist/cli.js)
 * at run time: they are build outputs and shipped files, not something to inline twice.
 */
export function loadPageAssets(distDir: string): PageAssets | { error: string } {
  const scriptPath = path.join(distDir, 'webview.js');
  const stylePath = path.join(distDir, '..', 'media', 'timeline.css');
  try {
    return { script: fs.readFileSync(scriptPath, 'utf8'), style: fs.readFileSync(stylePath, 'utf8') };
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).path ?? scriptPath;
    return { error: `--html needs ${missing} (${describeFsError(err)}); run npm run build first` };
  }
}

export interface Page {
  /** As shown to the user: the --html value, or derived from it. */
  file: string;
  html: string;
}

/**
 * One page per analysed file, since a page shows one file's functions. A single input
 * file gets exactly the name given; several get `<name>-<file path>.html` each (see
 * derivedNames), so a CI job can upload a folder of pages without them overwriting one
 * another. The names depend only on which files were found, never on which of them
 * parsed, so they stay predictable. Unanalysed files (parse error, skipped) have nothing
 * to draw and get no page; their reason is reported with the results.
 */
export function pages(files: readonly AnalyzedFile[], target: string, cores: number, assets: PageAssets): Page[] {
  const names = files.length === 1 ? [target] : derivedNames(target, files.map((file) => file.path));
  return files
    .map((file, index) => ({ file, name: names[index] }))
    .filter(({ file }) => !file.report.parseError && !file.report.skipped)
    .map(({ file, name }) => ({
      file: name,
      html: standaloneTimelineHtml({
        script: assets.script,
        style: assets.style,
        payload: payloadOf(file, cores),
        title: `Concurrency Lens: ${file.path}`,
      }),
    }));
}

export function payloadOf(file: AnalyzedFile, cores: number): TimelinePayload {
  const { report } = file;
  return {
    fileName: file.path,
    // The page only echoes uri back in 'reveal' messages, which have no editor to go to
    // here; the relative path keeps the machine's absolute paths out of a shared artefact.
    uri: file.path,
    functions: report.functions,
    findings: report.findings,
    selectedFunctionId: selectedFunction(report),
    cores: clampCores(cores),
    stale: null,
    ...(report.imported ? { imported: report.imported } : {}),
    // A standalone page has no extension to ask: every quick fix's after-fix analysis goes in with it.
    previews: previewsOf(file),
  };
}

function previewsOf(file: AnalyzedFile): Record<string, FixPreview> {
  const out: Record<string, FixPreview> = {};
  for (const finding of file.report.findings) {
    const preview = finding.fixes.length > 0 ? previewFix(file.text, { fileName: file.path }, file.report, finding) : null;
    if (preview) out[preview.key] = preview;
  }
  return out;
}

/** What the page shows first: the first function with a finding, else the first named one. */
export function selectedFunction(report: Pick<Report, 'functions' | 'findings'>): number {
  const withFinding = new Set(report.findings.map((finding) => finding.functionId));
  const pick = (test: (fn: FunctionReport) => boolean) => report.functions.find(test)?.id;
  return pick((fn) => withFinding.has(fn.id)) ?? pick(isNamed) ?? report.functions[0]?.id ?? 0;
}

/**
 * `out.html` + [`src/a.ts`, `src/b/c.ts`] -> `out-a.ts.html`, `out-b_c.ts.html`: the folders
 * every file shares (and `..`) say nothing, the rest of the path keeps the names apart.
 * Names that still clash after sanitising (`a/b.ts`, `a_b.ts`) get `-2`, `-3`...
 */
export function derivedNames(target: string, filePaths: readonly string[]): string[] {
  const base = target.replace(/\.html?$/i, '');
  const parts = filePaths.map((filePath) => filePath.split('/'));
  let shared = 0;
  // Folders only: a file's own name is never part of the shared prefix.
  while (parts.every((p) => p.length - 1 > shared && p[shared] === parts[0][shared])) shared++;
  const used = new Set<string>();
  return parts.map((p) => {
    const rest = p.slice(shared).filter((part) => part !== '..' && part !== '.');
    const stem = `${base}-${rest.join('_').replace(/[^A-Za-z0-9._-]/g, '_')}`;
    let name = `${stem}.html`;
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}.html`;
    used.add(name);
    return name;
  });
}

/**
 * All functions of all files in one trace: each function is a process named
 * `name (path:line)` (two files both have a `<module>`), each lane a thread.
 */
export function tracePayload(files: readonly AnalyzedFile[], timelines: readonly (readonly Timeline[])[]): TraceFile {
  const named = files.flatMap((file, f) =>
    file.report.functions.map((fn, i) => ({ ...timelines[f][i], name: `${fn.name} (${file.path}:${fn.line})` })),
  );
  return timelineToTrace(named);
}

/** Writes one artefact relative to cwd, creating its folder; the reason on failure. */
export function writeArtifact(cwd: string, file: string, contents: string): string | null {
  const absolute = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, contents);
    return null;
  } catch (err) {
    return describeFsError(err);
  }
}
