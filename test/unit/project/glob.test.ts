import * as assert from 'assert';
import { expandFolderGlobs, globToRegExp } from '../../../src/core/project/glob';
import { createMemoryHost } from '../../../src/core/project/memoryHost';

describe('workspace folder globs', () => {
  const matches: [string, string, boolean][] = [
    ['packages/*', 'packages/a', true],
    ['packages/*', 'packages/a/b', false],
    ['packages/*', 'packages', false],
    ['./packages/*/', 'packages/a', true],
    ['packages/**', 'packages', true],
    ['packages/**', 'packages/a/b/c', true],
    ['**/test/**', 'libs/test/x', true],
    ['**/test/**', 'test', true],
    ['**/test/**', 'latest/x', false],
    ['apps/**/web', 'apps/web', true],
    ['apps/**/web', 'apps/a/b/web', true],
    ['libs/{core,ui}', 'libs/ui', true],
    ['libs/{core,ui}', 'libs/net', false],
    ['pkg-?', 'pkg-1', true],
    ['pkg-?', 'pkg-12', false],
    ['a.b/*', 'axb/c', false],
  ];
  for (const [glob, path, expected] of matches) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.strictEqual(globToRegExp(glob).test(path), expected));
  }

  it('expands globs to sorted folders, honouring negations and skipping node_modules and dot-folders', () => {
    const host = createMemoryHost({
      '/ws/packages/b/package.json': '{}',
      '/ws/packages/a/package.json': '{}',
      '/ws/packages/private/package.json': '{}',
      '/ws/packages/node_modules/x/package.json': '{}',
      '/ws/libs/core/net/package.json': '{}',
      '/ws/libs/.cache/y/package.json': '{}',
      '/ws/libs/core/net/test/fixture/package.json': '{}',
      '/ws/README.md': '',
    });
    assert.deepStrictEqual(expandFolderGlobs(host, '/ws', ['packages/*', '!packages/private', 'libs/**', '!**/test/**', 'missing/*']), [
      '/ws/libs',
      '/ws/libs/core',
      '/ws/libs/core/net',
      '/ws/packages/a',
      '/ws/packages/b',
    ]);
  });

  it('follows linked folders when listing', () => {
    const host = createMemoryHost({ '/real/pkg/package.json': '{}' }, { links: { '/ws/packages/linked': '/real/pkg' } });
    assert.deepStrictEqual(expandFolderGlobs(host, '/ws', ['packages/*']), ['/ws/packages/linked']);
  });
});
