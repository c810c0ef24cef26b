/** The legend and the shared SVG pattern (the I/O hatch) every chart refers to. */
import type { TimelineSegmentKind } from '../core/timeline/types';
import { h, s } from './dom';
import { KIND_LEGEND, KIND_SHORT } from './format';
import { IO_PATTERN_ID } from './chart';

/**
 * One zero-size SVG holding the pattern, added once per page. It must not be
 * display:none, or Chromium stops painting the pattern everywhere it is used.
 */
export function sharedDefs(): SVGSVGElement {
  const pattern = s('pattern', { id: IO_PATTERN_ID, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
  pattern.appendChild(s('rect', { class: 'hatch-bg', width: 6, height: 6 }));
  pattern.appendChild(s('line', { class: 'hatch-line', x1: 1.5, y1: 0, x2: 1.5, y2: 6 }));
  return s('svg', { class: 'shared-defs', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' }, s('defs', undefined, pattern));
}

function swatch(kind: TimelineSegmentKind | 'critical'): SVGSVGElement {
  const cls = kind === 'critical' ? 'seg seg-cpu critical' : `seg seg-${kind}`;
  const rect = s('rect', { class: 'seg-box', x: 1.5, y: 1.5, width: 21, height: 11, rx: 2, fill: kind === 'io' ? `url(#${IO_PATTERN_ID})` : undefined });
  return s('svg', { class: 'swatch', width: 24, height: 14, 'aria-hidden': 'true' }, s('g', { class: cls }, rect));
}

export function renderLegend(): HTMLElement {
  const kinds: TimelineSegmentKind[] = ['cpu', 'io', 'blocking', 'idle'];
  // Long and short wording: the stylesheet shows the short one in the narrow sidebar.
  const text = (long: string, short: string) => [h('span', { class: 'long' }, long), h('span', { class: 'short' }, short)];
  const items = kinds.map((kind) => h('li', undefined, swatch(kind), ...text(KIND_LEGEND[kind], KIND_SHORT[kind])));
  items.push(h('li', undefined, swatch('critical'), ...text('critical path (outlined)', 'critical path')));
  return h('ul', { class: 'legend', 'aria-label': 'Legend' }, ...items);
}
