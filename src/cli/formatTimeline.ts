/**
 * The charts of `--timeline` in the text format: after a file's table and findings,
 * one ASCII chart per function worth drawing (see chartedFunctions), each fitting
 * in 100 columns so it survives a terminal, a CI log and a code review comment.
 */
import type { FunctionReport } from '../core/reportTypes';
import { ASCII_LEGEND, timelineToAscii, type Timeline } from '../core/simulate';
import { NO_COLORS, type Paint } from './color';
import { escapeControl } from './escape';
import { chartedFunctions } from './timelines';

/** Total width of a chart row, indentation included. */
export const CHART_COLUMNS = 100;
const INDENT = '  ';

/**
 * The chart lines for one file's functions, or [] when none is worth drawing.
 * Findings come before this block (they are the lines a CI reader greps for and should
 * not sink below a screenful of charts); the legend is printed once per file, not per chart.
 */
export function timelineBlock(functions: readonly FunctionReport[], timelines: readonly Timeline[], paint: Paint = NO_COLORS): string[] {
  const charted = chartedFunctions(functions, timelines);
  if (charted.length === 0) return [];
  const lines = [
    paint.dim(`${INDENT}timelines (predicted from the code's structure, in relative cost units, not measurements)`),
    paint.dim(`${INDENT}${ASCII_LEGEND}`),
  ];
  for (const index of charted) {
    lines.push('');
    lines.push(...chartLines(functions[index], timelines[index], paint));
  }
  return lines;
}

function chartLines(fn: FunctionReport, timeline: Timeline, paint: Paint): string[] {
  // The line number tells two `<anonymous>` handlers (or two same-named methods) apart.
  // Labels quote the code, so control characters in it are escaped before they reach the terminal.
  const titled: Timeline = {
    ...timeline,
    name: escapeControl(`${fn.name} (line ${fn.line})`),
    lanes: timeline.lanes.map((lane) => ({ ...lane, segments: lane.segments.map((segment) => ({ ...segment, label: escapeControl(segment.label) })) })),
  };
  const legend = `legend: ${ASCII_LEGEND}`;
  const chart = timelineToAscii(titled, chartWidth(timeline))
    .split('\n')
    .filter((line) => line !== legend)
    .flatMap((line) => wrapPath(line, CHART_COLUMNS - INDENT.length));
  return chart.map((line, i) => `${INDENT}${i === 0 ? paint.bold(line) : line}`);
}

/**
 * The critical path line can run to 160 characters; break it between steps (never inside
 * a label) so the whole chart keeps to CHART_COLUMNS. Other lines are returned as they are.
 */
export function wrapPath(line: string, width: number): string[] {
  const prefix = 'critical path: ';
  if (line.length <= width || !line.startsWith(prefix)) return [line];
  const steps = line.slice(prefix.length).split(' → ');
  const out: string[] = [];
  let current = prefix + steps[0];
  for (const step of steps.slice(1)) {
    if (current.length + 3 + step.length <= width) current += ` → ${step}`;
    else {
      out.push(`${current} →`);
      current = ' '.repeat(prefix.length) + step;
    }
  }
  out.push(current);
  return out;
}

/**
 * Columns for the time axis so that `indent + name column + |row|` is CHART_COLUMNS wide.
 * The name column mirrors timelineToAscii's (longest lane name, at least 8, plus 2);
 * measuring every lane, not only the drawn ones, can only make the row narrower.
 */
export function chartWidth(timeline: Timeline): number {
  const nameWidth = Math.max(8, ...timeline.lanes.map((lane) => lane.name.length)) + 2;
  return CHART_COLUMNS - INDENT.length - nameWidth - 2;
}
