/**
 * Issue 11, item 5: one line model everywhere, the editor's. `\n`, `\r\n` and `\r` break
 * lines; U+2028 and U+2029 do not, although TypeScript's scanner counts them. A finding on
 * line 4 after a string holding both was reported on line 6.
 */
import * as assert from 'assert';
import { formatJson } from '../../../src/cli/formatJson';
import { toSarifLog } from '../../../src/cli/formatSarif';
import { formatText } from '../../../src/cli/formatText';
import { LineIndex, splitLines } from '../../../src/core/lines';
import { analyze } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';

const LS = '\u2028';
const PS = '\u2029';

/** An await in a loop on line `4`, after a line whose string, comment and template hold LS/PS. */
function source(breakChar: string): string {
  return [
    `const banner = "a${LS}b${PS}c"; // note${LS}more`,
    `const tpl = \`x${PS}y\`; /* ${LS} */`,
    'export async function crawl(urls: string[]) {',
    '  for (const u of urls) await fetch(u);',
    '}',
    '',
  ].join(breakChar);
}

describe('bad input: one line model (the editor\'s)', () => {
  it('LineIndex breaks at \\n, \\r\\n and \\r, not at U+2028/U+2029', () => {
    const index = new LineIndex(`a\nb\r\nc\rd${LS}e${PS}f`);
    assert.strictEqual(index.lineCount, 4);
    assert.deepStrictEqual([1, 2, 3, 4].map((line) => index.lineText(line)), ['a', 'b', 'c', `d${LS}e${PS}f`]);
    assert.deepStrictEqual(index.position(3), { line: 2, column: 1 }); // the \r of \r\n stays on line 2
    assert.deepStrictEqual(index.position(11), { line: 4, column: 4 }); // the f after U+2028 and U+2029 on the same line
    assert.strictEqual(index.offsetAt(4, 4), 11);
    assert.strictEqual(index.offsetAt(2, 3), null);
    assert.deepStrictEqual(splitLines(`a\r\nb\rc\nd${LS}e`), ['a', 'b', 'c', `d${LS}e`]);
  });

  for (const [name, breakChar] of [['\\n', '\n'], ['\\r\\n', '\r\n'], ['\\r', '\r']] as const) {
    it(`findings, functions, timelines, JSON, SARIF and text agree on line 4 (${name} line ends)`, () => {
      const text = source(breakChar);
      const report = analyze(text, { fileName: 'crawl.ts' });
      const finding = report.findings.find((f) => f.rule === 'await-in-loop');
      assert.ok(finding, JSON.stringify(report.findings));
      assert.deepStrictEqual([finding.line, finding.column, finding.endLine], [4, 25, 4]);
      const crawl = report.functions.find((fn) => fn.name === 'crawl')!;
      assert.deepStrictEqual([crawl.line, crawl.endLine], [3, 5]);

      const timeline = simulate(report, crawl.id, { cores: 2 });
      const lines = timeline.lanes.flatMap((lane) => lane.segments.filter((s) => s.kind !== 'idle').map((s) => s.line));
      assert.ok(lines.length > 0);
      assert.ok(lines.every((line) => line === 4), `timeline lines ${lines.join()}`);

      const file = { path: 'crawl.ts', text, report };
      const json = JSON.parse(formatJson([file])) as { files: { findings: { rule: string; line: number }[] }[] };
      assert.deepStrictEqual(json.files[0].findings.map((f) => [f.rule, f.line]), [['await-in-loop', 4]]);
      const sarif = toSarifLog({ files: [file], problems: [] });
      assert.deepStrictEqual(sarif.runs[0].results!.map((r) => r.locations![0].physicalLocation!.region!.startLine), [4]);
      assert.match(formatText({ files: [file], problems: [] }, { cores: 2 }), /^crawl\.ts:4:25 warning await-in-loop /m);
    });
  }

  it('a parse error after U+2028 is placed by the editor\'s lines', () => {
    const report = analyze(`const a = "${LS}${LS}";\nlet b = ;\n`, { fileName: 'bad.ts' });
    assert.deepStrictEqual(report.parseError, { message: 'Expression expected.', line: 2, column: 9 });
  });

  it('comments keep their lines too: a disable-next-line after U+2029 still applies to the next line', () => {
    const text = [`// ${PS} concurrency-lens-disable-next-line await-in-loop`, 'export async function f(xs: string[]) { for (const x of xs) await fetch(x); }', ''].join('\n');
    assert.deepStrictEqual(analyze(text, { fileName: 'c.ts' }).findings.map((f) => f.rule), []);
  });
});
