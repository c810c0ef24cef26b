/**
 * `npm run bench`: how much does full analysis cost on top of parsing?
 * For generated files of growing size and for every file in examples/, the
 * median time of (a) the bare typescript-estree parse (parseSource, the same
 * options analyze uses) and (b) analyze(). A measurement, not a test: it never
 * fails the build; it prints a Markdown table (or JSON with --json).
 *
 *   node dist/bench.js [--sizes 1000,5000] [--runs N] [--warmup N]
 *                      [--examples DIR] [--budget SECONDS] [--json]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseSource } from '../src/core/parse';
import { analyze } from '../src/core/report';
import { countLines, generateSource } from './generate';
import { printMarkdown, type BenchResult, type Growth, type GrowthFit } from './format';
import { measureProject, printProjectRow, type ProjectMeasurement } from './projectBench';
import { describeSlope, findGc, logLogSlope, median, timeMs } from './stats';

export const TARGET_RATIO = 1.3;

const USAGE = `usage: node dist/bench.js [--sizes 1000,5000,20k] [--runs 7] [--warmup 2]
                         [--examples examples] [--budget 25] [--json]
  --sizes     generated file sizes in lines (default 1000,5000,20000,50000)
  --runs      timed runs per input; the median is reported (default 7; up to
              10x for inputs under ~150 ms, fewer for huge ones: see --budget)
  --warmup    untimed runs first, so V8 has optimised both paths (default 2;
              tiny inputs keep warming up to 20x that, for ~250 ms)
  --examples  folder of real files to measure too (default examples; skipped if absent)
  --budget    seconds per input; big inputs get fewer runs, never under 3 (default 25)
  --project-runs  timed runs of the whole-project comparison with ESLint (default 5;
              0 leaves it out)
  --json      machine-readable results instead of the Markdown table`;

interface Options {
  sizes: number[];
  runs: number;
  warmup: number;
  examplesDir: string;
  /** Seconds of measuring allowed per input; big inputs get fewer runs (never fewer than 3). */
  budget: number;
  /** Timed runs of the whole-project row; 0 leaves it out. */
  projectRuns: number;
  json: boolean;
}

interface Input {
  name: string;
  kind: 'generated' | 'example';
  fileName: string;
  text: string;
}

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [1000, 5000, 20000, 50000], runs: 7, warmup: 2, examplesDir: 'examples', budget: 25, projectRuns: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') o.sizes = value().split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--warmup') o.warmup = Number(value());
    else if (a === '--examples') o.examplesDir = value();
    else if (a === '--budget') o.budget = Number(value());
    else if (a === '--project-runs') o.projectRuns = Number(value());
    else if (a === '--json') o.json = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  const bad = o.sizes.find((n) => !Number.isInteger(n) || n < 20);
  if (bad !== undefined) throw new Error(`--sizes: ${bad} is not a line count >= 20`);
  if (!(o.runs >= 1) || !(o.warmup >= 0) || !(o.budget > 0)) throw new Error('--runs >= 1, --warmup >= 0, --budget > 0');
  if (!Number.isInteger(o.projectRuns) || o.projectRuns < 0) throw new Error('--project-runs must be a whole number >= 0');
  return o;
}

/** Source files under dir, recursively, in a stable order. Missing folder: none (others are still writing it). */
function listExamples(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && SOURCE_EXT.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function inputs(o: Options): Input[] {
  const generated: Input[] = o.sizes.map((n) => ({
    name: `generated ${n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : n}`,
    kind: 'generated',
    fileName: `generated-${n}.ts`,
    text: generateSource(n),
  }));
  const examples: Input[] = listExamples(o.examplesDir).map((p) => ({
    name: path.relative(process.cwd(), p).split(path.sep).join('/'),
    kind: 'example',
    fileName: p,
    text: fs.readFileSync(p, 'utf8'),
  }));
  return [...generated, ...examples];
}

function measure(input: Input, o: Options): BenchResult {
  const lines = countLines(input.text);
  const base = { input: input.name, kind: input.kind, lines, bytes: Buffer.byteLength(input.text) };
  const parse = () => {
    const r = parseSource(input.text, input.fileName);
    if (!r.ok) throw new Error(`does not parse: ${r.error.message} (line ${r.error.line})`);
  };
  let report: ReturnType<typeof analyze> | undefined;
  const full = () => { report = analyze(input.text, { fileName: input.fileName }); };
  const parseSamples: number[] = [];
  const analyzeSamples: number[] = [];
  const parseCpu: number[] = [];
  const analyzeCpu: number[] = [];
  let note = '';
  // The first parse and analyze check that the input works; they also count as
  // the first warm-up (on 50k lines each round is seconds).
  const warmStart = process.hrtime.bigint();
  try {
    parse();
  } catch (err) {
    const none = { parseMs: NaN, analyzeMs: NaN, parseCpuMs: NaN, analyzeCpuMs: NaN };
    return { ...base, ...none, runs: 0, functions: 0, findings: 0, note: String((err as Error).message), parseSamples, analyzeSamples };
  }
  let analyzeOk = true;
  try {
    full();
  } catch (err) {
    // analyze() throwing is a result too: keep the parse numbers, say why there is no analyze number.
    analyzeOk = false;
    note = `analyze() threw: ${(err as Error).message.split('\n')[0]}`;
  }
  // Warm-ups let V8 optimise both paths before anything is recorded. Tiny files
  // get more of them (until ~250 ms are spent): a 50-line parse is otherwise
  // still running half-cold code after two rounds.
  let warm = 1;
  const warmElapsed = () => Number(process.hrtime.bigint() - warmStart) / 1e6;
  while (warm < o.warmup || (o.warmup > 0 && warm < 20 * o.warmup && warmElapsed() < 250)) {
    parse();
    if (analyzeOk) full();
    warm++;
  }
  const perRun = warmElapsed() / warm;
  // Huge inputs: as many runs as fit the budget (at least 3). Tiny ones: up to
  // 10x the runs, about a second's worth, since a 3 ms median is the noisiest.
  let runs = Math.max(Math.min(3, o.runs), Math.min(o.runs, Math.floor((o.budget * 1000) / perRun)));
  if (perRun * o.runs < 1000) runs = Math.min(o.runs * 10, Math.max(o.runs, Math.floor(1000 / perRun)));
  for (let i = 0; i < runs; i++) {
    // Alternate the order so slow drift (thermal, other processes) hits both columns alike.
    // No gc() here: a forced full GC right before a sample makes that sample 3-4x
    // slower (measured: 5 ms -> 17 ms for a 50-line parse), so GC only between inputs.
    const order = i % 2 === 0 ? ['parse', 'analyze'] : ['analyze', 'parse'];
    for (const which of order) {
      if (which === 'analyze' && !analyzeOk) continue;
      const t = timeMs(which === 'parse' ? parse : full);
      (which === 'parse' ? parseSamples : analyzeSamples).push(t.wall);
      (which === 'parse' ? parseCpu : analyzeCpu).push(t.cpu);
    }
  }
  if (report?.skipped) note = `analyze() skipped the file: ${report.skipped}`;
  else if (report?.parseError) note = `analyze() saw a parse error: ${report.parseError.message}`;
  if (runs < o.runs) note = [note, `${runs} runs to stay in the ${o.budget}s budget`].filter(Boolean).join('; ');
  return {
    ...base,
    runs,
    parseMs: median(parseSamples),
    analyzeMs: analyzeOk ? median(analyzeSamples) : NaN,
    parseCpuMs: median(parseCpu),
    analyzeCpuMs: analyzeOk ? median(analyzeCpu) : NaN,
    functions: report?.functions.length ?? 0,
    findings: report?.findings.length ?? 0,
    note,
    parseSamples,
    analyzeSamples,
  };
}

/**
 * Sum row over the examples: summed per-file medians and lines. Files without
 * both numbers (syntax error, analyze() threw) are left out of every column,
 * so the ratio and µs/line compare like with like.
 */
function examplesTotal(results: BenchResult[], dir: string): BenchResult | null {
  const all = results.filter((r) => r.kind === 'example');
  const ex = all.filter((r) => Number.isFinite(r.parseMs) && Number.isFinite(r.analyzeMs));
  if (all.length === 0) return null;
  const sum = (f: (r: BenchResult) => number) => (ex.length === 0 ? NaN : ex.reduce((a, r) => a + f(r), 0));
  const left = all.length - ex.length;
  return {
    input: `${dir}/ total (${ex.length} files)`, kind: 'total', lines: sum((r) => r.lines) || 0, bytes: sum((r) => r.bytes) || 0,
    runs: ex.length === 0 ? 0 : Math.min(...ex.map((r) => r.runs)), parseMs: sum((r) => r.parseMs), analyzeMs: sum((r) => r.analyzeMs),
    parseCpuMs: sum((r) => r.parseCpuMs), analyzeCpuMs: sum((r) => r.analyzeCpuMs),
    functions: sum((r) => r.functions) || 0, findings: sum((r) => r.findings) || 0,
    note: `sum of per-file medians${left > 0 ? `; ${left} file(s) without both numbers left out` : ''}`,
    parseSamples: [], analyzeSamples: [],
  };
}

/** How time grows with lines, fitted over the generated inputs only (examples differ in shape). */
function growth(results: BenchResult[]): Growth | null {
  const gen = results.filter((r) => r.kind === 'generated' && Number.isFinite(r.parseMs)).sort((a, b) => a.lines - b.lines);
  if (gen.length < 2) return null;
  const fit = (rs: BenchResult[]): GrowthFit => {
    const k = (f: (r: BenchResult) => number) => logLogSlope(rs.map((r) => ({ x: r.lines, y: f(r) })));
    return {
      fromLines: rs[0].lines,
      toLines: rs[rs.length - 1].lines,
      wall: { parse: k((r) => r.parseMs), analyze: k((r) => r.analyzeMs), overhead: k((r) => r.analyzeMs - r.parseMs) },
      cpu: { parse: k((r) => r.parseCpuMs), analyze: k((r) => r.analyzeCpuMs), overhead: k((r) => r.analyzeCpuMs - r.parseCpuMs) },
    };
  };
  const all = fit(gen);
  const tail = gen.length >= 3 ? fit(gen.slice(-2)) : null;
  // Our code is what we can fix, so judge the part on top of parsing; on CPU time,
  // because wall time on a shared box punishes whichever task runs longer.
  const verdictK = (tail ?? all).cpu.overhead;
  const first = gen[0];
  const last = gen[gen.length - 1];
  return {
    all,
    tail,
    perLineRatio: last.analyzeMs / last.lines / (first.analyzeMs / first.lines),
    verdict: describeSlope(verdictK),
    verdictK,
  };
}

/**
 * Warms the parser and the analyser on a throw-away input before anything is
 * measured. Without this the first input (generated 1k) ran on unoptimised
 * code and looked 4x slower per line than the examples measured after it.
 */
function warmUpProcess(): void {
  const text = generateSource(2000, 1);
  const start = Date.now();
  for (let i = 0; i < 30 && Date.now() - start < 2000; i++) {
    parseSource(text);
    try {
      analyze(text);
    } catch {
      // measure() reports analyze() failures per input; here it only has to warm up.
    }
  }
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const gc = findGc();
  const loadBefore = os.loadavg()[0];
  const all = inputs(o);
  if (o.warmup > 0) warmUpProcess();
  const results: BenchResult[] = [];
  for (const input of all) {
    if (!o.json) process.stderr.write(`measuring ${input.name}...\n`);
    gc?.();
    results.push(measure(input, o));
  }
  const total = examplesTotal(results, o.examplesDir);
  if (total) results.push(total);
  const env = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    gc: gc !== null,
    runs: o.runs,
    warmup: o.warmup,
    examples: fs.existsSync(o.examplesDir) ? o.examplesDir : null,
    load: [loadBefore, os.loadavg()[0]] as [number, number],
  };
  const g = growth(results);
  // The bundles sit side by side in dist/, with the repository one level up.
  let project: ProjectMeasurement | null = null;
  if (o.projectRuns > 0) {
    if (!o.json) process.stderr.write('measuring undici/lib as a project, against ESLint...\n');
    project = measureProject(path.resolve(__dirname, '..'), path.join(__dirname, 'cli.js'), o.projectRuns);
  }
  if (o.json) console.log(JSON.stringify({ env, target: TARGET_RATIO, results, growth: g, project }, null, 2));
  else {
    printMarkdown(results, g, env, TARGET_RATIO);
    if (project) printProjectRow(project, env.cores);
  }
}

try {
  main();
} catch (err) {
  console.error(`bench: ${(err as Error).message}`);
  process.exitCode = 2;
}
