/**
 * Keyboard access to the chart with a roving tabindex: the chart is one tab
 * stop (a thousand segments must not be a thousand tab presses); arrows move
 * inside it. Left/Right: previous/next segment of the lane. Up/Down: the
 * segment of the lane above/below nearest in time. Home/End: ends of the lane.
 * Enter/Space: reveal the segment's source, like a click.
 */
import type { TimelineSegment } from '../core/timeline/types';

export interface FocusableSegment {
  el: SVGGElement;
  seg: TimelineSegment;
}

export function attachKeyboard(svg: SVGSVGElement, rows: FocusableSegment[][], onReveal: (seg: TimelineSegment) => void): void {
  const filled = rows.filter((row) => row.length > 0);
  if (filled.length === 0) return;
  let current = { row: 0, index: 0 };
  const setCurrent = (row: number, index: number, focus: boolean) => {
    filled[current.row][current.index].el.setAttribute('tabindex', '-1');
    current = { row, index };
    const target = filled[row][index].el;
    target.setAttribute('tabindex', '0');
    if (focus) target.focus();
  };
  filled[0][0].el.setAttribute('tabindex', '0');

  filled.forEach((row, r) =>
    row.forEach((item, i) => {
      // A click or a focus by other means moves the tab stop there too.
      item.el.addEventListener('focus', () => {
        if (current.row !== r || current.index !== i) setCurrent(r, i, false);
      });
    }),
  );

  svg.addEventListener('keydown', (event: KeyboardEvent) => {
    const { row, index } = current;
    const lane = filled[row];
    switch (event.key) {
      case 'ArrowRight':
        setCurrent(row, Math.min(lane.length - 1, index + 1), true);
        break;
      case 'ArrowLeft':
        setCurrent(row, Math.max(0, index - 1), true);
        break;
      case 'Home':
        setCurrent(row, 0, true);
        break;
      case 'End':
        setCurrent(row, lane.length - 1, true);
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const next = row + (event.key === 'ArrowUp' ? -1 : 1);
        if (next < 0 || next >= filled.length) break;
        setCurrent(next, nearest(filled[next], lane[index].seg), true);
        break;
      }
      case 'Enter':
      case ' ':
        onReveal(lane[index].seg);
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}

/** Index of the segment whose middle is closest in time to `to`'s middle. */
function nearest(row: FocusableSegment[], to: TimelineSegment): number {
  const mid = (to.start + to.end) / 2;
  let best = 0;
  row.forEach((item, i) => {
    if (Math.abs((item.seg.start + item.seg.end) / 2 - mid) < Math.abs((row[best].seg.start + row[best].seg.end) / 2 - mid)) best = i;
  });
  return best;
}
