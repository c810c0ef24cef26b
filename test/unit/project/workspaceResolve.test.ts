import * as assert from 'assert';
import { createMemoryHost } from '../../../src/core/project/memoryHost';
import type { ImportMode, Resolution } from '../../../src/core/project/resolution';
import { createResolver } from '../../../src/core/project/resolve';

const json = (value: unknown) => JSON.stringify(value);
const ws = (name: string, subpath: string, dir: string) => ({ name, subpath, dir, workspace: true });

/** An npm workspace, never installed: node_modules links none of its packages. */
const npmFiles: Record<string, string> = {
  '/ws/package.json': json({ name: 'root', private: true, workspaces: ['packages/*', 'apps/*'] }),
  '/ws/apps/api/package.json': json({ name: 'api', dependencies: { '@org/crypto': '*' } }),
  '/ws/apps/api/tsconfig.json': json({ compilerOptions: { paths: { '@org/ui': ['../../packages/ui/src/index.ts'] } } }),
  '/ws/apps/api/src/handler.ts': '',
  // main/types into an unbuilt outDir, layout from tsconfig.json
  '/ws/packages/crypto/package.json': json({ name: '@org/crypto', main: 'dist/index.js', types: 'dist/index.d.ts' }),
  '/ws/packages/crypto/tsconfig.json': json({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
  '/ws/packages/crypto/src/index.ts': '',
  '/ws/packages/crypto/src/hash.ts': '',
  // built: exports into dist/{types,esm,cjs}, no tsconfig; sources in src win over the build
  '/ws/packages/net/package.json': json({
    name: '@org/net',
    exports: {
      '.': { types: './dist/types/index.d.ts', import: './dist/esm/index.js', require: './dist/cjs/index.js' },
      './retry': { types: './dist/types/retry.d.ts', default: './dist/esm/retry.js' },
    },
  }),
  '/ws/packages/net/src/index.ts': '',
  '/ws/packages/net/src/retry.ts': '',
  '/ws/packages/net/dist/types/index.d.ts': '',
  '/ws/packages/net/dist/esm/index.js': '',
  '/ws/packages/net/dist/cjs/index.js': '',
  '/ws/packages/net/dist/types/retry.d.ts': '',
  '/ws/packages/net/dist/esm/retry.js': '',
  // layout from tsconfig.build.json, rootDir left to TypeScript (src)
  '/ws/packages/queue/package.json': json({ name: '@org/queue', main: './lib/queue.js' }),
  '/ws/packages/queue/tsconfig.json': json({ compilerOptions: { strict: true } }),
  '/ws/packages/queue/tsconfig.build.json': json({ extends: './tsconfig.json', compilerOptions: { outDir: 'lib' } }),
  '/ws/packages/queue/src/queue.ts': '',
  // a JavaScript package that is its own source
  '/ws/packages/legacy/package.json': json({ name: 'legacy', main: 'index.js' }),
  '/ws/packages/legacy/index.js': '',
  // no entry named at all: src/index by convention
  '/ws/packages/ui/package.json': json({ name: '@org/ui' }),
  '/ws/packages/ui/src/index.ts': '',
  '/ws/packages/shared/package.json': json({ name: '@org/shared' }),
  '/ws/packages/shared/src/index.ts': '',
  '/ws/packages/shared/src/time.ts': '',
  // only build output, no sources: the output it is
  '/ws/packages/types-only/package.json': json({ name: '@org/types-only', types: 'dist/index.d.ts' }),
  '/ws/packages/types-only/dist/index.d.ts': '',
  // nothing usable
  '/ws/packages/empty/package.json': json({ name: '@org/empty', main: 'dist/index.js' }),
  // a real dependency installed under a workspace package's name is ignored for the workspace one
  '/ws/node_modules/@org/crypto/package.json': json({ name: '@org/crypto', main: 'published.js' }),
  '/ws/node_modules/@org/crypto/published.js': '',
  '/ws/node_modules/dep/package.json': json({ name: 'dep', main: 'index.js' }),
  '/ws/node_modules/dep/index.js': '',
};

const A = '/ws/apps/api/src/handler.ts';
const npmCases: { label: string; specifier: string; from?: string; mode?: ImportMode; expected: Resolution }[] = [
  { label: 'main and types into an unbuilt outDir', specifier: '@org/crypto', expected: { kind: 'source', file: '/ws/packages/crypto/src/index.ts', via: 'workspace', package: ws('@org/crypto', '.', '/ws/packages/crypto') } },
  { label: 'a deep import into the unbuilt outDir', specifier: '@org/crypto/dist/hash.js', expected: { kind: 'source', file: '/ws/packages/crypto/src/hash.ts', via: 'workspace', package: ws('@org/crypto', './dist/hash.js', '/ws/packages/crypto') } },
  { label: 'built exports, types condition gives way to sources', specifier: '@org/net', expected: { kind: 'source', file: '/ws/packages/net/src/index.ts', via: 'workspace', package: ws('@org/net', '.', '/ws/packages/net') } },
  { label: 'built exports, require condition', specifier: '@org/net', mode: 'require', expected: { kind: 'source', file: '/ws/packages/net/src/index.ts', via: 'workspace', package: ws('@org/net', '.', '/ws/packages/net') } },
  { label: 'an exported subpath', specifier: '@org/net/retry', expected: { kind: 'source', file: '/ws/packages/net/src/retry.ts', via: 'workspace', package: ws('@org/net', './retry', '/ws/packages/net') } },
  {
    label: 'a subpath the exports block',
    specifier: '@org/net/dist/esm/retry.js',
    expected: { kind: 'unresolved', code: 'not-exported', reason: 'package "@org/net" does not export "./dist/esm/retry.js": the "exports" of /ws/packages/net/package.json do not list it' },
  },
  { label: 'outDir from tsconfig.build.json', specifier: '@org/queue', expected: { kind: 'source', file: '/ws/packages/queue/src/queue.ts', via: 'workspace', package: ws('@org/queue', '.', '/ws/packages/queue') } },
  { label: 'a JavaScript package', specifier: 'legacy', mode: 'require', expected: { kind: 'source', file: '/ws/packages/legacy/index.js', via: 'workspace', package: ws('legacy', '.', '/ws/packages/legacy') } },
  { label: 'no entry named: src/index', specifier: '@org/shared', expected: { kind: 'source', file: '/ws/packages/shared/src/index.ts', via: 'workspace', package: ws('@org/shared', '.', '/ws/packages/shared') } },
  { label: 'no entry named: a subpath in src', specifier: '@org/shared/time', expected: { kind: 'source', file: '/ws/packages/shared/src/time.ts', via: 'workspace', package: ws('@org/shared', './time', '/ws/packages/shared') } },
  { label: 'only build output', specifier: '@org/types-only', expected: { kind: 'declaration', file: '/ws/packages/types-only/dist/index.d.ts', via: 'workspace', package: ws('@org/types-only', '.', '/ws/packages/types-only') } },
  {
    label: 'a workspace package with no file',
    specifier: '@org/empty',
    expected: { kind: 'unresolved', code: 'not-found', reason: 'workspace package "@org/empty" names no entry that exists (its main, types, or an index file, built or in its sources)' },
  },
  { label: 'tsconfig paths win over the workspace', specifier: '@org/ui', expected: { kind: 'source', file: '/ws/packages/ui/src/index.ts', via: 'paths' } },
  { label: 'a package importing itself by name', specifier: '@org/crypto/dist/hash.js', from: '/ws/packages/crypto/src/index.ts', expected: { kind: 'source', file: '/ws/packages/crypto/src/hash.ts', via: 'workspace', package: ws('@org/crypto', './dist/hash.js', '/ws/packages/crypto') } },
  { label: 'a dependency still comes from node_modules', specifier: 'dep', expected: { kind: 'package', package: { name: 'dep', subpath: '.', dir: '/ws/node_modules/dep', workspace: false }, file: '/ws/node_modules/dep/index.js', via: 'node_modules' } },
  {
    label: 'code inside node_modules sees the installed package, not the workspace one',
    specifier: '@org/crypto',
    from: '/ws/node_modules/dep/index.js',
    expected: { kind: 'package', package: { name: '@org/crypto', subpath: '.', dir: '/ws/node_modules/@org/crypto', workspace: false }, file: '/ws/node_modules/@org/crypto/published.js', via: 'node_modules' },
  },
];

describe('workspace package resolution', () => {
  describe('npm workspaces, not installed', () => {
    const resolver = createResolver(createMemoryHost(npmFiles));
    for (const { label, specifier, from = A, mode, expected } of npmCases) {
      it(`${label}: "${specifier}"`, () => assert.deepStrictEqual(resolver.resolve(specifier, from, mode), expected));
    }
  });

  describe('pnpm workspace, installed with links', () => {
    const files = {
      '/p/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'libs/*'\n",
      '/p/package.json': json({ name: 'root', private: true }),
      '/p/apps/web/package.json': json({ name: 'web' }),
      '/p/apps/web/src/server.ts': '',
      '/p/libs/pool/package.json': json({ name: '@p/pool', types: './dist/index.d.ts', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }),
      '/p/libs/pool/tsconfig.json': json({ compilerOptions: { outDir: './dist', rootDir: './src', declaration: true } }),
      '/p/libs/pool/src/index.ts': '',
      '/p/libs/pool/dist/index.d.ts': '',
      '/p/libs/pool/dist/index.js': '',
      '/p/node_modules/.pnpm/tinypool@1.0.0/node_modules/tinypool/package.json': json({ name: 'tinypool', types: 'dist/index.d.ts', main: 'dist/index.js' }),
      '/p/node_modules/.pnpm/tinypool@1.0.0/node_modules/tinypool/dist/index.d.ts': '',
      '/p/node_modules/.pnpm/tinypool@1.0.0/node_modules/tinypool/dist/index.js': '',
    };
    const links = {
      '/p/apps/web/node_modules/@p/pool': '/p/libs/pool',
      '/p/libs/pool/node_modules/tinypool': '/p/node_modules/.pnpm/tinypool@1.0.0/node_modules/tinypool',
    };
    const resolver = createResolver(createMemoryHost(files, { links }));

    it('a linked workspace package resolves to its sources, not its built declarations', () => {
      assert.deepStrictEqual(resolver.resolve('@p/pool', '/p/apps/web/src/server.ts'), {
        kind: 'source', file: '/p/libs/pool/src/index.ts', via: 'workspace', package: ws('@p/pool', '.', '/p/libs/pool'),
      });
    });

    it('a dependency of a workspace package resolves through its link to the store', () => {
      assert.deepStrictEqual(resolver.resolve('tinypool', '/p/libs/pool/src/index.ts'), {
        kind: 'declaration',
        file: '/p/node_modules/.pnpm/tinypool@1.0.0/node_modules/tinypool/dist/index.d.ts',
        via: 'node_modules',
        package: { name: 'tinypool', subpath: '.', dir: '/p/node_modules/.pnpm/tinypool@1.0.0/node_modules/tinypool', workspace: false },
      });
    });

    it('the project knows its pnpm workspace', () => {
      const workspace = resolver.projectFor('/p/apps/web/src/server.ts').workspace;
      assert.deepStrictEqual([workspace?.kind, workspace?.packages.map((p) => p.name)], ['pnpm', ['@p/pool', 'web']]);
    });
  });
});
