/**
 * Issue 11, item 3: the methods of an anonymous class are named `<anonymous>.m`, and the
 * CPU helper followed names starting with '<' as inline callbacks with no cycle guard, so
 * two methods calling each other from loops recursed until the stack ran out and the whole
 * file was reported as "nested too deeply".
 */
import * as assert from 'assert';
import { analyze } from '../../../src/core/report';

/** `count` methods of an anonymous default-exported class, each looping and calling the next (the last calls the first). */
function mutuallyRecursiveClass(count: number): string {
  const methods = Array.from({ length: count }, (_, i) => {
    const next = `m${(i + 1) % count}`;
    const head = i === 0 ? 'private async m0' : `m${i}`;
    return `  ${head}(items) {\n    for (const x of items) {\n      this.${next}(x);\n      this.${next}(x);\n    }\n  }`;
  });
  return `export default class {\n${methods.join('\n')}\n}\n`;
}

describe('bad input: an anonymous class whose methods call each other', () => {
  it('is analysed, not skipped as too deep (two methods)', () => {
    const report = analyze(mutuallyRecursiveClass(2), { fileName: 'cycle.ts' });
    assert.strictEqual(report.skipped, null);
    assert.strictEqual(report.parseError, null);
    assert.deepStrictEqual(report.functions.map((fn) => fn.name), ['<module>', '<anonymous>.m0', '<anonymous>.m1']);
    // The private async method never awaits: the ordinary finding, which proves the rules ran to the end.
    assert.deepStrictEqual(report.findings.filter((f) => f.rule === 'async-without-await').map((f) => [f.line, f.functionId]), [[2, 1]]);
  });

  it('a longer ring of methods is analysed too', () => {
    const report = analyze(mutuallyRecursiveClass(6), { fileName: 'ring.ts' });
    assert.strictEqual(report.skipped, null);
    assert.strictEqual(report.functions.length, 7);
  });
});
