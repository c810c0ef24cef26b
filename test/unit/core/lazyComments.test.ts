/**
 * parseSource collects a file's comments only when they are read (parse.ts), and the readers
 * ask only when the text can hold what they look for. These tests pin that the comments,
 * when read, are exactly what typescript-estree gives when asked for them up front (ranges,
 * values and locations, U+2028 in a comment included), that walking the tree's keys does not
 * collect them, and that the pre-checks say no only where no comment can be.
 */
import * as assert from 'assert';
import { parse } from '@typescript-eslint/typescript-estree';
import { hasCommentIn } from '../../../src/core/facts/waits';
import { buildModel } from '../../../src/core/model/build';
import { parseSource } from '../../../src/core/parse';
import { mayHoldDirective } from '../../../src/core/suppress';

const SOURCE = [
  '// leading line comment',
  '/* block */ const a = 1; // trailing',
  'const re = /\\/\\/ not a comment/;',
  'const s = "// not a comment either";',
  'const t = `/* nor ${a /* but this is */} */`;',
  '/** doc\u2028still the doc */',
  'export async function f() { await g(); } // after',
  '',
].join('\n');

function eagerComments(text: string) {
  return parse(text, { loc: true, range: true, comment: true, jsx: false, suppressDeprecatedPropertyWarnings: true }).comments;
}

describe('comments collected on first read', () => {
  it('are the comments typescript-estree collects up front, once the line model has placed them', () => {
    const parsed = parseSource(SOURCE, 'file.ts');
    assert.ok(parsed.ok);
    const eager = eagerComments(SOURCE)!;
    assert.deepStrictEqual(
      parsed.ast.comments!.map((c) => [c.type, c.value, c.range]),
      eager.map((c) => [c.type, c.value, c.range]),
    );
    assert.deepStrictEqual(
      parsed.ast.comments!.map((c) => c.value),
      [' leading line comment', ' block ', ' trailing', ' but this is ', '* doc\u2028still the doc ', ' after'],
    );
    // U+2028 is no line break for the editor: the comment after it stays on line 7.
    assert.deepStrictEqual(parsed.ast.comments!.at(-1)!.loc, { start: { line: 7, column: 41 }, end: { line: 7, column: 49 } });
    assert.strictEqual(parsed.ast.comments, parsed.ast.comments, 'collected once');
  });

  it('are not among the keys a walk over the tree visits', () => {
    const parsed = parseSource(SOURCE, 'file.ts');
    assert.ok(parsed.ok);
    assert.ok(!Object.keys(parsed.ast).includes('comments'));
  });

  it('a model built from the tree reads them through', () => {
    const parsed = parseSource(SOURCE, 'file.ts');
    assert.ok(parsed.ok);
    const model = buildModel(parsed.ast, SOURCE, 'file.ts');
    assert.strictEqual(model.comments.length, 6);
  });

  it('mayHoldDirective: only text naming a directive can hold one', () => {
    assert.strictEqual(mayHoldDirective('const a = 1; // just a note'), false);
    assert.strictEqual(mayHoldDirective('// concurrency-lens-disable-next-line await-in-loop'), true);
    assert.strictEqual(mayHoldDirective('/* eslint-disable require-await */'), true);
  });

  it('hasCommentIn: a range without a comment opener has no comment, one with a real comment has', () => {
    const text = 'const a = 1;\nconst b = "//"; /* c */\n';
    const parsed = parseSource(text, 'file.ts');
    assert.ok(parsed.ok);
    const model = buildModel(parsed.ast, text, 'file.ts');
    assert.strictEqual(hasCommentIn(model, 0, 12), false);
    // `//` inside a string is no comment: the opener check lets it through and the comments say no.
    assert.strictEqual(hasCommentIn(model, 13, 28), false);
    assert.strictEqual(hasCommentIn(model, 13, text.length), true);
  });
});
