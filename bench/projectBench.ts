/**
 * The project row of `npm run bench` (issue 8): whole-project analysis of a real JavaScript
 * project that every checkout has, undici's `lib` (copied out of node_modules, so neither
 * tool skips it as a dependency), against ESLint 9 with the typescript-eslint parser running
 * the four core rules nearest to ours. Both are timed as whole processes (start-up, reading,
 * parsing, output), alternating, the median of each reported.
 *
 * ESLint is a devDependency for this measurement only.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measureIndex, type IndexFigures } from './indexBench';
import { median } from './stats';

/** The nearest ESLint core rules to ours. */
export const ESLINT_RULES = ['no-await-in-loop', 'require-await', 'no-async-promise-executor', 'no-promise-executor-return'];

export interface ProjectRow {
  project: string;
  files: number;
  lines: number;
  runs: number;
  lensMs: number;
  eslintMs: number;
  /** lensMs / eslintMs; the target is at most 0.5. */
  ratio: number;
  lensFindings: number;
  eslintMessages: number;
  /** The extension's project index on the same files: memory and incremental re-analysis. */
  index: IndexFigures | { skipped: string };
}

export type ProjectMeasurement = { kind: 'row'; row: ProjectRow } | { kind: 'skipped'; reason: string };

export function measureProject(repoRoot: string, cli: string, runs: number): ProjectMeasurement {
  const source = path.join(repoRoot, 'node_modules', 'undici', 'lib');
  if (!fs.existsSync(source)) return { kind: 'skipped', reason: `${source} is missing (run npm ci)` };
  let eslintBin: string;
  let parser: string;
  try {
    eslintBin = path.join(path.dirname(require.resolve('eslint/package.json', { paths: [repoRoot] })), 'bin', 'eslint.js');
    parser = require.resolve('@typescript-eslint/parser', { paths: [repoRoot] });
  } catch {
    return { kind: 'skipped', reason: 'eslint or @typescript-eslint/parser is not installed (run npm ci)' };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concurrency-lens-bench-'));
  try {
    fs.cpSync(source, path.join(dir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"undici-lib-copy","private":true}\n');
    const rules = Object.fromEntries(ESLINT_RULES.map((rule) => [rule, 'error']));
    fs.writeFileSync(
      path.join(dir, 'eslint.config.js'),
      `module.exports = [{ files: ['**/*.js'], languageOptions: { parser: require(${JSON.stringify(parser)}), ecmaVersion: 'latest', sourceType: 'commonjs' }, rules: ${JSON.stringify(rules)} }];\n`,
    );
    const files = listJs(path.join(dir, 'lib'));
    const lines = files.reduce((sum, file) => sum + fs.readFileSync(file, 'utf8').split('\n').length, 0);
    const lens = () => run([cli, '--format', 'json', '--fail-on', 'none', 'lib'], dir);
    const eslint = () => run([eslintBin, '--format', 'json', 'lib'], dir);
    // One untimed run each: the file cache warm for both, whichever goes first.
    const lensOut = JSON.parse(lens().stdout) as { files: { findings: unknown[] }[] };
    const eslintOut = JSON.parse(eslint().stdout) as { messages: unknown[] }[];
    const lensTimes: number[] = [];
    const eslintTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      lensTimes.push(lens().ms);
      eslintTimes.push(eslint().ms);
    }
    const lensMs = median(lensTimes);
    const eslintMs = median(eslintTimes);
    return {
      kind: 'row',
      row: {
        project: 'undici/lib',
        files: files.length,
        lines,
        runs,
        lensMs,
        eslintMs,
        ratio: lensMs / eslintMs,
        lensFindings: lensOut.files.reduce((sum, file) => sum + file.findings.length, 0),
        eslintMessages: eslintOut.reduce((sum, file) => sum + file.messages.length, 0),
        index: measureIndex(dir, files, Math.max(runs, 5)),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(args: string[], cwd: string): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  // ESLint exits 1 when it reports something; anything else is a broken run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${path.basename(args[0])} exited with ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return { ms, stdout: result.stdout };
}

function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full));
    else if (/\.[cm]?js$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

export function printProjectRow(measured: ProjectMeasurement, cores: number): void {
  console.log('\n### Whole project: Concurrency Lens vs ESLint 9 (typescript-eslint parser, four core rules)\n');
  if (measured.kind === 'skipped') {
    console.log(`skipped: ${measured.reason}`);
    return;
  }
  const r = measured.row;
  const target = r.ratio <= 0.5 ? '✓' : '✗';
  console.log('| project | files | lines | concurrency-lens ms (median) | eslint ms (median) | ratio (target ≤ 0.5) | runs | lens findings | eslint messages |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  console.log(`| ${r.project} | ${r.files} | ${r.lines.toLocaleString('en-US')} | ${Math.round(r.lensMs)} | ${Math.round(r.eslintMs)} | ${r.ratio.toFixed(2)}× ${target} | ${r.runs} | ${r.lensFindings} | ${r.eslintMessages} |`);
  console.log(`\nWhole-process wall time on ${cores} cores, alternating runs after one untimed run of each; ESLint rules: ${ESLINT_RULES.join(', ')}.`);
  printIndex(r.index);
}

function printIndex(index: ProjectRow['index']): void {
  console.log('\n### The editor\'s project index on the same files\n');
  if ('skipped' in index) {
    console.log(`skipped: ${index.skipped}`);
    return;
  }
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
  const target = index.ratio <= 2 ? '✓' : '✗';
  console.log('| index entries | index heap | index on disk | edited file | lines | importers | single-file ms | incremental ms | ratio (target ≤ 2) | importers re-analysed ms | runs |');
  console.log('|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|');
  console.log(
    `| ${index.entries} | ${kb(index.heapBytes)} | ${kb(index.storedBytes)} | ${index.edited} | ${index.lines} | ${index.importers} | ${index.singleMs.toFixed(1)} | ${index.incrementalMs.toFixed(1)} | ${index.ratio.toFixed(2)}× ${target} | ${index.importersMs.toFixed(0)} | ${index.runs} |`,
  );
  console.log(
    '\nIn process, warm (medians after 3 warm-up runs). Incremental: the edited file re-analysed with its imports from the index (what the editor waits for) against the same file analysed alone; the importers (re-analysed later, debounced, only if open) timed apart. Index heap: the host\'s SummaryIndex after GC; the worker holds a copy too.',
  );
}
