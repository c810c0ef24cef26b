/**
 * The benchmark's Markdown output: one table, then growth and target verdicts.
 * Markdown so the output can be pasted as-is into an issue or a PR.
 */

export interface BenchResult {
  input: string;
  kind: 'generated' | 'example' | 'total';
  lines: number;
  bytes: number;
  /** Timed runs actually made (fewer than asked for when the budget ran out). */
  runs: number;
  /** Medians; NaN when not measured (does not parse, analyze() threw). */
  parseMs: number;
  analyzeMs: number;
  /** Medians of process CPU time for the same samples. */
  parseCpuMs: number;
  analyzeCpuMs: number;
  functions: number;
  findings: number;
  note: string;
  parseSamples: number[];
  analyzeSamples: number[];
}

/** Exponents k in time ~ lines^k (least squares on log-log); k = 1 is linear. */
export interface Slopes {
  parse: number;
  analyze: number;
  /** The part that is ours: analyze minus parse (build, classify, rules, report). */
  overhead: number;
}

export interface GrowthFit {
  fromLines: number;
  toLines: number;
  wall: Slopes;
  /** Same fit on CPU time: steadier when other processes share the cores. */
  cpu: Slopes;
}

export interface Growth {
  /** Over every generated size. */
  all: GrowthFit;
  /** Over the two largest sizes only (when there are 3+), where fixed start-up costs no longer blur k. */
  tail: GrowthFit | null;
  /** analyze µs/line at the largest size divided by the same at the smallest. */
  perLineRatio: number;
  /** Judged on the analysis on top of parse, CPU time, tail fit when there is one. */
  verdict: string;
  verdictK: number;
}

export interface Env {
  node: string;
  cpu: string;
  cores: number;
  gc: boolean;
  runs: number;
  warmup: number;
  examples: string | null;
  /** 1-minute load average before and after: on a shared 2-core box this explains noisy numbers. */
  load: [number, number];
}

const ms = (x: number): string => (!Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const num = (x: number): string => x.toLocaleString('en-US');
const fixed = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '–');

export function ratioOf(r: BenchResult): number {
  return r.analyzeMs / r.parseMs;
}

export function cpuRatioOf(r: BenchResult): number {
  return r.analyzeCpuMs / r.parseCpuMs;
}

const ratioCell = (x: number, target: number): string => (Number.isFinite(x) ? `${fixed(x)}×${x <= target ? ' ✓' : ' ✗'}` : '–');

export function printMarkdown(results: BenchResult[], g: Growth | null, env: Env, target: number): void {
  const out: string[] = [];
  out.push(`## Concurrency Lens benchmark`, '');
  out.push(`node ${env.node}, ${env.cpu}, ${env.cores} cores; medians of ${env.runs} runs (see the runs column) after ` +
    `${env.warmup}+ warm-ups${env.gc ? ', full GC between inputs' : ' (no GC control: expect more noise)'}; ` +
    `load average ${fixed(env.load[0])} → ${fixed(env.load[1])}${Math.max(...env.load) > env.cores * 0.5 ? ' (busy machine: wall-clock numbers are inflated and noisy)' : ''}.`, '');
  out.push(`| input | lines | parse ms (median) | analyze ms (median) | analyze/parse | analyze µs/line | analyze/parse (process CPU time) | runs | functions | findings |`);
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const notes: string[] = [];
  for (const r of results) {
    let name = r.kind === 'total' ? `**${r.input}**` : r.input;
    if (r.note && (r.kind !== 'total' || r.note.includes('left out'))) {
      notes.push(r.note);
      name += ` [${notes.length}]`;
    }
    out.push(`| ${name} | ${num(r.lines)} | ${ms(r.parseMs)} | ${ms(r.analyzeMs)} | ${ratioCell(ratioOf(r), target)} | ` +
      `${fixed((r.analyzeMs * 1000) / r.lines, 1)} | ${ratioCell(cpuRatioOf(r), target)} | ${r.runs} | ${num(r.functions)} | ${num(r.findings)} |`);
  }
  if (!env.examples) out.push('', '_No examples folder found (see --examples): only generated inputs were measured._');
  if (notes.length > 0) out.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  out.push('');
  if (g) {
    out.push('**Growth** over the generated inputs: time ∝ lines^k (k = 1 is linear).', '');
    out.push('| fit | clock | k parse | k analyze | k analysis on top of parse |', '|---|---|--:|--:|--:|');
    for (const f of g.tail ? [g.all, g.tail] : [g.all]) {
      for (const [clock, k] of [['wall', f.wall], ['CPU', f.cpu]] as const) {
        out.push(`| ${num(f.fromLines)} → ${num(f.toLines)} | ${clock} | ${fixed(k.parse)} | ${fixed(k.analyze)} | ${fixed(k.overhead)} |`);
      }
    }
    out.push('', `Analyze cost per line at ${num(g.all.toLines)} lines is ${fixed(g.perLineRatio)}× that at ${num(g.all.fromLines)}. ` +
      `The analysis on top of parsing grows **${g.verdict}** (k = ${fixed(g.verdictK)}, CPU time, ` +
      `${num((g.tail ?? g.all).fromLines)} → ${num((g.tail ?? g.all).toLines)} lines).`);
  } else {
    out.push('**Growth**: needs at least two generated sizes (see --sizes).');
  }
  out.push('', targetLine(results, target));
  console.log(out.join('\n'));
}

/** The agreed budget: analysing a file may cost at most 30% more than parsing it. */
function targetLine(results: BenchResult[], target: number): string {
  const measured = results.filter((r) => r.kind !== 'total' && Number.isFinite(ratioOf(r)));
  const head = `**Target**: full analysis ≤ ${target}× bare parse.`;
  if (measured.length === 0) return `${head} Not measured: analyze() did not run.`;
  const verdict = (ratio: (r: BenchResult) => number, clock: string): string => {
    const met = measured.filter((r) => ratio(r) <= target).length;
    const worst = measured.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
    return `by ${clock}, met on ${met} of ${measured.length} inputs (worst: ${worst.input} at ${fixed(ratio(worst))}×)`;
  };
  return `${head} ${capital(verdict(ratioOf, 'wall clock'))}; ${verdict(cpuRatioOf, 'CPU time')}.`;
}

const capital = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);
