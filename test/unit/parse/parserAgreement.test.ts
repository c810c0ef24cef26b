/**
 * Plain JavaScript is parsed by espree, the rest by typescript-estree (parse.ts). These
 * tests pin which parser reads what, and that for JavaScript both give the same report,
 * summary and comments: over every file of undici's lib (real code, in every checkout's
 * node_modules) and the repository's own JavaScript fixtures, and over the cases where the
 * two could part: hashbangs, sloppy-mode code, top-level return, JSX, line separators,
 * type annotations in a .js file, syntax errors.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseSource } from '../../../src/core/parse';
import { reasonToSkip } from '../../../src/core/report';
import { compareParsers } from './parserAgreement';

const ROOT = path.resolve(__dirname, '../../../..');

/** acorn (under espree) gives every node `start` and `end`; typescript-estree does not. */
function readBy(text: string, file: string): 'espree' | 'typescript-estree' | 'neither' {
  const parsed = parseSource(text, file);
  if (!parsed.ok) return 'neither';
  return 'start' in parsed.ast ? 'espree' : 'typescript-estree';
}

function javaScriptFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(js|mjs|cjs|jsx)$/.test(entry.name)) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

const CASES: { name: string; file: string; text: string; parser: 'espree' | 'typescript-estree' | 'neither' }[] = [
  { name: 'a module with an awaited loop', file: 'a.js', parser: 'espree', text: 'export async function f(xs) {\n  for (const x of xs) await fetch(x);\n}\n' },
  { name: 'a hashbang line (espree lists it as a comment, typescript-estree does not)', file: 'bin.js', parser: 'espree', text: '#!/usr/bin/env node\n// concurrency-lens-disable-next-line await-in-loop\nfor (const x of process.argv) await import(x);\n' },
  { name: 'sloppy-mode code (a with statement, duplicate parameters)', file: 'old.js', parser: 'espree', text: 'function f(a, a) { with (a) { g(); } }\nvar p = new Promise(function (r) { r(1); });\n' },
  { name: 'a top-level return in CommonJS', file: 'cjs.js', parser: 'espree', text: 'if (module.parent) return;\nrequire("fs").readFileSync("x");\n' },
  { name: 'JSX', file: 'view.jsx', parser: 'espree', text: 'export const View = async () => { const d = await load(); return <ul>{d.map((x) => <li key={x}>{x}</li>)}</ul>; };\n' },
  { name: 'a line separator inside a string and a comment', file: 'sep.js', parser: 'espree', text: 'const s = "a\u2028b"; /* c\u2029d */\nexport async function f() { await g(); await h(); }\n' },
  { name: 'type annotations in a .js file (Flow-style) go to typescript-estree', file: 'typed.js', parser: 'typescript-estree', text: 'export async function f(x: number): Promise<string> { return String(await g(x)); }\n' },
  { name: 'an import in a .cjs file goes to typescript-estree', file: 'odd.cjs', parser: 'typescript-estree', text: 'import fs from "fs";\nfs.readFileSync("x");\n' },
  { name: 'TypeScript is never read by espree', file: 'plain.ts', parser: 'typescript-estree', text: 'export async function f() { await g(); }\n' },
  { name: 'a syntax error', file: 'broken.js', parser: 'neither', text: 'const = ;\n' },
];

describe('parser agreement: espree for JavaScript, typescript-estree for the rest', () => {
  for (const c of CASES) {
    it(`${c.name}: read by ${c.parser}, same analysis as typescript-estree's`, () => {
      assert.strictEqual(readBy(c.text, c.file), c.parser);
      assert.strictEqual(compareParsers(c.text, c.file), null);
    });
  }

  it('valid sloppy-mode JavaScript that TypeScript refuses (an octal literal) is analysed instead of reported unparsed', () => {
    const text = 'var mode = 0755;\nmodule.exports = async function f() { await g(mode); };\n';
    assert.strictEqual(readBy(text, 'legacy.js'), 'espree');
    const reference = parseSource(text, 'legacy.js', 'typescript-estree');
    assert.ok(!reference.ok);
  });

  it('a syntax error reports typescript-estree\'s message and position', () => {
    const fast = parseSource('let x = (1;\n', 'broken.js');
    const reference = parseSource('let x = (1;\n', 'broken.js', 'typescript-estree');
    assert.ok(!fast.ok && !reference.ok);
    assert.deepStrictEqual(fast.error, reference.error);
    assert.deepStrictEqual(fast.error, { message: "')' expected.", line: 1, column: 11 });
  });

  it('every JavaScript file of undici/lib and of our fixtures gets the same report, summary and comments', function () {
    this.timeout(120_000);
    const files = [...javaScriptFiles(path.join(ROOT, 'node_modules/undici/lib')), ...javaScriptFiles(path.join(ROOT, 'test/fixtures'))];
    let compared = 0;
    const differences: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (reasonToSkip(text, file)) continue;
      compared++;
      const difference = compareParsers(text, file);
      if (difference) differences.push(`${path.relative(ROOT, file)}: ${difference.detail}`);
    }
    assert.deepStrictEqual(differences, []);
    assert.ok(compared > 100, `only ${compared} files compared`);
  });
});
