/** analyze(): bad input becomes a clear value, never an exception; suppressions work. */
import * as assert from 'assert';
import { analyze, looksMinified } from '../../../src/core/report';

describe('analyze: bad input', () => {
  it('a syntax error is a value with a 1-based position', () => {
    const report = analyze('const a = 1;\nfunction (', { fileName: 'bad.ts' });
    assert.deepStrictEqual(report.parseError, { message: 'Identifier expected.', line: 2, column: 10 });
    assert.deepStrictEqual([report.functions, report.findings, report.skipped], [[], [], null]);
  });

  it('JSX parses in .tsx and .jsx, and is a syntax error in .ts', () => {
    const jsx = 'export const A = () => <div className="x">{1}</div>;';
    assert.strictEqual(analyze(jsx, { fileName: 'a.tsx' }).parseError, null);
    assert.strictEqual(analyze(jsx, { fileName: 'a.jsx' }).parseError, null);
    assert.notStrictEqual(analyze(jsx, { fileName: 'a.ts' }).parseError, null);
  });

  it('a file over the size limit is skipped with the reason', () => {
    const report = analyze(`// ${'x'.repeat(5 * 1024 * 1024)}`, { fileName: 'huge.ts' });
    assert.match(report.skipped ?? '', /^file is 5\.0 MB, over the 4 MB analysis limit$/);
    assert.strictEqual(report.parseError, null);
  });

  it('a minified file is skipped, a normal one of the same size is not', () => {
    const minified = 'var a=function(){return 1};'.repeat(2000);
    assert.ok(looksMinified(minified));
    assert.match(analyze(minified, { fileName: 'm.js' }).skipped ?? '', /minified/);
    const normal = 'var a = function () {\n  return 1;\n};\n'.repeat(2000);
    assert.strictEqual(analyze(normal, { fileName: 'n.js' }).skipped, null);
  });

  it('deep nesting is skipped with a clear reason instead of crashing', () => {
    const code = `const x = ${'['.repeat(5000)}${']'.repeat(5000)};`;
    const report = analyze(code, { fileName: 'deep.ts' });
    assert.match(report.skipped ?? '', /nested too deeply/);
  });

  it('binary content is skipped', () => {
    assert.match(analyze('abc\u0000def', { fileName: 'b.js' }).skipped ?? '', /binary/);
  });

  it('an empty file is a sequential module with no findings', () => {
    const report = analyze('', { fileName: 'empty.ts' });
    assert.deepStrictEqual([report.quadrant, report.functions.map((f) => f.name), report.findings], ['sequential', ['<module>'], []]);
  });

  it('the report is plain JSON data (round-trips unchanged)', () => {
    const report = analyze('export async function f(u: string) { return (await fetch(u)).json(); }', { fileName: 'j.ts' });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(report)), report);
  });
});

describe('analyze: rule severities', () => {
  const code = 'export function save(items: string[]) {\n  items.forEach(async (x) => {\n    await fetch(x);\n  });\n}\n';

  it('uses the default severity, and an override replaces it', () => {
    assert.deepStrictEqual(analyze(code).findings.map((f) => [f.rule, f.severity]), [['async-foreach', 'error']]);
    assert.deepStrictEqual(analyze(code, { rules: { 'async-foreach': 'info' } }).findings.map((f) => [f.rule, f.severity]), [['async-foreach', 'info']]);
  });

  it('"off" removes the rule', () => {
    assert.deepStrictEqual(analyze(code, { rules: { 'async-foreach': 'off' } }).findings, []);
  });
});

describe('analyze: inline suppressions', () => {
  const body = 'items.forEach(async (x) => {\n    await fetch(x);\n  });';
  const wrap = (before: string) => `export function save(items: string[]) {\n  ${before}${body}\n}\n`;
  const rules = (code: string) => analyze(code).findings.map((f) => f.rule);

  it('disable-next-line with the rule id', () => {
    assert.deepStrictEqual(rules(wrap('// concurrency-lens-disable-next-line async-foreach\n  ')), []);
  });
  it('disable-next-line with no rule list silences every rule on that line', () => {
    assert.deepStrictEqual(rules(wrap('// concurrency-lens-disable-next-line\n  ')), []);
  });
  it('disable-next-line for another rule keeps the finding', () => {
    assert.deepStrictEqual(rules(wrap('// concurrency-lens-disable-next-line await-in-loop\n  ')), ['async-foreach']);
  });
  it('a file-wide block comment with the rule id', () => {
    assert.deepStrictEqual(rules(`/* concurrency-lens-disable async-foreach */\n${wrap('')}`), []);
  });
  it('a file-wide block comment with a list and a -- reason', () => {
    assert.deepStrictEqual(rules(`/* concurrency-lens-disable await-in-loop, async-foreach -- legacy code */\n${wrap('')}`), []);
  });
  it('disable-line on the same line', () => {
    const code = 'export function save(items: string[]) {\n  items.forEach(async (x) => fetch(x)); // concurrency-lens-disable-line async-foreach\n}\n';
    assert.deepStrictEqual(rules(code), []);
  });
  it('a directive two lines above does not apply', () => {
    assert.deepStrictEqual(rules(wrap('// concurrency-lens-disable-next-line async-foreach\n\n  ')), ['async-foreach']);
  });
});
