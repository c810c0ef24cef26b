/**
 * Issue 11, item 2: whether a deeply nested file is "too deep" must not depend on what the
 * process analysed before (a warm JIT has smaller frames, so the same file once overflowed
 * the parser's stack and later parsed for a minute). The nesting estimate decides before
 * parsing; these tests pin what it counts, what it skips, that its verdict never changes,
 * and that the parser really copes, cold, at twice the limit.
 */
import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateNesting } from '../../../src/core/depth';
import { MAX_NESTING } from '../../../src/core/limits';
import { analyze } from '../../../src/core/report';
import { makeTempDir, removeTempDir, REPO_ROOT } from '../cli/helpers';

const depth = (text: string, jsx = false) => estimateNesting(text, jsx).depth;

/** Shapes of nesting, by level: each is valid code at any `n`. */
const SHAPES: Record<string, (n: number) => string> = {
  arrays: (n) => `x = ${'['.repeat(n)}1${']'.repeat(n)};`,
  parens: (n) => `x = ${'('.repeat(n)}1${')'.repeat(n)};`,
  blocks: (n) => `${'{'.repeat(n)}x;${'}'.repeat(n)}`,
  tryBlocks: (n) => `${'try {'.repeat(n)}x;${'} finally {}'.repeat(n)}`,
  callbacks: (n) => `${'f(() => {'.repeat(n)}x;${'});'.repeat(n)}`,
  iifes: (n) => `${'(function () {'.repeat(n)}x;${'})();'.repeat(n)}`,
  arrowBodies: (n) => `x = ${'(a) => ('.repeat(n)}1${')'.repeat(n)};`,
  templates: (n) => `x = ${'`${'.repeat(n)}1${'}`'.repeat(n)};`,
  sums: (n) => `x = 1${' + 1'.repeat(n)};`,
  methodChain: (n) => `x = a${'.b()'.repeat(n)};`,
  genericTypes: (n) => `let x: ${'Array<'.repeat(n)}number${'>'.repeat(n)};`,
  jsxElements: (n) => `x = ${'<div>'.repeat(n)}a${'</div>'.repeat(n)};`,
  elseIfs: (n) => `if (a) {}${' else if (a) {}'.repeat(n)}`,
};

/** The shapes where the parser stops closest to the estimate (see limits.ts): the ones worth a cold process each. */
const TIGHTEST = ['genericTypes', 'templates', 'arrays', 'jsxElements', 'tryBlocks', 'arrowBodies', 'iifes'];

/** The smallest level count whose estimate exceeds `target`. */
function levelsOver(shape: (n: number) => string, target: number, jsx: boolean): number {
  let n = 1;
  while (depth(shape(n), jsx) <= target) n++;
  return n;
}

describe('bad input: the nesting estimate', () => {
  it('counts brackets ({ twice), operator chains and member chains', () => {
    assert.strictEqual(depth('x = [[[1]]];'), 4); // three brackets and the `=`
    assert.strictEqual(depth('{{{x;}}}'), 6);
    assert.strictEqual(depth('x = 1 + 1 + 1 + 1;'), 4);
    assert.strictEqual(depth('x = a.b.c.d;'), 4);
    assert.strictEqual(depth('if (a) if (b) if (c) x = 1;'), 5);
    assert.strictEqual(depth('x = !!!!y;'), 5);
  });

  it('member chains do not add up across the operands of a long condition', () => {
    const condition = Array.from({ length: 60 }, (_, i) => `ts.factory.isKind${i}(node)`).join(' || ');
    const estimate = depth(`if (${condition}) {}`);
    assert.ok(estimate > 60 && estimate < 75, String(estimate));
  });

  it('links after a bracket deepen what it held: the first callback of a chain is the deepest', () => {
    const first = depth(`p.then(() => { ${'['.repeat(20)}${']'.repeat(20)} })${'.then(g)'.repeat(30)};`);
    const last = depth(`p${'.then(g)'.repeat(30)}.then(() => { ${'['.repeat(20)}${']'.repeat(20)} });`);
    assert.ok(first >= 80, String(first));
    assert.ok(last >= 80, String(last));
  });

  it('a chain ends at a line break, unless an operator joins the lines', () => {
    const statements = Array.from({ length: 400 }, (_, i) => `a${i} = b${i}`).join('\n');
    assert.ok(depth(statements) <= 3, 'one chain per line');
    const joined = `x = 'a'${"\n  + 'a'".repeat(400)}`;
    assert.ok(depth(joined) > 400, 'a leading + continues the chain');
    const trailing = `x = 'a' +${"\n  'a' +".repeat(400)}\n  'a'`;
    assert.ok(depth(trailing) > 400, 'a trailing + continues the chain');
  });

  it('arguments, elements and properties are lists; a parenthesised comma sequence nests', () => {
    assert.ok(depth(`f(${Array.from({ length: 500 }, (_, i) => `a${i}`).join(', ')});`) <= 3);
    assert.ok(depth(`x = [${'1, '.repeat(500)}];`) <= 3);
    assert.ok(depth(`x = (${Array.from({ length: 500 }, () => '1').join(', ')});`) > 500);
  });

  it('skips brackets in strings, comments, template text, regular expressions and JSX text', () => {
    const many = '('.repeat(1000);
    assert.ok(depth(`x = "${many}"; y = '${'{'.repeat(1000)}';`) <= 2);
    assert.ok(depth(`// ${many}\n/* ${'['.repeat(1000)} */\nx = 1;`) <= 2);
    assert.ok(depth(`x = \`${many} {{{ \${a} }}}\`;`) <= 3);
    assert.ok(depth(`x = /[(]{2}\\(${'\\['.repeat(300)}/g.test(s) / 2;`) <= 4);
    assert.ok(depth(`const A = () => <p title="((((">Don't {x} ${'{'.repeat(0)}(((( [[[[ it's</p>;`, true) <= 8);
  });

  it('counts substitutions in templates and JSX elements', () => {
    assert.ok(depth(`x = ${'`${'.repeat(300)}1${'}`'.repeat(300)};`) > 300);
    assert.ok(depth(`x = ${'<div>'.repeat(300)}a${'</div>'.repeat(300)};`, true) > 300);
    assert.ok(depth(`x = ${'<div>'.repeat(300)}a${'</div>'.repeat(300)};`, true) < 330);
  });

  it('a stray quote or closer cannot swallow the file or pop what is open', () => {
    assert.strictEqual(depth(`x = "unterminated\n${'{'.repeat(10)}${'}'.repeat(10)}`), 20);
    assert.strictEqual(depth(`)))]]]}}} ${'['.repeat(10)}`), 10);
  });

  it('stops scanning once the limit is passed', () => {
    const estimate = estimateNesting(`${'['.repeat(100_000)}`, false, MAX_NESTING);
    assert.strictEqual(estimate.depth, MAX_NESTING + 1);
    assert.strictEqual(estimate.offset, MAX_NESTING + 1);
  });
});

describe('bad input: one depth verdict, whatever ran before', () => {
  const everyday = ['examples/crawler.ts', 'examples/image-pipeline.ts', 'examples/web-handler.ts', 'examples/worker-pool.ts', 'test/fixtures/reports/widget.tsx']
    .map((file) => ({ file, text: fs.readFileSync(path.join(REPO_ROOT, file), 'utf8') }));

  const cases = Object.entries(SHAPES).flatMap(([name, shape]) => {
    const jsx = name.startsWith('jsx');
    const over = levelsOver(shape, MAX_NESTING, jsx);
    const fileName = jsx ? 'deep.tsx' : 'deep.ts';
    return [
      { name: `${name} just over the limit`, text: shape(over), fileName, tooDeep: true },
      { name: `${name} just under it`, text: shape(over - 1), fileName, tooDeep: false },
    ];
  });

  it('is skipped as too deep (naming the line) just over the limit, and analysed just under it', () => {
    for (const { name, text, fileName, tooDeep } of cases) {
      const report = analyze(text, { fileName });
      if (tooDeep) assert.match(report.skipped ?? '', /^code is nested too deeply to analyse \(more than 250 levels of brackets and operator chains, at line 1\)$/, name);
      else assert.deepStrictEqual([report.skipped, report.parseError], [null, null], name);
    }
  });

  it('gives the same report alone and after hundreds of other files', () => {
    const alone = cases.map(({ text, fileName }) => analyze(text, { fileName }));
    for (let round = 0; round < 60; round++) for (const { file, text } of everyday) analyze(text, { fileName: file });
    const after = cases.map(({ text, fileName }) => analyze(text, { fileName }));
    assert.deepStrictEqual(after, alone);
  });

  it('the parser and the analysis cope with twice the limit on the default stack of a cold process', function () {
    this.timeout(120_000);
    const dir = makeTempDir();
    try {
      const failures: string[] = [];
      for (const name of TIGHTEST) {
        const shape = SHAPES[name];
        const jsx = name.startsWith('jsx');
        const file = path.join(dir, `${name}.${jsx ? 'tsx' : 'ts'}`);
        fs.writeFileSync(file, shape(levelsOver(shape, 2 * MAX_NESTING, jsx)));
        // The pipeline without the depth check, in a fresh process: where the stack really ends.
        const script = `
          const fs = require('fs');
          const { parseSource } = require(${JSON.stringify(path.join(REPO_ROOT, 'out/src/core/parse.js'))});
          const { analyzeParsed } = require(${JSON.stringify(path.join(REPO_ROOT, 'out/src/core/report.js'))});
          const text = fs.readFileSync(process.argv[1], 'utf8');
          const parsed = parseSource(text, process.argv[1]);
          if (!parsed.ok) { console.log(parsed.error.message); process.exit(1); }
          const { report } = analyzeParsed(parsed.ast, text, { fileName: process.argv[1] });
          if (report.skipped) { console.log(report.skipped); process.exit(1); }
          console.log('ok');`;
        const run = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8', timeout: 60_000 });
        if (run.stdout.trim() !== 'ok') failures.push(`${name}: ${run.stdout.trim()} ${run.stderr.trim().split('\n').pop()}`);
      }
      assert.deepStrictEqual(failures, []);
    } finally {
      removeTempDir(dir);
    }
  });
});
