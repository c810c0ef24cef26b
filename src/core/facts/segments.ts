/**
 * Segment-list helpers shared by the CPU rules: the forks in a list, and the
 * local calls the model dropped from a function's segments.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ForkSegment, FunctionInfo, Model, Segment } from '../model/types';
import { spanOf } from '../model/spans';

/** Forks in a segment list, including those in loop bodies (not in callees: they are reported in their own function). */
export function collectForks(list: readonly Segment[], out: ForkSegment[]): void {
  for (const seg of list) {
    if (seg.kind === 'fork') {
      out.push(seg);
      for (const task of seg.tasks) collectForks(task, out);
    } else if (seg.kind === 'loop') collectForks(seg.body, out);
  }
}

function collectCallStarts(list: readonly Segment[], out: Set<number>): void {
  for (const seg of list) {
    if (seg.kind === 'call') out.add(seg.span.start);
    else if (seg.kind === 'loop') collectCallStarts(seg.body, out);
    else if (seg.kind === 'fork') for (const task of seg.tasks) collectCallStarts(task, out);
  }
}

function labelText(text: string, node: TSESTree.Node): string {
  const line = text.slice(node.range[0], Math.min(node.range[1], node.range[0] + 120)).split('\n')[0].trim();
  return line.length > 48 ? `${line.slice(0, 47)}…` : line;
}

/**
 * A function's segments plus calls to local functions the model dropped:
 * `const r = rank(items)` is parked as a promise to join at a later `await r`,
 * and lost when that await never comes (a sync helper). Only calls outside
 * loops are restored, after the others.
 */
export function withLostCalls(model: Model, fn: FunctionInfo): readonly Segment[] {
  const present = new Set<number>();
  collectCallStarts(fn.segments, present);
  const lost: Segment[] = fn.sites.calls
    .filter((c) => c.calleeId !== null && c.calleeId !== fn.id && c.loops.length === 0 && !present.has(c.node.range[0]))
    .map((c) => ({ kind: 'call', calleeId: c.calleeId!, calleeName: c.localName ?? '<local>', awaited: c.awaited, span: spanOf(c.node), label: labelText(model.text, c.node) }));
  return lost.length > 0 ? [...fn.segments, ...lost] : fn.segments;
}
