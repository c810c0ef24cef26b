/**
 * The parallel fraction P of a function, read off its predicted schedule
 * rather than guessed from its shape. For a core count N, the speed-up
 * S(N) = T(1) / T(N) implies a parallel fraction (fractionBehind, the
 * Karp–Flatt metric turned around); P is the largest the schedule needs, so
 * Amdahl's bound with this P is at least every simulated speed-up and the two
 * figures the views show side by side never contradict each other.
 *
 * Core counts up to 16 are all tried; past that, a few (20, 24, 32, …, 64).
 * More cores never make a schedule slower, so between two tried counts a and
 * b the speed-up is at most S(b), and P is taken large enough that Amdahl's
 * bound at a already covers S(b). Once the schedule is as short as it gets
 * on the most cores drawn, more cores change nothing (the implied fraction
 * only falls), and the search stops.
 */
import { fractionBehind, sameWorkSpeedup } from './amdahl';
import { MAX_CORES, predictedRun, type Schedulable } from './timeline';

/** Core counts tried past 16. */
const SPARSE = [20, 24, 32, 40, 48, 56, 64];

export function parallelFractionOf(report: Schedulable, functionId: number): number {
  const one = predictedRun(report, functionId, 1);
  if (!(one.total > 0) || one.workerJobs === 0) return 0;
  const last = Math.min(one.workerJobs + 1, MAX_CORES);
  const shortest = predictedRun(report, functionId, last).total;
  const tried = [...Array.from({ length: 15 }, (_, i) => i + 2), ...SPARSE].filter((n) => n <= last);
  if (tried[tried.length - 1] !== last && last > 16) tried.push(last);
  let best = 0;
  let fastest = 1;
  let previous = 1;
  for (const cores of tried) {
    const total = predictedRun(report, functionId, cores).total;
    fastest = Math.max(fastest, sameWorkSpeedup(one.total / total, cores));
    best = Math.max(best, fractionBehind(fastest, cores));
    // Between the last count tried and this one, the speed-up is at most this one's.
    if (cores - previous > 1) best = Math.max(best, fractionBehind(fastest, previous + 1));
    previous = cores;
    if (total <= shortest + 1e-9) break;
  }
  // Rounded up, never down: a smaller P could put Amdahl's bound below a simulated speed-up.
  return Math.min(1, Math.ceil(best * 100 - 1e-9) / 100);
}
