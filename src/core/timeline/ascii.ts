/**
 * A timeline as plain text for the CLI (`--timeline` with the text format): one
 * row per lane, like the charts in concepts.md. Every kind has its own fill
 * character and every segment of three columns or more gets brackets, so the
 * chart reads without colour and in a log file.
 */
import type { Timeline, TimelineLane, TimelineSegment, TimelineSegmentKind } from './types';

export const ASCII_FILL: Record<TimelineSegmentKind, string> = { cpu: '█', io: '░', blocking: '▓', idle: '·' };
export const ASCII_LEGEND = '█ CPU   ░ waiting on I/O   ▓ blocking call (thread frozen)   · idle   [..] one segment';

const MAX_WIDTH = 400;

export function timelineToAscii(timeline: Timeline, width = 60): string {
  const cols = Math.max(10, Math.min(MAX_WIDTH, Math.floor(width)));
  const drawn = timeline.lanes.filter((lane) => lane.segments.length > 0 || lane.kind === 'main');
  const idleWorkers = timeline.lanes.filter((lane) => lane.kind === 'worker' && lane.segments.length === 0);
  const nameWidth = Math.max(8, ...drawn.map((lane) => lane.name.length)) + 2;
  const lines: string[] = [];
  lines.push(`${timeline.name}: ${formatNumber(timeline.total)} units on ${threadsText(timeline)}`);
  for (const lane of drawn) lines.push(`${lane.name.padEnd(nameWidth)}|${laneRow(lane, timeline.total, cols)}|`);
  if (idleWorkers.length > 0) lines.push(`${workerRange(idleWorkers).padEnd(nameWidth)} ${timeline.threads === 0 ? '(no work sent to workers)' : '(idle the whole time)'}`);
  const end = formatNumber(timeline.total);
  lines.push(`${' '.repeat(nameWidth)}0${end.padStart(cols + 1)}`);
  lines.push(`legend: ${ASCII_LEGEND}`);
  const path = criticalPathText(timeline);
  if (path) lines.push(`critical path: ${path}`);
  lines.push(summaryLine(timeline));
  return lines.join('\n');
}

/** "2 cores: the main thread + 8 worker threads (they take turns)". */
function threadsText(timeline: Timeline): string {
  const cores = `${timeline.cores} core${timeline.cores === 1 ? '' : 's'}`;
  if (timeline.threads === 0) return `${cores}: the main thread`;
  const threads = `${timeline.threads} worker thread${timeline.threads === 1 ? '' : 's'}`;
  return `${cores}: the main thread + ${threads}${timeline.busiest > timeline.cores ? ` (up to ${timeline.busiest} at once: they take turns)` : ''}`;
}

/** total, idle share of the main thread, the simulated speed-up beside Amdahl's bound: the line under every chart. */
export function summaryLine(timeline: Timeline): string {
  const { speedup } = timeline;
  const parts = [`total ${formatNumber(timeline.total)}`];
  if (timeline.returnsAt < timeline.total) parts.push(`returns at ${formatNumber(timeline.returnsAt)}`);
  parts.push(`main idle ${Math.round((timeline.idle.main ?? 0) * 100)}%`);
  const ceiling = speedup.ceiling === null ? 'no limit' : `${speedup.ceiling.toFixed(2)}x`;
  parts.push(`S(${speedup.cores}) = ${speedup.S.toFixed(2)}x simulated (Amdahl's bound for P ${speedup.P.toFixed(2)}: ${speedup.amdahl.toFixed(2)}x, ceiling ${ceiling})`);
  if (timeline.truncated) parts.push('truncated');
  return parts.join(' · ');
}

function laneRow(lane: TimelineLane, total: number, cols: number): string {
  const row: string[] = new Array<string>(cols).fill(lane.kind === 'io' ? ' ' : ASCII_FILL.idle);
  if (total <= 0) return row.join('');
  const scale = cols / total;
  for (const segment of lane.segments) if (segment.kind === 'idle') paint(row, segment, Math.round(segment.start * scale), Math.round(segment.end * scale));
  // Work on top of idle, left to right, each at least one column wide: a one-unit
  // step next to a long wait must stay visible, even if it nudges its neighbour right.
  let cursor = 0;
  for (const segment of lane.segments) {
    if (segment.kind === 'idle' || segment.end <= segment.start) continue;
    const from = Math.min(cols - 1, Math.max(cursor, Math.round(segment.start * scale)));
    const to = Math.min(cols, Math.max(from + 1, Math.round(segment.end * scale)));
    paint(row, segment, from, to);
    cursor = to;
  }
  return row.join('');
}

function paint(row: string[], segment: TimelineSegment, from: number, to: number): void {
  const cells = segmentCells(segment, to - from, ASCII_FILL[segment.kind]);
  for (let i = 0; i < cells.length; i++) row[from + i] = cells[i];
}

/** `[label███]` when it fits, `[█████]` when only the brackets fit, bare fill when narrower. */
function segmentCells(segment: TimelineSegment, width: number, fill: string): string[] {
  if (segment.kind === 'idle' || width < 3) return new Array<string>(width).fill(fill);
  const label = segment.label.replace(/\s+/g, ' ');
  const inner = label.length <= width - 2 ? label + fill.repeat(width - 2 - label.length) : fill.repeat(width - 2);
  return ['[', ...inner, ']'];
}

function workerRange(lanes: readonly TimelineLane[]): string {
  const numbers = lanes.map((lane) => lane.name.replace(/^worker /, ''));
  return numbers.length === 1 ? `worker ${numbers[0]}` : `worker ${numbers[0]}-${numbers[numbers.length - 1]}`;
}

function criticalPathText(timeline: Timeline, maxChars = 160): string {
  const names = timeline.criticalPath.map(({ lane, index }) => {
    const segment = timeline.lanes[lane].segments[index];
    return `${segment.label} (${timeline.lanes[lane].name})`;
  });
  let text = '';
  for (const name of names) {
    const next = text ? `${text} → ${name}` : name;
    if (next.length > maxChars) return `${text} → …`;
    text = next;
  }
  return text;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}
