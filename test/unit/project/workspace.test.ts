import * as assert from 'assert';
import { createProjectConfigs } from '../../../src/core/project/config';
import { createMemoryHost } from '../../../src/core/project/memoryHost';
import { parsePackageJson } from '../../../src/core/project/packageJson';
import { parsePnpmWorkspace } from '../../../src/core/project/workspace';

const json = (value: unknown) => JSON.stringify(value);
const names = (host: ReturnType<typeof createMemoryHost>, dir: string) => {
  const workspace = createProjectConfigs(host).workspaceFor(dir);
  return workspace && { kind: workspace.kind, root: workspace.root, manifest: workspace.manifest, packages: workspace.packages.map((p) => `${p.name} ${p.dir}`), problems: workspace.problems };
};

describe('package.json and workspaces', () => {
  describe('package.json fields', () => {
    it('reads the fields that decide resolution', () => {
      const text = json({
        name: '@org/ui', version: '1.2.0', type: 'module', main: './dist/index.cjs', typings: './dist/index.d.ts',
        exports: { '.': { import: './dist/index.js' } }, imports: { '#x': './src/x.ts' }, workspaces: { packages: ['packages/*'], nohoist: ['**/rn'] },
      });
      assert.deepStrictEqual(parsePackageJson('/p/package.json', '/p', text), {
        path: '/p/package.json',
        package: {
          path: '/p/package.json', dir: '/p', name: '@org/ui', version: '1.2.0', type: 'module', main: './dist/index.cjs', types: './dist/index.d.ts',
          exports: { '.': { import: './dist/index.js' } }, imports: { '#x': './src/x.ts' }, workspaces: ['packages/*'],
        },
        problems: [],
      });
    });

    it('reports bad JSON and bad fields, keeping the good ones', () => {
      assert.deepStrictEqual(parsePackageJson('/p/package.json', '/p', '{ "name": '), {
        path: '/p/package.json',
        problems: [{ file: '/p/package.json', message: 'not valid JSON (Unexpected end of JSON input)' }],
      });
      assert.deepStrictEqual(parsePackageJson('/p/package.json', '/p', json({ name: 7, main: 'm.js', type: 'esm', imports: [1], workspaces: 'packages/*' })), {
        path: '/p/package.json',
        package: { path: '/p/package.json', dir: '/p', main: 'm.js' },
        problems: [
          { file: '/p/package.json', message: '"name" should be a string' },
          { file: '/p/package.json', message: '"type" should be "module" or "commonjs", not "esm"' },
          { file: '/p/package.json', message: '"imports" should be an object of "#name": target entries' },
          { file: '/p/package.json', message: '"workspaces" should be an array of folder globs, or an object with a "packages" array' },
        ],
      });
      assert.deepStrictEqual(parsePackageJson('/p/package.json', '/p', 'null').problems, [{ file: '/p/package.json', message: 'should hold a JSON object' }]);
    });
  });

  describe('pnpm-workspace.yaml', () => {
    const cases: [string, string, { globs: string[]; problems: string[] }][] = [
      ['block list, quoted and bare, with comments', "packages:\n  # apps\n  - 'apps/*'\n  - libs/**\n  - \"!**/test/**\"\n", { globs: ['apps/*', 'libs/**', '!**/test/**'], problems: [] }],
      ['flow list', 'packages: [apps/*, tools]\ncatalog:\n  react: ^19\n', { globs: ['apps/*', 'tools'], problems: [] }],
      ['empty file', '', { globs: [], problems: [] }],
      ['no packages key', 'catalog:\n  a: 1\n', { globs: [], problems: [] }],
      ['packages not a list', 'packages: apps/*\n', { globs: [], problems: ['"packages" should be a list of folder globs'] }],
      ['not YAML', 'packages:\n  - [unclosed\n', { globs: [], problems: ['not valid YAML'] }],
    ];
    for (const [label, text, expected] of cases) {
      it(label, () => {
        const read = parsePnpmWorkspace('/w/pnpm-workspace.yaml', text);
        assert.deepStrictEqual(read.globs, expected.globs);
        assert.deepStrictEqual(read.problems.map((p) => p.message.replace(/ \(.*$/, '')), expected.problems);
      });
    }
  });

  describe('finding a workspace and its packages', () => {
    it('npm and yarn: the array form, with a negation; folders without a package.json or a name are not packages', () => {
      const host = createMemoryHost({
        '/ws/package.json': json({ name: 'root', private: true, workspaces: ['packages/*', '!packages/legacy'] }),
        '/ws/packages/b/package.json': json({ name: '@org/b' }),
        '/ws/packages/a/package.json': json({ name: '@org/a' }),
        '/ws/packages/legacy/package.json': json({ name: '@org/legacy' }),
        '/ws/packages/unnamed/package.json': json({ private: true }),
        '/ws/packages/docs/README.md': '',
      });
      assert.deepStrictEqual(names(host, '/ws/packages/a/src'), {
        kind: 'npm', root: '/ws', manifest: '/ws/package.json', packages: ['@org/a /ws/packages/a', '@org/b /ws/packages/b'], problems: [],
      });
    });

    it('yarn: the object form', () => {
      const host = createMemoryHost({
        '/y/package.json': json({ private: true, workspaces: { packages: ['tools/*'] } }),
        '/y/tools/cli/package.json': json({ name: 'cli' }),
      });
      assert.deepStrictEqual(names(host, '/y')?.packages, ['cli /y/tools/cli']);
    });

    it('pnpm: the yaml file wins over package.json workspaces in the same folder', () => {
      const host = createMemoryHost({
        '/p/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
        '/p/package.json': json({ workspaces: ['ignored/*'] }),
        '/p/apps/web/package.json': json({ name: 'web' }),
        '/p/ignored/x/package.json': json({ name: 'x' }),
      });
      assert.deepStrictEqual(names(host, '/p/apps/web'), { kind: 'pnpm', root: '/p', manifest: '/p/pnpm-workspace.yaml', packages: ['web /p/apps/web'], problems: [] });
    });

    it('two packages with one name: the first is kept and the second reported', () => {
      const host = createMemoryHost({
        '/d/package.json': json({ workspaces: ['a', 'b'] }),
        '/d/a/package.json': json({ name: 'same' }),
        '/d/b/package.json': json({ name: 'same' }),
      });
      assert.deepStrictEqual(names(host, '/d'), {
        kind: 'npm', root: '/d', manifest: '/d/package.json', packages: ['same /d/a'],
        problems: [{ file: '/d/b/package.json', message: 'package name "same" is also used by /d/a/package.json; the first one is used' }],
      });
    });

    it('no workspace above a plain package', () => {
      const host = createMemoryHost({ '/solo/package.json': json({ name: 'solo' }) });
      assert.strictEqual(names(host, '/solo/src'), undefined);
    });
  });
});
