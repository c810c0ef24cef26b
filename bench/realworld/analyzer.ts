/**
 * The one place that runs the analyzer on a project: the CLI in project mode (its default),
 * with JSON output, so a call into another file of the project is judged by what the callee
 * does. The CLI reads the files the listed ones import even when they are not listed (and
 * even when they are in another chunk), so chunking changes how often a shared helper is
 * read, never a finding.
 *
 * Results are cached per project under the real-world root, keyed by the CLI bundle's
 * content, the commit and the file list, so judging (`--sample`) does not wait minutes
 * for an unchanged analyzer.
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Project } from './projects';

export type Severity = 'info' | 'warning' | 'error';

export interface Finding {
  project: string;
  /** Relative to the project root, forward slashes. */
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Files the CLI did not analyse (parse errors, skipped, unreadable), with why. */
  notAnalysed: string[];
  fromCache: boolean;
}

interface JsonReport {
  files: { path: string; parseError: { message: string } | null; findings: Omit<Finding, 'project' | 'path'>[] }[];
}

/**
 * Files per CLI call: keeps the command line far below the system's argument limit
 * (2,000 paths of ~60 bytes is ~120 kB, against Linux's 2 MB) while keeping most
 * projects to one call, so each file is parsed once.
 */
const CHUNK = 2000;

/** The command line, relative to the project root. The only place that says how the analyzer is called. */
export function cliArguments(cli: string, files: string[], preset: string): string[] {
  return [cli, '--format', 'json', '--fail-on', 'none', '--preset', preset, ...files];
}

export function analyzeProject(cli: string, project: Project, dir: string, files: string[], cacheDir: string | null, preset: string): AnalysisResult {
  const key = cacheKey(cli, project, files, preset);
  const cacheFile = cacheDir === null ? null : path.join(cacheDir, `${project.name}-${key}.json`);
  if (cacheFile !== null && fs.existsSync(cacheFile)) {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Omit<AnalysisResult, 'fromCache'>;
    return { ...cached, fromCache: true };
  }
  const findings: Finding[] = [];
  const notAnalysed: string[] = [];
  for (let i = 0; i < files.length; i += CHUNK) {
    const run = spawnSync(process.execPath, cliArguments(cli, files.slice(i, i + CHUNK), preset), {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (run.error) throw new Error(`${project.name}: could not run the CLI: ${run.error.message}`);
    // Exit 2 means some file could not be read; the JSON still covers the rest.
    if (run.status !== 0 && run.status !== 2) {
      throw new Error(`${project.name}: the CLI exited with ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    }
    // A project's own configuration file that is invalid stops the CLI before any report.
    if (run.stdout.trim() === '') throw new Error(`${project.name}: the CLI printed no report: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    for (const file of report.files) {
      if (file.parseError) notAnalysed.push(`${file.path}: parse error: ${file.parseError.message}`);
      for (const f of file.findings) {
        findings.push({ project: project.name, path: file.path, line: f.line, column: f.column, rule: f.rule, severity: f.severity, message: f.message });
      }
    }
    notAnalysed.push(...run.stderr.split('\n').filter((l) => /skipped|not analysed|cannot|internal error/.test(l)));
  }
  // An imported file that cannot be read is named by every chunk that imports it.
  const result = { findings, notAnalysed: [...new Set(notAnalysed)] };
  if (cacheFile !== null && cacheDir !== null) {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheFile, JSON.stringify(result));
  }
  return { ...result, fromCache: false };
}

function cacheKey(cli: string, project: Project, files: string[], preset: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(preset);
  hash.update(fs.readFileSync(cli));
  // dist/cli.js is a small launcher; the analysis lives in the bundle beside it, which must key the cache too.
  const bundle = path.join(path.dirname(cli), 'cliMain.js');
  if (fs.existsSync(bundle)) hash.update(fs.readFileSync(bundle));
  hash.update(project.commit);
  hash.update(files.join('\n'));
  return hash.digest('hex').slice(0, 16);
}
