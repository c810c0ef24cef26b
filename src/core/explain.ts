/**
 * Plain-language explanations of quadrants and speed-ups, shared by the hover,
 * the commands, the CLI and the timeline page so they all say the same thing.
 */
import type { Quadrant } from './model/types';
import type { FunctionReport } from './reportTypes';
import { amdahl } from './timeline/amdahl';

export const QUADRANT_LABEL: Record<Quadrant, string> = {
  sequential: 'sequential',
  concurrent: 'concurrent',
  parallel: 'parallel',
  'concurrent-parallel': 'concurrent + parallel',
};

/** One sentence per quadrant: what it means for how this code runs. */
export const QUADRANT_SENTENCE: Record<Quadrant, string> = {
  sequential: 'runs one step after another on one thread: nothing here overlaps, neither waits nor computation.',
  concurrent: 'keeps several tasks in progress on one thread: its waits can overlap, but its computation still takes turns on the event loop.',
  parallel: 'runs work at the same instant on other cores (workers or processes), without interleaving different kinds of tasks on its own thread.',
  'concurrent-parallel': 'overlaps waits on the event loop and also runs work on other cores at the same time.',
};

export function describeQuadrant(fn: Pick<FunctionReport, 'name' | 'quadrant'>): string {
  return `${displayName(fn.name)} is ${QUADRANT_LABEL[fn.quadrant]}: it ${QUADRANT_SENTENCE[fn.quadrant]}`;
}

export function displayName(name: string): string {
  if (name === '<module>') return 'The module top level';
  if (name === '<anonymous>') return 'This anonymous function';
  return `\`${name}\``;
}

/** "P = 0.86: on 8 cores Amdahl's law predicts at most 4.02× (never more than 7.1×)". */
export function describeSpeedup(parallelFraction: number, cores: number): string {
  if (parallelFraction <= 0) {
    return `P = 0: none of its work runs on other cores, so more cores do not make it faster (S(${cores}) = 1.00×).`;
  }
  const speedup = amdahl(parallelFraction, cores);
  const ceiling = parallelFraction >= 1 ? 'no ceiling' : `never more than ${(1 / (1 - parallelFraction)).toFixed(1)}× however many cores`;
  return `P = ${parallelFraction.toFixed(2)}: on ${cores} core${cores === 1 ? '' : 's'} Amdahl's law predicts S(${cores}) = ${speedup.toFixed(2)}× (${ceiling}).`;
}
