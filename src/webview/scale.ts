/**
 * A linear scale and "nice" axis ticks. Ten lines instead of a d3 dependency:
 * the chart maps one non-negative domain [0, max] to pixels, nothing more.
 */

export interface Scale {
  (value: number): number;
  domainMax: number;
}

export function linearScale(domainMax: number, x0: number, x1: number): Scale {
  const max = domainMax > 0 ? domainMax : 1;
  const scale = ((value: number) => x0 + (value / max) * (x1 - x0)) as Scale;
  scale.domainMax = max;
  return scale;
}

/**
 * Ticks at 1, 2 or 5 times a power of ten, from 0 to max: the step whose tick
 * count is nearest `count`, and never a step past max (an axis with only "0"
 * says nothing).
 */
export function niceTicks(max: number, count: number): number[] {
  if (!(max > 0) || count < 1) return [0];
  const power = Math.pow(10, Math.floor(Math.log10(max / count)));
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10].map((m) => m * power).filter((step) => step <= max);
  const step = steps.reduce((best, s) => (Math.abs(max / s - count) < Math.abs(max / best - count) ? s : best), steps[0] ?? max);
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step * 1e-9; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}
