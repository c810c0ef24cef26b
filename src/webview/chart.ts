/**
 * One timeline as an SVG: a row per lane (main, io rows, workers), a time axis,
 * segments coloured by kind through CSS classes (theme variables live in
 * media/timeline.css), the critical path outlined, labels where they fit, a
 * <title> tooltip and a screen-reader label on every segment.
 */
import type { LaneKind, Timeline, TimelineSegment } from '../core/timeline/types';
import { s } from './dom';
import { percent, segmentAria, segmentTooltip, units } from './format';
import { attachKeyboard, type FocusableSegment } from './keyboard';
import { linearScale, niceTicks } from './scale';

export interface ChartOptions {
  /** Pixel width to fill. */
  width: number;
  /** End of the time axis; before/after charts share one so their lengths compare. */
  domainMax: number;
  /** Accessible name of the whole chart. */
  caption: string;
  /** Narrow layout (the sidebar). */
  compact: boolean;
  onReveal(segment: TimelineSegment): void;
}

/** A drawn row: a lane, or several idle worker lanes folded into one line. */
interface Row {
  name: string;
  kind: LaneKind;
  segments: TimelineSegment[];
  /** Set when the row stands for lanes with nothing on them. */
  note?: string;
  /** The timeline lanes drawn on this row (for their idle share). */
  lanes: string[];
}

const ROW_H = 20;
const ROW_GAP = 5;
const GROUP_GAP = 10;
const AXIS_H = 24;
/** Segment labels use the monospace editor font, so their width is predictable. */
const CHAR_W = 6.7;
export const IO_PATTERN_ID = 'cl-hatch-io';

export function renderChart(timeline: Timeline, options: ChartOptions): SVGSVGElement {
  const rows = rowsOf(timeline);
  const gutter = options.compact ? 64 : 78;
  // The idle share of each lane sits in a right-hand column, except in the narrow sidebar.
  const idleColumn = !options.compact;
  const right = idleColumn ? 48 : 14;
  const width = Math.max(gutter + 80, Math.floor(options.width));
  const x = linearScale(Math.max(options.domainMax, timeline.total, 1e-9), gutter, width - right);
  const showReturn = timeline.returnsAt < timeline.total - 1e-9 && timeline.returnsAt > 0;
  const top = showReturn ? 16 : 4;

  // Row positions, with a little air between the main / io / worker groups.
  const ys: number[] = [];
  let y = top;
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1].kind !== row.kind) y += GROUP_GAP - ROW_GAP;
    ys.push(y);
    y += ROW_H + ROW_GAP;
  });
  const plotBottom = y - ROW_GAP + 4;
  const height = plotBottom + AXIS_H;

  const svg = s('svg', {
    class: 'chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': options.caption,
  });
  svg.appendChild(s('title', undefined, options.caption));

  // Grid and axis first, so segments draw over them.
  const ticks = niceTicks(x.domainMax, Math.max(2, Math.floor((width - gutter) / 90)));
  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const t of ticks) {
    const tx = x(t);
    axis.appendChild(s('line', { class: 'grid', x1: tx, x2: tx, y1: top, y2: plotBottom }));
    axis.appendChild(s('line', { class: 'tick', x1: tx, x2: tx, y1: plotBottom, y2: plotBottom + 4 }));
    const anchor = t === 0 ? 'start' : tx > width - right - 20 ? 'end' : 'middle';
    axis.appendChild(s('text', { class: 'tick-label', x: tx, y: plotBottom + 16, 'text-anchor': anchor }, units(t)));
  }
  axis.appendChild(s('line', { class: 'axis-line', x1: gutter, x2: width - right, y1: plotBottom, y2: plotBottom }));
  axis.appendChild(s('text', { class: 'axis-caption', x: gutter - 8, y: plotBottom + 16, 'text-anchor': 'end' }, 'units'));
  if (idleColumn) axis.appendChild(s('text', { class: 'axis-caption', x: width, y: plotBottom + 16, 'text-anchor': 'end' }, 'idle'));
  svg.appendChild(axis);

  // The return marker goes under the segments: it must not hide their labels.
  if (showReturn) {
    const rx = x(timeline.returnsAt);
    const marker = s('g', { class: 'returns', 'aria-hidden': 'true' });
    marker.appendChild(s('line', { class: 'returns-line', x1: rx, x2: rx, y1: top - 2, y2: plotBottom }));
    const anchor = rx > width - right - 60 ? 'end' : 'start';
    marker.appendChild(s('text', { class: 'returns-label', x: anchor === 'end' ? rx - 3 : rx + 3, y: top - 5, 'text-anchor': anchor }, `returns at ${units(timeline.returnsAt)}`));
    svg.appendChild(marker);
  }

  const focusable: FocusableSegment[][] = [];
  rows.forEach((row, r) => {
    const rowY = ys[r];
    const lane = s('g', { class: `lane lane-${row.kind}`, role: 'list', 'aria-label': `${row.name} lane` });
    lane.appendChild(s('rect', { class: 'lane-bg', x: gutter, y: rowY, width: width - right - gutter, height: ROW_H, rx: 2 }));
    lane.appendChild(s('text', { class: 'lane-label', x: gutter - 8, y: rowY + ROW_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, row.name));
    if (idleColumn) {
      const idle = row.lanes.reduce((sum, name) => sum + (timeline.idle[name] ?? 1), 0) / Math.max(1, row.lanes.length);
      lane.appendChild(s('text', { class: 'lane-idle', x: width, y: rowY + ROW_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, percent(idle)));
    }
    if (row.note) {
      lane.appendChild(s('text', { class: 'lane-note', x: gutter + 6, y: rowY + ROW_H / 2, 'dominant-baseline': 'central' }, row.note));
    }
    const items: FocusableSegment[] = [];
    for (const seg of row.segments) {
      const el = segmentElement(seg, row.name, x(seg.start), x(seg.end), rowY);
      el.addEventListener('click', () => options.onReveal(seg));
      lane.appendChild(el);
      items.push({ el, seg });
    }
    focusable.push(items);
    svg.appendChild(lane);
  });

  attachKeyboard(svg, focusable, options.onReveal);
  return svg;
}

function segmentElement(seg: TimelineSegment, laneName: string, x0: number, x1: number, rowY: number): SVGGElement {
  const w = Math.max(1.5, x1 - x0);
  const classes = ['seg', `seg-${seg.kind}`];
  if (seg.critical) classes.push('critical');
  // Slivers get no outline: a row of outlined 2px boxes reads as a smudge.
  if (w < 6) classes.push('thin');
  const g = s('g', { class: classes.join(' '), tabindex: -1, role: 'button', 'aria-label': segmentAria(laneName, seg) });
  g.appendChild(s('title', undefined, segmentTooltip(laneName, seg)));
  // Inset by half a stroke so neighbouring segments keep a visible seam.
  const inset = w > 4 ? 0.75 : 0;
  g.appendChild(
    s('rect', {
      class: 'seg-box',
      x: x0 + inset,
      y: rowY + 1,
      width: Math.max(1, w - 2 * inset),
      height: ROW_H - 2,
      rx: w > 6 ? 2.5 : 0,
      // The hatch is a presentation attribute: a url(#id) in the external stylesheet would resolve against the css file.
      fill: seg.kind === 'io' ? `url(#${IO_PATTERN_ID})` : undefined,
    }),
  );
  const text = fitLabel(seg.kind === 'idle' ? [seg.label, 'idle'] : [seg.label], w - 10);
  if (text) g.appendChild(s('text', { class: 'seg-label', x: x0 + 5, y: rowY + ROW_H / 2, 'dominant-baseline': 'central' }, text));
  return g;
}

/**
 * The first label (longest first) that fits the room, else the first one cut
 * with an ellipsis when enough of it stays to be recognisable, else nothing:
 * `fetc…` is noise, `fetch(u…` is not.
 */
export function fitLabel(labels: readonly string[], room: number): string | null {
  const max = Math.floor(room / CHAR_W);
  const lines = labels.map((label) => label.replace(/\s+/g, ' '));
  if (lines[0].length > max && max >= 8) return `${lines[0].slice(0, max - 1)}…`;
  return lines.find((line) => line.length <= max) ?? null;
}

/**
 * Lanes to rows. Worker lanes are all drawn (idle cores are part of the story),
 * but when no worker has work they fold into one row, and with many cores runs
 * of idle workers fold too, so 64 cores do not push the chart off screen.
 */
export function rowsOf(timeline: Timeline): Row[] {
  const rows: Row[] = [];
  const workers = timeline.lanes.filter((lane) => lane.kind === 'worker');
  for (const lane of timeline.lanes) if (lane.kind !== 'worker') rows.push({ name: lane.name, kind: lane.kind, segments: lane.segments, lanes: [lane.name] });
  if (workers.length === 0) return rows;
  if (workers.every((lane) => lane.segments.length === 0)) {
    rows.push({ name: rangeName(workers[0].name, workers[workers.length - 1].name), kind: 'worker', segments: [], note: 'no work sent to workers', lanes: workers.map((w) => w.name) });
    return rows;
  }
  const foldIdle = workers.length > 8;
  for (let i = 0; i < workers.length; i++) {
    let j = i;
    while (foldIdle && j + 1 < workers.length && workers[i].segments.length === 0 && workers[j + 1].segments.length === 0) j++;
    if (j > i) rows.push({ name: rangeName(workers[i].name, workers[j].name), kind: 'worker', segments: [], note: 'idle the whole time', lanes: workers.slice(i, j + 1).map((w) => w.name) });
    else rows.push({ name: workers[i].name, kind: 'worker', segments: workers[i].segments, note: workers[i].segments.length === 0 ? 'idle' : undefined, lanes: [workers[i].name] });
    i = j;
  }
  return rows;
}

/** `worker 3` .. `worker 16` -> `worker 3–16`. */
function rangeName(first: string, last: string): string {
  if (first === last) return first;
  const tail = /(\d+)$/.exec(last)?.[1] ?? last;
  return `${first}–${tail}`;
}
