import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countLines, listSourceFiles, type Project } from '../../../bench/realworld/projects';
import { findAwaitLoops, isFlagged } from '../../../bench/realworld/recall';
import { sampleUnjudged, seededRandom, seededShuffle, sourceContext } from '../../../bench/realworld/sample';

describe('real-world study: seeded sampling', () => {
  it('is mulberry32: the recorded seed must keep giving the recorded sample', () => {
    const random = seededRandom(9);
    assert.deepStrictEqual([random(), random(), random()], [0.19872891809791327, 0.8512107962742448, 0.1417661067098379]);
    assert.deepStrictEqual(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8], 9), [8, 7, 4, 3, 5, 1, 6, 2]);
  });

  it('shuffles into a permutation, the same for the same seed and another for another seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = seededShuffle(items, 42);
    assert.deepStrictEqual(seededShuffle(items, 42), a);
    assert.notDeepStrictEqual(seededShuffle(items, 43), a);
    assert.deepStrictEqual([...a].sort((x, y) => x - y), items);
  });

  it('takes the first unjudged items of one seeded order, whatever order they came in', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const order = seededShuffle(items, 9); // items are already sorted, so this is the order sampled
    const judged = new Set([order[0], order[2]]);
    const sample = sampleUnjudged([...items].reverse(), (s) => s, (s) => judged.has(s), 3, 9);
    assert.deepStrictEqual(sample, [{ item: order[1], rank: 2 }, { item: order[3], rank: 4 }, { item: order[4], rank: 5 }]);
    assert.strictEqual(sampleUnjudged(items, (s) => s, () => true, 3, 9).length, 0);
  });

  it('shows numbered source around a line, marked, clamped at the file edges', () => {
    assert.strictEqual(sourceContext('one\ntwo\nthree', 1, 3, 1), '> 1 | one\n  2 | two');
    assert.strictEqual(sourceContext('a\nb\nc\nd', 3, 1, 5), '  2 | b\n> 3 | c\n  4 | d');
  });
});

describe('real-world study: loops no-await-in-loop reports', () => {
  const nests = (code: string, file = 'x.ts') => findAwaitLoops(code, file).map((n) => [n.line, n.kind, n.awaits.map((a) => `${a.line}:${a.column}`)]);

  it('finds awaits in loop bodies and in for/while tests, one entry per outermost loop of a function', () => {
    const code = [
      'async function f(xs, ys) {',
      '  for (const x of xs) {',
      '    await a(x);',
      '    for (const y of ys) await b(y);',
      '  }',
      '  while (await more()) {}',
      '  for (let i = 0; i < n; i = await next(i)) {}',
      '}',
    ].join('\n');
    assert.deepStrictEqual(nests(code), [
      [2, 'ForOfStatement', ['3:5', '4:25']],
      [6, 'WhileStatement', ['6:10']],
      [7, 'ForStatement', ['7:30']],
    ]);
  });

  it('leaves out awaits in nested functions, in for await loops, and in the iterable or init of a loop', () => {
    const code = [
      'async function f(xs) {',
      '  for (const x of xs) { xs.map(async () => await a(x)); }',
      '  for await (const c of stream) { await handle(c); }',
      '  for (const x of await list()) {}',
      '  for (let i = await start(); i < 3; i++) {}',
      '}',
    ].join('\n');
    assert.deepStrictEqual(nests(code), []);
  });

  it('counts a nest as flagged only when a finding sits on one of its awaits', () => {
    const [nest] = findAwaitLoops('async function f(xs) {\n  for (const x of xs) {\n    await a(x);\n  }\n}', 'x.ts');
    assert.strictEqual(isFlagged(nest, [{ line: 3, column: 5 }]), true);
    assert.strictEqual(isFlagged(nest, [{ line: 2, column: 3 }]), false);
  });

  it('reads JSX in .js files and gives up quietly on a file that does not parse', () => {
    assert.strictEqual(findAwaitLoops('async function f(xs){ for (const x of xs) await g(<b>{x}</b>); }', 'a.js').length, 1);
    assert.deepStrictEqual(findAwaitLoops('for (const x of', 'bad.ts'), []);
  });
});

describe('real-world study: the analysed files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-realworld-'));
    const files = ['lib/a.ts', 'lib/b.d.ts', 'lib/c.test.js', 'lib/d.min.js', 'lib/e.md', 'lib/test/f.ts', 'lib/.hidden/g.ts', 'lib/sub/h.mjs', 'other/i.ts'];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x\n');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists source files of the sub-paths, without excluded folders, declarations, tests and minified files', () => {
    const project: Project = { name: 'p', repo: 'o/p', commit: 'c', paths: ['lib'], kind: '', files: 0, lines: 0 };
    const exclude = { dirs: ['test'], files: ['\\.d\\.[mc]?ts$', '\\.min\\.js$', '\\.(test|spec)\\.[mc]?[jt]sx?$'] };
    assert.deepStrictEqual(listSourceFiles(dir, project, exclude), ['lib/a.ts', 'lib/sub/h.mjs']);
  });

  it('counts lines as an editor does', () => {
    assert.deepStrictEqual([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb'), countLines('a\n\n')], [0, 1, 1, 2, 2]);
  });
});
