import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeHost, toProjectPath } from '../../../src/cli/nodeHost';
import { createResolver } from '../../../src/core/project/resolve';
import { makeTempDir, removeTempDir } from './helpers';

describe('node project host', () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = makeTempDir({
      'app/src/a.ts': '\uFEFFexport {};',
      'app/src/latin1.ts': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      'app/zeta/x.ts': '',
      'store/pkg@1/package.json': '{ "name": "pkg", "main": "index.js" }',
      'store/pkg@1/index.js': '',
    });
    fs.mkdirSync(path.join(dir, 'app', 'node_modules'));
    fs.symlinkSync(path.join(dir, 'store', 'pkg@1'), path.join(dir, 'app', 'node_modules', 'pkg'), 'dir');
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'app', 'broken'), 'dir');
    root = toProjectPath(dir);
  });
  afterEach(() => removeTempDir(dir));

  it('reads text without its byte-order mark; missing or non-UTF-8 files read as absent', () => {
    const host = createNodeHost();
    assert.strictEqual(host.readFile(`${root}/app/src/a.ts`), 'export {};');
    assert.strictEqual(host.readFile(`${root}/app/src/latin1.ts`), undefined);
    assert.strictEqual(host.readFile(`${root}/app/src/missing.ts`), undefined);
    assert.strictEqual(host.readFile(`${root}/app/src`), undefined, 'a folder is not a file');
  });

  it('tells files from folders, through links, and never throws', () => {
    const host = createNodeHost();
    assert.deepStrictEqual(
      [`${root}/app/src/a.ts`, `${root}/app/src`, `${root}/app/node_modules/pkg`, `${root}/app/node_modules/pkg/index.js`, `${root}/app/broken`, `${root}/app/src/a.ts/x`].map((p) => [
        host.fileExists(p),
        host.directoryExists(p),
      ]),
      [[true, false], [false, true], [false, true], [true, false], [false, false], [false, false]],
    );
  });

  it('lists folders (linked ones included, broken links not), sorted', () => {
    const host = createNodeHost();
    assert.deepStrictEqual(host.getDirectories(`${root}/app`), ['node_modules', 'src', 'zeta']);
    assert.deepStrictEqual(host.getDirectories(`${root}/app/node_modules`), ['pkg']);
    assert.deepStrictEqual(host.getDirectories(`${root}/missing`), []);
  });

  it('resolves links to real paths, and leaves a missing path as it is', () => {
    const host = createNodeHost();
    assert.strictEqual(host.realpath?.(`${root}/app/node_modules/pkg/index.js`), `${root}/store/pkg@1/index.js`);
    assert.strictEqual(host.realpath?.(`${root}/app/missing.ts`), `${root}/app/missing.ts`);
  });

  it('gives the resolver a linked package at its real folder', () => {
    const resolution = createResolver(createNodeHost()).resolve('pkg', `${root}/app/src/a.ts`);
    assert.deepStrictEqual(resolution, {
      kind: 'package',
      package: { name: 'pkg', subpath: '.', dir: `${root}/store/pkg@1`, workspace: false },
      file: `${root}/store/pkg@1/index.js`,
      via: 'node_modules',
    });
  });

  it('turns native paths into absolute POSIX ones', () => {
    assert.strictEqual(toProjectPath('src/a.ts', '/work/app'), '/work/app/src/a.ts');
    assert.strictEqual(toProjectPath('/abs/../x.ts', '/work'), '/x.ts');
  });
});
