/** The declaration reader on real `.d.ts` files from this repository's node_modules. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { declaredFactOf, DEFAULT_MAX_DECLARATION_BYTES, readDeclarations, type Declarations } from '../../../src/core/knowledge';

const modules = path.resolve(__dirname, '../../../../node_modules');

/** Parsed once per file: lib.dom.d.ts takes seconds and is used by two tests. */
const parsed = new Map<string, Declarations>();

function readFile(file: string): Declarations {
  let d = parsed.get(file);
  if (!d) {
    d = readDeclarations(fs.readFileSync(file, 'utf8'), path.basename(file));
    parsed.set(file, d);
  }
  return d;
}

function read(relative: string): Declarations {
  return readFile(path.join(modules, relative));
}

/** Every `.d.ts` (and `.d.mts`/`.d.cts`) under node_modules, with its size, by walking the folders once. */
function declarationFiles(): Array<{ file: string; size: number }> {
  const found: Array<{ file: string; size: number }> = [];
  const pending = [modules];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && /\.d\.[cm]?ts$/.test(entry.name)) found.push({ file: full, size: fs.statSync(full).size });
    }
  }
  return found;
}

describe('declarations: real files in node_modules', () => {
  it('@types/node fs/promises: the ambient module, its promises and its FileHandle', () => {
    const d = read('@types/node/fs/promises.d.ts');
    assert.strictEqual(d.skipped, undefined);
    assert.deepStrictEqual([...d.ambientModules.keys()], ['fs/promises']);
    const fsp = d.ambientModules.get('fs/promises')!;
    assert.strictEqual(fsp.facts.get('readFile')?.promise, 'always');
    assert.strictEqual(fsp.facts.get('readFile')?.overloads, 3);
    assert.strictEqual(fsp.facts.get('open')?.returns, 'FileHandle');
    assert.strictEqual(fsp.facts.get('watch')?.asyncIterable, true);
    assert.strictEqual(fsp.facts.get('watch')?.returnsPromise, false);
    assert.strictEqual(fsp.facts.get('FileHandle#close')?.promise, 'always');
    assert.strictEqual(fsp.types.get('FileHandle')?.kind, 'interface');
  });

  it('@types/mocha: globals of a script file, a class, and `export =` of a global in an ambient module', () => {
    const d = read('@types/mocha/index.d.ts');
    assert.strictEqual(d.script, true);
    assert.strictEqual(d.facts.get('it')?.valueType, 'Mocha.TestFunction');
    assert.strictEqual(d.facts.get('it')?.returns, 'Mocha.Test');
    assert.strictEqual(d.facts.get('Mocha')?.newable, true);
    assert.strictEqual(d.facts.get('Mocha#loadFilesAsync')?.promise, 'always');
    assert.strictEqual(d.facts.get('Mocha#run')?.returns, 'Mocha.Runner');
    assert.strictEqual(d.facts.get('Mocha#run')?.returnsPromise, false);
    const mocha = d.ambientModules.get('mocha')!;
    assert.strictEqual(mocha.facts.get('default')?.kind, 'class');
    assert.strictEqual(mocha.facts.get('default')?.returns, 'Mocha');
  });

  it('p-limit: `export =` of a function merged with a namespace, and a callable interface', () => {
    const d = read('p-limit/index.d.ts');
    assert.strictEqual(d.facts.get('default')?.returns, 'Limit');
    assert.strictEqual(d.facts.get('Limit()')?.promise, 'always');
    assert.strictEqual(d.facts.get('Limit#clearQueue')?.returnsPromise, false);
  });

  it('undici: overloads with and without a callback', () => {
    const d = read('undici/types/dispatcher.d.ts');
    const request = d.facts.get('Dispatcher#request');
    assert.strictEqual(request?.promise, 'some');
    assert.strictEqual(request?.callbackStyle, true);
    assert.strictEqual(request?.returns, 'Dispatcher.ResponseData');
    assert.strictEqual(d.facts.get('Dispatcher#pipeline')?.returnsPromise, false);
  });

  it('playwright-core: page actions wait, accessors do not, properties lead to their types', function () {
    this.timeout(60_000); // a 1 MB declaration file
    const d = read('playwright-core/types/types.d.ts');
    assert.strictEqual(d.facts.get('Page#goto')?.promise, 'always');
    assert.strictEqual(d.facts.get('Page#url')?.returnsPromise, false);
    assert.strictEqual(d.facts.get('Page#locator')?.returns, 'Locator');
    assert.strictEqual(declaredFactOf(d, 'Page#keyboard.type')?.promise, 'always');
    assert.strictEqual(declaredFactOf(d, 'chromium.launch')?.returns, 'Browser');
  });

  it('typescript lib.dom: fetch returns a promise of a Response, Worker is constructed', function () {
    this.timeout(120_000);
    const d = read('typescript/lib/lib.dom.d.ts');
    assert.strictEqual(d.script, true);
    assert.strictEqual(d.facts.get('fetch')?.promise, 'always');
    assert.strictEqual(d.facts.get('fetch')?.returns, 'Response');
    assert.strictEqual(d.facts.get('Worker')?.newable, true);
    assert.strictEqual(d.facts.get('Worker')?.returns, 'Worker');
    assert.strictEqual(d.facts.get('structuredClone')?.returnsPromise, false);
  });

  it('finishes on the largest declaration file, within the size limit or with a reason', function () {
    this.timeout(120_000);
    const largest = declarationFiles().sort((a, b) => b.size - a.size)[0];
    const d = readFile(largest.file);
    if (largest.size > DEFAULT_MAX_DECLARATION_BYTES) {
      assert.match(d.skipped ?? '', /is larger than/);
    } else {
      assert.strictEqual(d.skipped, undefined, `${largest.file}: ${d.skipped}`);
      assert.ok(d.facts.size > 100, `${largest.file}: only ${d.facts.size} facts`);
    }
  });
});
