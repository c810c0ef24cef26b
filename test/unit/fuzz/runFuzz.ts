/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the fuzz property over N inputs (default 20,000)
 * from seed S (default: the time), then the count, the seed, the time taken and the slowest
 * input. On a failure, fast-check's smallest counterexample and the seed to replay it.
 */
import fc from 'fast-check';
import * as path from 'node:path';
import { fuzzInput, loadSeeds, type FuzzInput, type Seed } from './inputs';
import { checkInput, sameAfter } from './properties';

export interface Slowest {
  ms: number;
  input: FuzzInput | null;
}

/** The property: every check holds, and the report is the same after the inputs analysed just before. */
export function fuzzProperty(seeds: readonly Seed[], slowest: Slowest = { ms: 0, input: null }): fc.IPropertyWithHooks<[FuzzInput]> {
  const recent: { text: string; fileName: string }[] = [];
  return fc.property(fuzzInput(seeds), (input) => {
    const started = performance.now();
    const { report, violations } = checkInput(input.text, input.fileName);
    violations.push(...sameAfter(input.text, input.fileName, report, recent));
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, input });
    recent.unshift({ text: input.text, fileName: input.fileName });
    recent.length = Math.min(recent.length, 2);
    if (violations.length > 0) throw new Error(`${input.seed} after ${input.steps.join('; ') || 'no change'}:\n  ${violations.slice(0, 8).join('\n  ')}`);
  });
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} needs a whole number, got '${process.argv[at + 1]}'`);
    process.exit(2);
  }
  return value;
}

function main(): void {
  const runs = option('runs', 20_000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const seeds = loadSeeds(path.resolve(__dirname, '../../../..'));
  const slowest: Slowest = { ms: 0, input: null };
  console.log(`fuzzing ${runs} inputs from ${seeds.length} seed files, seed ${seed}`);
  const started = performance.now();
  const result = fc.check(fuzzProperty(seeds, slowest), { seed, numRuns: runs });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${result.numRuns} inputs in ${seconds.toFixed(1)} s (seed ${seed})`);
  if (slowest.input) {
    console.log(`slowest: ${slowest.ms.toFixed(0)} ms, ${slowest.input.seed} (${slowest.input.text.length} characters) after ${slowest.input.steps.join('; ') || 'no change'}`);
  }
  if (result.failed) {
    console.error(fc.defaultReportMessage(result));
    process.exitCode = 1;
  }
}

if (require.main === module) main();
