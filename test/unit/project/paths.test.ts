import * as assert from 'assert';
import { ancestors, baseName, dirName, isAbsolutePath, isWithin, joinPath, normalizePath, relativePath, resolvePath } from '../../../src/core/project/paths';

describe('project paths (POSIX helpers)', () => {
  const normalizeCases: [string, string][] = [
    ['/a/b/../c/./d', '/a/c/d'],
    ['/a//b/', '/a/b'],
    ['/..', '/'],
    ['/', '/'],
    ['C:\\work\\app\\..\\lib', 'C:/work/lib'],
    ['C:/..', 'C:/'],
    ['a/../../b', '../b'],
    ['./a', 'a'],
    ['/a/b/.', '/a/b'],
    ['/a/.hidden/..x', '/a/.hidden/..x'],
    ['/a/b/c.ts', '/a/b/c.ts'],
    ['', '.'],
  ];
  for (const [input, expected] of normalizeCases) {
    it(`normalizes ${JSON.stringify(input)} to ${expected}`, () => assert.strictEqual(normalizePath(input), expected));
  }

  it('tells absolute paths, POSIX and drive-letter, from relative ones', () => {
    assert.deepStrictEqual(['/a', 'C:/a', 'c:/', 'a/b', './a', 'C:a'].map(isAbsolutePath), [true, true, true, false, false, false]);
  });

  it('joins and resolves', () => {
    assert.strictEqual(joinPath('/app/src', '../lib', 'x.ts'), '/app/lib/x.ts');
    assert.strictEqual(joinPath('/app', '/abs'), '/app/abs');
    assert.strictEqual(resolvePath('/app/src', '/abs/x'), '/abs/x');
    assert.strictEqual(resolvePath('/app/src', './x'), '/app/src/x');
  });

  it('takes folder and base names, a root being its own parent', () => {
    assert.deepStrictEqual(['/a/b/c.ts', '/a', '/', 'C:/x', 'C:/'].map(dirName), ['/a/b', '/', '/', 'C:/', 'C:/']);
    assert.strictEqual(baseName('/a/b/c.ts'), 'c.ts');
  });

  it('knows what lies within a folder, by whole segments', () => {
    assert.strictEqual(isWithin('/a/b/c', '/a/b'), true);
    assert.strictEqual(isWithin('/a/b', '/a/b'), true);
    assert.strictEqual(isWithin('/a/bc', '/a/b'), false);
    assert.strictEqual(isWithin('/a/b', '/'), true);
  });

  it('computes relative paths', () => {
    assert.strictEqual(relativePath('/app/src', '/app/lib/x.ts'), '../lib/x.ts');
    assert.strictEqual(relativePath('/app', '/app'), '.');
    assert.strictEqual(relativePath('/app', '/app/a/b'), 'a/b');
  });

  it('lists ancestors up to the root', () => {
    assert.deepStrictEqual([...ancestors('/a/b')], ['/a/b', '/a', '/']);
    assert.deepStrictEqual([...ancestors('C:/w')], ['C:/w', 'C:/']);
  });
});
