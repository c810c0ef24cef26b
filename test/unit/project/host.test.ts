import * as assert from 'assert';
import { affectsResolution, createCachingHost, type ProjectHost } from '../../../src/core/project/host';
import { createMemoryHost } from '../../../src/core/project/memoryHost';

describe('project hosts', () => {
  it('the memory host answers for files, implied folders and links', () => {
    const host = createMemoryHost(
      { '/app/src/a.ts': 'A', '/store/pkg@1/index.js': 'P' },
      { links: { '/app/node_modules/pkg': '/store/pkg@1', '/loop/a': '/loop/b', '/loop/b': '/loop/a' } },
    );
    assert.strictEqual(host.readFile('/app/src/a.ts'), 'A');
    assert.strictEqual(host.readFile('/app/src/missing.ts'), undefined);
    assert.strictEqual(host.fileExists('/app/src'), false);
    assert.strictEqual(host.directoryExists('/app/src'), true);
    assert.strictEqual(host.directoryExists('/app/src/a.ts'), false);
    assert.strictEqual(host.readFile('/app/node_modules/pkg/index.js'), 'P');
    assert.strictEqual(host.realpath('/app/node_modules/pkg/index.js'), '/store/pkg@1/index.js');
    assert.deepStrictEqual(host.getDirectories('/app'), ['node_modules', 'src']);
    assert.deepStrictEqual(host.getDirectories('/app/node_modules'), ['pkg']);
    assert.strictEqual(host.fileExists('/loop/a/x'), false, 'a link loop ends');
    host.writeFile('/app/node_modules/pkg/extra.js', 'E');
    assert.strictEqual(host.readFile('/store/pkg@1/extra.js'), 'E', 'writing through a link writes the target');
    host.deleteFile('/app/src/a.ts');
    assert.strictEqual(host.fileExists('/app/src/a.ts'), false);
  });

  it('the caching host asks its host once per question until cleared', () => {
    const asked: string[] = [];
    const inner: ProjectHost = {
      readFile: (p) => (asked.push(`read ${p}`), 'text'),
      fileExists: (p) => (asked.push(`file ${p}`), true),
      directoryExists: (p) => (asked.push(`dir ${p}`), false),
      getDirectories: (p) => (asked.push(`list ${p}`), ['x']),
    };
    const host = createCachingHost(inner);
    for (let i = 0; i < 2; i++) {
      assert.strictEqual(host.readFile('/a'), 'text');
      assert.strictEqual(host.fileExists('/a'), true);
      assert.strictEqual(host.directoryExists('/a'), false);
      assert.deepStrictEqual(host.getDirectories('/a'), ['x']);
      assert.strictEqual(host.realpath('/a'), '/a', 'without realpath in the host, a path is its own');
    }
    assert.deepStrictEqual(asked, ['read /a', 'file /a', 'dir /a', 'list /a']);
    host.clear();
    host.fileExists('/a');
    assert.deepStrictEqual(asked.slice(4), ['file /a']);
  });

  const changes: [string, 'created' | 'changed' | 'deleted', boolean][] = [
    ['/app/src/a.ts', 'changed', false],
    ['/app/src/a.ts', 'created', true],
    ['/app/src/a.ts', 'deleted', true],
    ['/app/tsconfig.json', 'changed', true],
    ['/app/tsconfig.build.json', 'changed', true],
    ['/app/jsconfig.json', 'changed', true],
    ['/app/package.json', 'changed', true],
    ['/app/pnpm-workspace.yaml', 'changed', true],
    ['/app/src/package.json.ts', 'changed', false],
  ];
  for (const [path, change, expected] of changes) {
    it(`${change} ${path} ${expected ? 'affects' : 'does not affect'} resolution`, () => assert.strictEqual(affectsResolution(path, change), expected));
  }
});
