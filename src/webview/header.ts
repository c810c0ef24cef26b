/**
 * The header: file name, stale banner, a notice when the function asked for is
 * gone, function picker, quadrant badge with its one-line meaning, and the
 * headline numbers. Built once, updated in place (the picker keeps focus while
 * the user browses it).
 */
import { quadrantSentence } from '../core/explain';
import type { FunctionReport } from '../core/reportTypes';
import type { Timeline } from '../core/timeline/types';
import type { TimelinePayload } from '../protocol';
import { fill, h } from './dom';
import { functionName, percent, QUADRANT_SHORT, units } from './format';

export class Header {
  readonly root: HTMLElement;
  private readonly file: HTMLSpanElement;
  private readonly stale: HTMLDivElement;
  private readonly notice: HTMLDivElement;
  private readonly picker: HTMLSelectElement;
  private readonly badge: HTMLSpanElement;
  private readonly sentence: HTMLParagraphElement;
  private readonly stats: HTMLDListElement;
  private optionsKey = '';

  constructor(onPick: (functionId: number) => void) {
    this.file = h('span', { class: 'file-name' });
    this.stale = h('div', { class: 'stale', role: 'status', hidden: true });
    this.notice = h('div', { class: 'notice', role: 'status', hidden: true });
    this.picker = h('select', { id: 'cl-function', class: 'function-picker' });
    this.badge = h('span', { class: 'badge' });
    this.sentence = h('p', { class: 'quadrant-sentence' });
    this.stats = h('dl', { class: 'stats' });
    this.picker.addEventListener('change', () => onPick(Number(this.picker.value)));
    this.root = h(
      'header',
      { class: 'header' },
      h('div', { class: 'title-row' }, this.file),
      this.stale,
      this.notice,
      h('div', { class: 'picker-row' }, h('label', { for: 'cl-function', class: 'picker-label' }, 'Function'), this.picker),
      h('div', { class: 'quadrant-row' }, this.badge, this.sentence),
      this.stats,
    );
  }

  update(payload: TimelinePayload, fn: FunctionReport, timeline: Timeline): void {
    this.file.textContent = payload.fileName;
    this.file.title = payload.fileName;
    this.stale.hidden = payload.stale === null;
    this.stale.textContent = payload.stale === null ? '' : `Out of date: ${payload.stale}`;
    this.notice.hidden = !payload.notice;
    this.notice.textContent = payload.notice ?? '';
    this.fillPicker(payload.functions);
    if (this.picker.value !== String(fn.id)) this.picker.value = String(fn.id);

    this.badge.className = `badge quadrant-${fn.quadrant}`;
    this.badge.textContent = QUADRANT_SHORT[fn.quadrant];
    this.sentence.textContent = quadrantSentence(fn, timeline);

    const stats: [string, string, string?][] = [
      ['Predicted total', `${units(timeline.total)} units`],
      ['Main thread idle', percent(timeline.idle.main ?? 0), 'Share of the total the event loop has nothing to run: time another task could use.'],
    ];
    if (timeline.returnsAt < timeline.total) stats.push(['Returns at', `${units(timeline.returnsAt)} units`, 'Work it does not wait for keeps running after it returns.']);
    // Concurrency's gain is overlapping waits; parallelism's is busy cores: show whichever this function has.
    const ioRows = timeline.lanes.filter((lane) => lane.kind === 'io').length;
    if (ioRows > 0) stats.push(['Waits in flight', `up to ${ioRows}`, 'The most I/O waits outstanding at the same moment.']);
    const workers = timeline.lanes.filter((lane) => lane.kind === 'worker');
    if (workers.some((lane) => lane.segments.length > 0)) {
      const busy = workers.reduce((sum, lane) => sum + 1 - (timeline.idle[lane.name] ?? 1), 0) / workers.length;
      stats.push(['Cores busy', percent(busy), `Average share of the total the ${workers.length} worker lanes spend working.`]);
    }
    fill(this.stats, ...stats.map(([term, value, hint]) => h('div', { class: 'stat', title: hint }, h('dt', undefined, term), h('dd', undefined, value))));
  }

  /** Options are rebuilt only when the function list changes, so an open picker is not reset under the user. */
  private fillPicker(functions: readonly FunctionReport[]): void {
    const key = functions.map((f) => `${f.id}:${f.name}:${f.line}:${f.quadrant}`).join('|');
    if (key === this.optionsKey) return;
    this.optionsKey = key;
    fill(this.picker, ...functions.map((f) => {
      const option = h('option', { value: f.id });
      option.textContent = `${functionName(f.name)} · line ${f.line} · ${QUADRANT_SHORT[f.quadrant]}`;
      return option;
    }));
  }
}
