/**
 * Timing and the few statistics the benchmark needs. Medians, not means: one
 * GC pause or a noisy neighbour on a 2-core machine should not move the number.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

/**
 * Process CPU time in ms (getrusage: precise, and portable). It also counts
 * V8's background GC and compiler threads, so it is a cross-check for busy
 * machines, not a replacement for wall time. (Linux's per-thread schedstat was
 * tried: it only advances on scheduler ticks, 4 ms steps, useless for small files.)
 */
function cpuNowMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/**
 * Milliseconds taken by fn: wall clock (monotonic, sub-microsecond) and CPU
 * time. Wall time is what a user waits; CPU time barely moves when other
 * processes share the cores, so it keeps the ratio honest on a busy machine.
 */
export function timeMs(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = cpuNowMs();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  return { wall, cpu: cpuNowMs() - c0 };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * A full GC between inputs, so garbage from the previous 50k-line AST is not
 * collected inside the next input's measurements (not between samples: see bench.ts). `node --expose-gc` gives global.gc;
 * without the flag we turn it on at run time (V8 accepts the flag late and a
 * fresh context then sees `gc`). Returns null only if both ways fail.
 */
export function findGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * Least-squares slope of log(y) against log(x): the exponent k in y ~ x^k.
 * k ≈ 1 means time grows linearly with input size. Points with y <= 0 are skipped.
 */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const ps = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  if (ps.length < 2) return NaN;
  const mx = ps.reduce((a, p) => a + p.x, 0) / ps.length;
  const my = ps.reduce((a, p) => a + p.y, 0) / ps.length;
  let num = 0;
  let den = 0;
  for (const p of ps) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** Words for a slope; the band is wide because medians on a shared machine wobble. */
export function describeSlope(k: number): string {
  if (!Number.isFinite(k)) return 'not enough points';
  if (k < 0.9) return 'sub-linear (fixed costs still weigh on the smaller input)';
  if (k <= 1.15) return 'linear';
  if (k <= 1.3) return 'slightly super-linear';
  return 'super-linear: something grows faster than the file';
}
