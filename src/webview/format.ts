/** Words and numbers shown on the page, in one place so the chart, tooltips and screen-reader labels agree. */
import type { Quadrant } from '../core/model/types';
import type { TimelineSegment, TimelineSegmentKind } from '../core/timeline/types';

export const KIND_NAME: Record<TimelineSegmentKind, string> = {
  cpu: 'CPU work',
  io: 'waiting on I/O',
  blocking: 'blocking call',
  idle: 'idle',
};

export const KIND_LEGEND: Record<TimelineSegmentKind, string> = {
  cpu: 'CPU work',
  io: 'waiting on I/O',
  blocking: 'blocking (thread frozen)',
  idle: 'idle (nothing to run)',
};

export const KIND_SHORT: Record<TimelineSegmentKind, string> = {
  cpu: 'CPU',
  io: 'I/O wait',
  blocking: 'blocking',
  idle: 'idle',
};

/** Short forms for the quadrant badge; the sentence comes from core/explain. */
export const QUADRANT_SHORT: Record<Quadrant, string> = {
  sequential: 'sequential',
  concurrent: 'concurrent',
  parallel: 'parallel',
  'concurrent-parallel': 'concurrent + parallel',
};

/** Relative units: integers stay integers, fractions get at most one decimal. */
export function units(value: number): string {
  if (!Number.isFinite(value)) return '?';
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function percent(share: number): string {
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
}

export function times(speedup: number): string {
  return `${speedup >= 10 ? speedup.toFixed(1) : speedup.toFixed(2)}×`;
}

/** `<module>` and `<anonymous>` are the core's placeholders, not names the user wrote. */
export function functionName(name: string): string {
  if (name === '<module>') return 'module top level';
  if (name === '<anonymous>') return 'anonymous function';
  return name;
}

function lineOf(seg: TimelineSegment): string {
  return seg.endLine && seg.endLine > seg.line ? `lines ${seg.line}–${seg.endLine}` : `line ${seg.line}`;
}

/** What a screen reader says for a focused segment. */
export function segmentAria(laneName: string, seg: TimelineSegment): string {
  const critical = seg.critical ? ', on the critical path' : '';
  return `${laneName} lane: ${KIND_NAME[seg.kind]} '${seg.label}', from ${units(seg.start)} to ${units(seg.end)} units, ${lineOf(seg)}${critical}`;
}

/** The hover tooltip (an SVG <title>): label first, then the facts. */
export function segmentTooltip(laneName: string, seg: TimelineSegment): string {
  const facts = [`${KIND_NAME[seg.kind]} on ${laneName}`, `${units(seg.start)}–${units(seg.end)} (${units(seg.end - seg.start)} units)`, lineOf(seg)];
  if (seg.critical) facts.push('critical path');
  return `${seg.label}\n${facts.join(' · ')}\nClick to show it in the editor.`;
}
