/**
 * Issue 11, item 6: when straight-line work is merged into one CPU segment, the merged
 * span took its end line and column from the node added last, which can be an inner
 * expression of the statement already in the run (`throw new Error(…)` then `new Error(…)`),
 * while its end offset took the later of the two. The span then ended at two places at once.
 */
import * as assert from 'assert';
import type { Segment } from '../../../src/core/model/types';
import { analyze } from '../../../src/core/report';
import { LineIndex } from '../../../src/core/lines';

function allSegments(list: readonly Segment[], out: Segment[] = []): Segment[] {
  for (const segment of list) {
    out.push(segment);
    if (segment.kind === 'loop') allSegments(segment.body, out);
    if (segment.kind === 'fork') for (const task of segment.tasks) allSegments(task, out);
  }
  return out;
}

/** Every segment's line/column ends agree with its offsets, by the editor's line rules. */
function mismatches(text: string): string[] {
  const lines = new LineIndex(text);
  const out: string[] = [];
  for (const fn of analyze(text, { fileName: 'spans.ts' }).functions) {
    for (const { kind, span } of allSegments(fn.segments)) {
      const start = lines.position(span.start);
      const end = lines.position(span.end);
      const expected = [start.line, start.column + 1, end.line, end.column + 1];
      const actual = [span.line, span.column, span.endLine, span.endColumn];
      if (expected.join() !== actual.join()) out.push(`${fn.name} ${kind}: ${actual.join(':')} should be ${expected.join(':')}`);
    }
  }
  return out;
}

describe('bad input: merged CPU segments keep one end', () => {
  it('a statement followed by its own inner expression ends where the statement ends', () => {
    const text = ['function retry(url: string) {', '  let tries = 0;', '  tries++;', '  throw new Error(`giving up on ${url}`);', '}', ''].join('\n');
    assert.deepStrictEqual(mismatches(text), []);
    const fn = analyze(text, { fileName: 'spans.ts' }).functions.find((f) => f.name === 'retry')!;
    const cpu = fn.segments.filter((s) => s.kind === 'cpu');
    assert.strictEqual(cpu.length, 1);
    // From `let` on line 2 to just past the `;` that ends line 4.
    assert.deepStrictEqual([cpu[0].span.line, cpu[0].span.column, cpu[0].span.endLine, cpu[0].span.endColumn], [2, 3, 4, 42]);
  });

  it('a run merged across a dropped call covers lines 2-5 and says so', () => {
    const text = ['function build(input: string) {', '  const a = input.trim();', '  const b = unknownHelper(a);', '  const c = b + a;', '  return c.length;', '}', ''].join('\n');
    assert.deepStrictEqual(mismatches(text), []);
    const fn = analyze(text, { fileName: 'spans.ts' }).functions.find((f) => f.name === 'build')!;
    const spans = fn.segments.map((s) => [s.kind, s.span.line, s.span.endLine]);
    assert.deepStrictEqual(spans, [['cpu', 2, 5]]);
  });
});
