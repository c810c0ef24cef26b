/**
 * The core-count slider and Amdahl's numbers. Built once and updated in place,
 * so dragging the slider never recreates (and never loses focus on) it.
 */
import { amdahl } from '../core/timeline/amdahl';
import type { Speedup } from '../core/timeline/types';
import { fill, h, s } from './dom';
import { times, units } from './format';

export interface SpeedupView {
  cores: number;
  maxCores: number;
  speedup: Speedup;
  /** Predicted total on `cores` and on one core, from the simulation (not from Amdahl). */
  total: number;
  totalOnOne: number;
}

export class SpeedupControl {
  readonly root: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly summary: HTMLParagraphElement;
  private readonly law: HTMLParagraphElement;
  private readonly spark: HTMLDivElement;

  constructor(onCores: (cores: number) => void) {
    this.slider = h('input', { type: 'range', id: 'cl-cores', class: 'cores-slider', min: 1, max: 16, step: 1, value: 4 });
    this.output = h('output', { class: 'cores-value', for: 'cl-cores' });
    this.summary = h('p', { class: 'speedup-total' });
    this.law = h('p', { class: 'speedup-law' });
    this.spark = h('div', { class: 'spark' });
    this.slider.addEventListener('input', () => onCores(Number(this.slider.value)));
    this.root = h(
      'section',
      { class: 'speedup', 'aria-label': 'Cores and speed-up' },
      h('div', { class: 'cores-row' }, h('label', { for: 'cl-cores' }, 'Cores'), this.slider, this.output),
      this.summary,
      h('div', { class: 'speedup-body' }, this.spark, this.law),
    );
  }

  update(view: SpeedupView): void {
    const { cores, maxCores, speedup } = view;
    this.slider.max = String(maxCores);
    if (this.slider.value !== String(cores)) this.slider.value = String(cores);
    this.slider.setAttribute('aria-valuetext', `${cores} core${cores === 1 ? '' : 's'}`);
    this.output.textContent = String(cores);

    const gain = view.total > 0 ? view.totalOnOne / view.total : 1;
    const summary = [`Predicted total on ${cores} core${cores === 1 ? '' : 's'}: ${units(view.total)} units`];
    if (cores > 1) summary.push(view.totalOnOne !== view.total ? `(1 core: ${units(view.totalOnOne)}, ${times(gain)} faster)` : '(the same on 1 core)');
    this.summary.textContent = summary.join(' ');

    const P = speedup.P;
    if (P <= 0) {
      this.law.textContent = 'P = 0: none of this work runs on other cores, so adding cores does not speed it up.';
    } else {
      const ceiling = speedup.ceiling === null ? 'no ceiling: all of it can run in parallel' : `ceiling ${times(speedup.ceiling)} however many cores`;
      // The simulated gain is in the summary above; this line is Amdahl's bound for the same P.
      fill(this.law, h('strong', undefined, `S(${cores}) ≤ ${times(speedup.amdahl)}`), ` by Amdahl's law with P = ${P.toFixed(2)}; ${ceiling}.`);
    }
    // With P = 0 every bar would be 1×: the sentence says it better than a flat chart.
    this.spark.hidden = P <= 0;
    fill(this.spark, P > 0 ? sparkline(P, cores, maxCores, speedup.ceiling) : null);
  }
}

/** Bars of S(1..max), the current core count highlighted, and the ceiling as a dashed line. */
function sparkline(P: number, cores: number, maxCores: number, ceiling: number | null): SVGSVGElement {
  const n = Math.min(maxCores, 64);
  const width = 160;
  const height = 52;
  const bar = width / n;
  const top = amdahl(P, n);
  // Show the ceiling when it is close enough to the bars to be drawn in scale.
  const yMax = Math.max(1, ceiling !== null && ceiling < top * 1.6 ? ceiling : top) * 1.05;
  const y = (v: number) => height - 12 - (v / yMax) * (height - 24);
  const svg = s('svg', { class: 'spark-chart', width, height, role: 'img', 'aria-label': `Speed-up for 1 to ${n} cores; ${cores} selected` });
  for (let i = 1; i <= n; i++) {
    const v = amdahl(P, i);
    svg.appendChild(s('rect', { class: i === cores ? 'spark-bar current' : 'spark-bar', x: (i - 1) * bar + 0.5, y: y(v), width: Math.max(1, bar - 1), height: height - 12 - y(v) }));
  }
  if (ceiling !== null && ceiling <= yMax) {
    svg.appendChild(s('line', { class: 'spark-ceiling', x1: 0, x2: width, y1: y(ceiling), y2: y(ceiling) }));
    // Top left: the short bars for few cores leave room there.
    svg.appendChild(s('text', { class: 'spark-ceiling-label', x: 1, y: y(ceiling) - 3 }, `ceiling ${times(ceiling)}`));
  }
  svg.appendChild(s('text', { class: 'spark-axis', x: 0, y: height - 1 }, '1'));
  svg.appendChild(s('text', { class: 'spark-axis', x: width, y: height - 1, 'text-anchor': 'end' }, `${n} cores`));
  return svg;
}
