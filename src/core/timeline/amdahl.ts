/**
 * Amdahl's law, shown next to every parallel estimate: with a parallel fraction
 * P, N cores give S(N) = 1 / ((1 - P) + P / N), and no number of cores gives
 * more than 1 / (1 - P). The serial part decides the ceiling.
 */
import type { Speedup } from './types';

/** P outside 0..1 (or NaN) would make the formula meaningless; clamp it. */
function fraction(P: number): number {
  return Number.isFinite(P) ? Math.min(1, Math.max(0, P)) : 0;
}

/** Speedup on N cores for parallel fraction P. N below 1 counts as 1. */
export function amdahl(P: number, N: number): number {
  const p = fraction(P);
  const n = Number.isFinite(N) ? Math.max(1, N) : 1;
  return 1 / (1 - p + p / n);
}

/**
 * The limit 1 / (1 - P) as cores grow. null when P = 1: the speedup is then
 * unbounded, and null (unlike Infinity) survives JSON on the way to the webview.
 */
export function amdahlCeiling(P: number): number | null {
  const p = fraction(P);
  return p >= 1 ? null : 1 / (1 - p);
}

/** The simulated speed-up `S` beside Amdahl's bound for the same P. */
export function speedupOf(P: number, cores: number, S: number): Speedup {
  return { P: fraction(P), cores, S: sameWorkSpeedup(S, cores), amdahl: amdahl(P, cores), ceiling: amdahlCeiling(P) };
}

/**
 * The same work on N cores is at most N times faster. The schedule can say
 * more when the 1-core run also pays for many threads taking turns on one
 * core (each switch costs): that part is overhead the extra cores remove, not
 * work they share, so the figure is counted as N.
 */
export function sameWorkSpeedup(S: number, cores: number): number {
  return Math.min(S, Math.max(1, cores));
}

/**
 * The parallel fraction that Amdahl's law would need to explain a speed-up S
 * seen on N cores (the Karp–Flatt metric, turned around): 1 - e with
 * e = (1/S - 1/N) / (1 - 1/N). Amdahl's bound for that P on N cores is exactly S.
 */
export function fractionBehind(S: number, N: number): number {
  if (!(N > 1) || !(S > 1)) return 0;
  const serial = (1 / S - 1 / N) / (1 - 1 / N);
  return fraction(1 - serial);
}

export interface SpeedupRow {
  cores: number;
  S: number;
}

/** S(N) for each core count, for the table beside the slider (and the CLI). */
export function speedupTable(P: number, coresList: readonly number[]): SpeedupRow[] {
  return coresList.map((cores) => ({ cores, S: amdahl(P, cores) }));
}
