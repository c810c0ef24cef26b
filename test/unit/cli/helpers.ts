/**
 * Shared test helpers: hand-built reports (so formatter tests do not depend on which
 * rules are implemented yet), temporary folders, and a runner for the built CLI.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, FunctionReport, Report } from '../../../src/core/reportTypes';
import type { AnalyzedFile } from '../../../src/cli/types';

/** out/test/unit/cli -> the repository root. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

export function makeFunction(overrides: Partial<FunctionReport> = {}): FunctionReport {
  return {
    id: 1,
    name: 'work',
    kind: 'function',
    async: false,
    quadrant: 'sequential',
    parallelFraction: 0,
    parentId: 0,
    line: 1,
    column: 1,
    endLine: 3,
    endColumn: 2,
    start: 0,
    end: 40,
    evidence: [],
    segments: [],
    ...overrides,
  };
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'async-foreach',
    severity: 'error',
    message: 'forEach drops the promises its async callback returns.',
    line: 2,
    column: 3,
    endLine: 2,
    endColumn: 20,
    related: [],
    fixes: [],
    functionId: 1,
    ...overrides,
  };
}

export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    version: 1,
    fileName: 'src/a.ts',
    parseError: null,
    skipped: null,
    quadrant: 'sequential',
    functions: [],
    findings: [],
    ...overrides,
  };
}

export function makeFile(filePath: string, report: Partial<Report> = {}, text = ''): AnalyzedFile {
  return { path: filePath, text, report: makeReport({ fileName: filePath, ...report }) };
}

/** A fresh folder holding `files` (path -> contents); removed by the caller via removeTempDir. */
export function makeTempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'concurrency-lens-cli-')));
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled CLI the way a user would. Colour variables are cleared so output is
 * plain unless a test sets them; `env` adds to or overrides that.
 */
export function runBuiltCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before these tests`);
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
