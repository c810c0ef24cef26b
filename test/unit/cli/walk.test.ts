import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles, displayPath, isSourceFileName } from '../../../src/cli/walk';
import { makeTempDir, removeTempDir } from './helpers';

describe('cli folder walking', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir({
      'src/z.ts': '',
      'src/a.tsx': '',
      'src/b/c.mjs': '',
      'src/b/d.cjs': '',
      'src/e.mts': '',
      'src/f.cts': '',
      'src/g.jsx': '',
      'src/h.js': '',
      'src/types.d.ts': '',
      'src/readme.md': '',
      'src/data.json': '',
      'src/node_modules/dep/index.js': '',
      'node_modules/dep/index.ts': '',
      '.git/hooks/x.js': '',
      'src/.cache/y.ts': '',
      '.eslintrc.js': '',
    });
  });
  afterEach(() => removeTempDir(dir));

  it('finds every source extension, skipping node_modules, dot-folders and declarations, sorted', () => {
    const { files, problems } = collectFiles(['.'], dir);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(
      files.map((f) => f.path),
      ['.eslintrc.js', 'src/a.tsx', 'src/b/c.mjs', 'src/b/d.cjs', 'src/e.mts', 'src/f.cts', 'src/g.jsx', 'src/h.js', 'src/z.ts'],
    );
    assert.strictEqual(files[1].absolute, path.join(dir, 'src', 'a.tsx'));
  });

  it('walks a dot-folder or node_modules when it is named explicitly', () => {
    assert.deepStrictEqual(
      collectFiles(['src/.cache', 'node_modules/dep'], dir).files.map((f) => f.path),
      ['node_modules/dep/index.ts', 'src/.cache/y.ts'],
    );
  });

  it('analyses an explicitly named file whatever its extension, once', () => {
    const { files } = collectFiles(['src/readme.md', 'src/z.ts', './src/z.ts', 'src'], dir);
    const paths = files.map((f) => f.path);
    assert.ok(paths.includes('src/readme.md'));
    assert.strictEqual(paths.filter((p) => p === 'src/z.ts').length, 1);
  });

  it('reports missing paths, and keeps the others', () => {
    const { files, problems } = collectFiles(['nope.ts', 'src/b'], dir);
    assert.deepStrictEqual(problems, [{ path: 'nope.ts', reason: 'no such file or folder' }]);
    assert.deepStrictEqual(
      files.map((f) => f.path),
      ['src/b/c.mjs', 'src/b/d.cjs'],
    );
  });

  it('is the same whatever order the arguments come in', () => {
    const one = collectFiles(['src/b', 'src/z.ts', 'src/a.tsx'], dir).files;
    const two = collectFiles(['src/a.tsx', 'src/z.ts', 'src/b'], dir).files;
    assert.deepStrictEqual(one, two);
  });

  it('follows linked files but not linked folders', function () {
    try {
      fs.symlinkSync(path.join(dir, 'src'), path.join(dir, 'loop'));
      fs.symlinkSync(path.join(dir, 'src', 'z.ts'), path.join(dir, 'link.ts'));
      fs.symlinkSync(path.join(dir, 'missing.ts'), path.join(dir, 'dangling.ts'));
    } catch {
      this.skip(); // No symlink permission (Windows without developer mode).
    }
    const { files, problems } = collectFiles(['.'], dir);
    const paths = files.map((f) => f.path);
    assert.ok(paths.includes('link.ts'));
    assert.ok(!paths.some((p) => p.startsWith('loop/')));
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].path, 'dangling.ts');
    assert.match(problems[0].reason, /broken symbolic link/);
  });

  it('prints paths relative to the current folder with forward slashes', () => {
    assert.strictEqual(displayPath(dir, path.join(dir, 'src', 'b', 'c.mjs')), 'src/b/c.mjs');
    assert.strictEqual(displayPath(path.join(dir, 'src'), path.join(dir, 'lib', 'x.ts')), '../lib/x.ts');
  });

  it('knows the source extensions', () => {
    for (const name of ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'A.TS']) {
      assert.ok(isSourceFileName(name), name);
    }
    for (const name of ['a.d.ts', 'a.d.mts', 'a.json', 'a.md', 'ts', 'a.tsbuildinfo']) {
      assert.ok(!isSourceFileName(name), name);
    }
  });
});
