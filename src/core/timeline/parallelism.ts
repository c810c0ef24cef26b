/**
 * The parallel fraction P of a function, read off its predicted schedule
 * rather than guessed from its shape: for every core count N, the speed-up
 * S(N) = T(1) / T(N) implies a parallel fraction (fractionBehind, the
 * Karp–Flatt metric turned around); P is the largest of them. Amdahl's bound
 * with this P is therefore at least every simulated speed-up, so the two
 * figures the views show side by side can never contradict each other.
 *
 * Once every worker job (and the main thread) has a core of its own, more
 * cores change nothing and the implied fraction only falls, so the search
 * stops at one core more than there are jobs.
 */
import { fractionBehind } from './amdahl';
import { MAX_CORES, predictedRun, type Schedulable } from './timeline';

export function parallelFractionOf(report: Schedulable, functionId: number): number {
  const one = predictedRun(report, functionId, 1);
  if (!(one.total > 0) || one.workerJobs === 0) return 0;
  let best = 0;
  for (let cores = 2; cores <= Math.min(one.workerJobs + 1, MAX_CORES); cores++) {
    best = Math.max(best, fractionBehind(one.total / predictedRun(report, functionId, cores).total, cores));
  }
  // Rounded up, never down: a smaller P could put Amdahl's bound below a simulated speed-up.
  return Math.min(1, Math.ceil(best * 100 - 1e-9) / 100);
}
