import * as assert from 'assert';
import { createMemoryHost } from '../../../src/core/project/memoryHost';
import type { ImportMode, Resolution } from '../../../src/core/project/resolution';
import { createResolver } from '../../../src/core/project/resolve';

const json = (value: unknown) => JSON.stringify(value);

/** One project with every kind of target; each case below names its importer. */
const files: Record<string, string> = {
  '/app/package.json': json({
    name: 'app',
    type: 'module',
    imports: {
      '#internal/*': './src/internal/*.js',
      '#db': { node: './src/db-node.ts', default: './src/db-browser.ts' },
      '#queue': { require: './src/queue.cjs', import: './src/queue.mjs' },
      '#hash': 'fast-hash',
      '#gone': './src/gone.js',
    },
  }),
  // baseUrl and paths in a base one folder down: both count from the base's folder, as in tsc.
  '/app/tsconfig.json': json({ extends: './config/tsconfig.base.json', compilerOptions: { strict: true } }),
  '/app/config/tsconfig.base.json': json({ compilerOptions: { baseUrl: '..', paths: { '@lib/*': ['./src/lib/*', './vendor/*'], 'config': ['./src/config/index.ts'] } } }),
  '/app/src/handler.ts': '',
  '/app/src/crypto.ts': '',
  '/app/src/crypto.js': '', // stale build output beside the source: the source wins
  '/app/src/worker.mts': '',
  '/app/src/legacy.cts': '',
  '/app/src/view.tsx': '',
  '/app/src/plain.js': '',
  '/app/src/jobs/index.ts': '',
  '/app/src/types.d.ts': '',
  '/app/src/data.json': '{}',
  '/app/src/style.css': '',
  '/app/src/internal/pool.ts': '',
  '/app/src/db-node.ts': '',
  '/app/src/db-browser.ts': '',
  '/app/src/queue.cjs': '',
  '/app/src/queue.mjs': '',
  '/app/src/lib/hash.ts': '',
  '/app/vendor/retry.js': '',
  '/app/src/config/index.ts': '',
  '/app/src/utils/time.ts': '',
  '/app/node_modules/pg/package.json': json({ name: 'pg', version: '8.0.0', main: './lib/index.js', types: './lib/index.d.ts' }),
  '/app/node_modules/pg/lib/index.js': '',
  '/app/node_modules/pg/lib/index.d.ts': '',
  '/app/node_modules/undici/package.json': json({
    name: 'undici',
    exports: {
      '.': { types: './types/index.d.ts', default: './index.js' },
      './lib/*': { require: './lib/*.js', import: './lib/*.mjs' },
      './lib/internal/*': null,
      './package.json': './package.json',
    },
  }),
  '/app/node_modules/undici/index.js': '',
  '/app/node_modules/undici/types/index.d.ts': '',
  '/app/node_modules/undici/lib/pool.js': '',
  '/app/node_modules/undici/lib/pool.mjs': '',
  '/app/node_modules/undici/lib/internal/x.js': '',
  '/app/node_modules/piscina/package.json': json({ name: 'piscina', exports: { require: './dist/main.cjs', import: './dist/esm.mjs' } }),
  '/app/node_modules/piscina/dist/main.cjs': '',
  '/app/node_modules/piscina/dist/esm.mjs': '',
  '/app/node_modules/express/package.json': json({ name: 'express', main: 'index.js' }),
  '/app/node_modules/express/index.js': '',
  '/app/node_modules/@types/express/package.json': json({ name: '@types/express', types: 'index.d.ts' }),
  '/app/node_modules/@types/express/index.d.ts': '',
  '/app/node_modules/@types/babel__core/package.json': json({ name: '@types/babel__core', types: 'index.d.ts' }),
  '/app/node_modules/@types/babel__core/index.d.ts': '',
  '/app/node_modules/bcrypt/package.json': json({ name: 'bcrypt', main: './bcrypt' }), // entry missing: a native addon's loader we cannot see
  '/app/node_modules/fast-hash/package.json': json({ name: 'fast-hash', types: 'index.d.ts' }),
  '/app/node_modules/fast-hash/index.d.ts': '',
  '/app/node_modules/@org/log/package.json': json({ name: '@org/log', main: 'log.js' }),
  '/app/node_modules/@org/log/log.js': '',
  '/app/node_modules/.pnpm/sharp@0.33.0/node_modules/sharp/package.json': json({ name: 'sharp', main: 'lib/index.js', types: 'lib/index.d.ts' }),
  '/app/node_modules/.pnpm/sharp@0.33.0/node_modules/sharp/lib/index.js': '',
  '/app/node_modules/.pnpm/sharp@0.33.0/node_modules/sharp/lib/index.d.ts': '',
  '/app/scripts/build.cjs': '',
  '/app/scripts/util.js': '',
  '/app/scripts/targets.json': '[]',
  '/app/node_modules/spdx-ids/package.json': json({ name: 'spdx-ids', main: 'index.json' }),
  '/app/node_modules/spdx-ids/index.json': '[]',
  '/app/node_modules/spdx-ids/deprecated.json': '[]',
  // A JavaScript project without any tsconfig or jsconfig.
  '/js/package.json': json({ name: 'js-app' }),
  '/js/src/server.js': '',
  '/js/src/routes/index.js': '',
  '/js/src/db.cjs': '',
  // No package.json at all above this one.
  '/bare/a.ts': '',
};
const links = {
  '/app/node_modules/sharp': '/app/node_modules/.pnpm/sharp@0.33.0/node_modules/sharp',
  '/app/node_modules/@dev/tools': '/home/dev/tools', // npm link, or a file: dependency
};
files['/home/dev/tools/package.json'] = json({ name: '@dev/tools', main: 'main.js' });
files['/home/dev/tools/main.js'] = '';

const H = '/app/src/handler.ts';
const ref = (name: string, subpath: string, dir: string) => ({ name, subpath, dir, workspace: false });

const cases: { label: string; specifier: string; from?: string; mode?: ImportMode; expected: Resolution }[] = [
  // Relative paths
  { label: '.js names the .ts source (and wins over a stale .js beside it)', specifier: './crypto.js', expected: { kind: 'source', file: '/app/src/crypto.ts', via: 'relative' } },
  { label: 'extensionless', specifier: './crypto', expected: { kind: 'source', file: '/app/src/crypto.ts', via: 'relative' } },
  { label: '.mjs names .mts', specifier: './worker.mjs', expected: { kind: 'source', file: '/app/src/worker.mts', via: 'relative' } },
  { label: '.cjs names .cts', specifier: './legacy.cjs', expected: { kind: 'source', file: '/app/src/legacy.cts', via: 'relative' } },
  { label: '.tsx probed', specifier: './view', expected: { kind: 'source', file: '/app/src/view.tsx', via: 'relative' } },
  { label: 'a .js source', specifier: './plain', expected: { kind: 'source', file: '/app/src/plain.js', via: 'relative' } },
  { label: 'folder index', specifier: './jobs', expected: { kind: 'source', file: '/app/src/jobs/index.ts', via: 'relative' } },
  { label: 'folder index with a trailing slash', specifier: './jobs/', expected: { kind: 'source', file: '/app/src/jobs/index.ts', via: 'relative' } },
  { label: 'parent folder', specifier: '../vendor/retry.js', expected: { kind: 'source', file: '/app/vendor/retry.js', via: 'relative' } },
  { label: 'absolute path', specifier: '/app/src/crypto', expected: { kind: 'source', file: '/app/src/crypto.ts', via: 'relative' } },
  { label: 'a project declaration file', specifier: './types', expected: { kind: 'declaration', file: '/app/src/types.d.ts', via: 'relative' } },
  { label: 'JSON', specifier: './data.json', expected: { kind: 'json', file: '/app/src/data.json', via: 'relative' } },
  { label: 'an asset', specifier: './style.css', expected: { kind: 'unresolved', code: 'not-a-module', reason: '"./style.css" is not a script, a declaration or JSON, so it is not followed' } },
  { label: 'a missing file', specifier: './missing.js', expected: { kind: 'unresolved', code: 'not-found', reason: 'no file matches "./missing.js" from /app/src (as written, with a script extension, or as a folder with an index file)' } },
  // tsconfig paths and baseUrl (paths come from the extended base)
  { label: 'paths pattern', specifier: '@lib/hash', expected: { kind: 'source', file: '/app/src/lib/hash.ts', via: 'paths' } },
  { label: 'paths pattern, second target', specifier: '@lib/retry', expected: { kind: 'source', file: '/app/vendor/retry.js', via: 'paths' } },
  { label: 'exact paths key', specifier: 'config', expected: { kind: 'source', file: '/app/src/config/index.ts', via: 'paths' } },
  { label: 'baseUrl', specifier: 'src/utils/time', expected: { kind: 'source', file: '/app/src/utils/time.ts', via: 'paths' } },
  {
    label: 'a paths pattern whose targets do not exist',
    specifier: '@lib/nope',
    expected: { kind: 'unresolved', code: 'paths-target-missing', reason: '"@lib/nope" matches "@lib/*" in the paths of tsconfig.json, but none of its targets (./src/lib/*, ./vendor/*) has that file' },
  },
  // package.json imports
  { label: '#imports pattern, .js target naming a .ts source', specifier: '#internal/pool', expected: { kind: 'source', file: '/app/src/internal/pool.ts', via: 'imports' } },
  { label: '#imports with the node condition', specifier: '#db', expected: { kind: 'source', file: '/app/src/db-node.ts', via: 'imports' } },
  { label: '#imports, import condition', specifier: '#queue', expected: { kind: 'source', file: '/app/src/queue.mjs', via: 'imports' } },
  { label: '#imports, require condition', specifier: '#queue', mode: 'require', expected: { kind: 'source', file: '/app/src/queue.cjs', via: 'imports' } },
  {
    label: '#imports mapped to a package',
    specifier: '#hash',
    expected: { kind: 'declaration', file: '/app/node_modules/fast-hash/index.d.ts', via: 'imports', package: ref('fast-hash', './index.d.ts', '/app/node_modules/fast-hash') },
  },
  { label: '#imports with no entry', specifier: '#nope', expected: { kind: 'unresolved', code: 'not-imported', reason: 'the "imports" of /app/package.json have no entry for "#nope"' } },
  { label: '#imports whose target is missing', specifier: '#gone', expected: { kind: 'unresolved', code: 'not-found', reason: 'the "imports" of /app/package.json map "#gone" (entry "#gone") to a file that does not exist' } },
  { label: '#imports without an imports field', specifier: '#x', from: '/js/src/server.js', expected: { kind: 'unresolved', code: 'not-imported', reason: '/js/package.json has no "imports" field to map "#x"' } },
  { label: '#imports with no package.json', specifier: '#x', from: '/bare/a.ts', expected: { kind: 'unresolved', code: 'not-imported', reason: '"#x" needs an "imports" entry in a package.json, and no package.json encloses /bare' } },
  // Packages in node_modules
  { label: 'types beside main', specifier: 'pg', expected: { kind: 'declaration', file: '/app/node_modules/pg/lib/index.d.ts', via: 'node_modules', package: ref('pg', '.', '/app/node_modules/pg') } },
  { label: 'exports types condition', specifier: 'undici', expected: { kind: 'declaration', file: '/app/node_modules/undici/types/index.d.ts', via: 'node_modules', package: ref('undici', '.', '/app/node_modules/undici') } },
  { label: 'exports pattern, import condition', specifier: 'undici/lib/pool', expected: { kind: 'package', package: ref('undici', './lib/pool', '/app/node_modules/undici'), file: '/app/node_modules/undici/lib/pool.mjs', via: 'node_modules' } },
  { label: 'exports pattern, require condition', specifier: 'undici/lib/pool', mode: 'require', expected: { kind: 'package', package: ref('undici', './lib/pool', '/app/node_modules/undici'), file: '/app/node_modules/undici/lib/pool.js', via: 'node_modules' } },
  { label: 'package.json through exports', specifier: 'undici/package.json', expected: { kind: 'json', file: '/app/node_modules/undici/package.json', via: 'node_modules' } },
  {
    label: 'exports blocks a subpath with null',
    specifier: 'undici/lib/internal/x',
    expected: { kind: 'unresolved', code: 'not-exported', reason: 'package "undici" does not export "./lib/internal/x": the "exports" of /app/node_modules/undici/package.json do not list it' },
  },
  {
    label: 'exports does not list a subpath',
    specifier: 'undici/index.js',
    expected: { kind: 'unresolved', code: 'not-exported', reason: 'package "undici" does not export "./index.js": the "exports" of /app/node_modules/undici/package.json do not list it' },
  },
  { label: 'conditions-only exports, import', specifier: 'piscina', expected: { kind: 'package', package: ref('piscina', '.', '/app/node_modules/piscina'), file: '/app/node_modules/piscina/dist/esm.mjs', via: 'node_modules' } },
  { label: 'conditions-only exports, require', specifier: 'piscina', mode: 'require', expected: { kind: 'package', package: ref('piscina', '.', '/app/node_modules/piscina'), file: '/app/node_modules/piscina/dist/main.cjs', via: 'node_modules' } },
  { label: '@types package describes the package', specifier: 'express', expected: { kind: 'declaration', file: '/app/node_modules/@types/express/index.d.ts', via: 'node_modules', package: ref('express', '.', '/app/node_modules/@types/express') } },
  { label: 'scoped @types name', specifier: '@babel/core', expected: { kind: 'declaration', file: '/app/node_modules/@types/babel__core/index.d.ts', via: 'node_modules', package: ref('@babel/core', '.', '/app/node_modules/@types/babel__core') } },
  { label: 'a scoped package without types', specifier: '@org/log', expected: { kind: 'package', package: ref('@org/log', '.', '/app/node_modules/@org/log'), file: '/app/node_modules/@org/log/log.js', via: 'node_modules' } },
  { label: 'an installed package whose entry is not visible', specifier: 'bcrypt', expected: { kind: 'package', package: ref('bcrypt', '.', '/app/node_modules/bcrypt'), via: 'node_modules' } },
  { label: 'a linked (pnpm) package, at its real folder', specifier: 'sharp', expected: { kind: 'declaration', file: '/app/node_modules/.pnpm/sharp@0.33.0/node_modules/sharp/lib/index.d.ts', via: 'node_modules', package: ref('sharp', '.', '/app/node_modules/.pnpm/sharp@0.33.0/node_modules/sharp') } },
  { label: 'a package linked to a folder outside node_modules', specifier: '@dev/tools', expected: { kind: 'package', package: ref('@dev/tools', '.', '/home/dev/tools'), file: '/home/dev/tools/main.js', via: 'node_modules' } },
  { label: 'a missing subpath of a package without exports', specifier: 'pg/lib/nope', expected: { kind: 'unresolved', code: 'not-found', reason: 'package "pg" has no file for "./lib/nope" in /app/node_modules/pg' } },
  { label: 'a package that is not installed', specifier: 'left-pad', expected: { kind: 'unresolved', code: 'package-not-found', reason: 'package "left-pad" is not installed: no node_modules folder above /app/src has it' } },
  // Builtins
  { label: 'bare builtin', specifier: 'fs', expected: { kind: 'builtin', module: 'fs' } },
  { label: 'node: builtin', specifier: 'node:worker_threads', expected: { kind: 'builtin', module: 'worker_threads' } },
  { label: 'builtin subpath', specifier: 'fs/promises', expected: { kind: 'builtin', module: 'fs/promises' } },
  { label: 'node:-only builtin', specifier: 'node:test', expected: { kind: 'builtin', module: 'test' } },
  { label: 'a node:-only name without the prefix is a package', specifier: 'test', expected: { kind: 'unresolved', code: 'package-not-found', reason: 'package "test" is not installed: no node_modules folder above /app/src has it' } },
  { label: 'unknown node: module', specifier: 'node:nope', expected: { kind: 'unresolved', code: 'unknown-builtin', reason: 'Node has no built-in module "node:nope"' } },
  // CommonJS and plain JavaScript projects
  { label: 'require from a .cjs script', specifier: './util', from: '/app/scripts/build.cjs', mode: 'require', expected: { kind: 'source', file: '/app/scripts/util.js', via: 'relative' } },
  { label: 'require() probes .json as Node does', specifier: './targets', from: '/app/scripts/build.cjs', mode: 'require', expected: { kind: 'json', file: '/app/scripts/targets.json', via: 'relative' } },
  { label: 'require() probes .json in a package subpath', specifier: 'spdx-ids/deprecated', from: '/app/scripts/build.cjs', mode: 'require', expected: { kind: 'json', file: '/app/node_modules/spdx-ids/deprecated.json', via: 'node_modules' } },
  { label: 'import does not probe .json', specifier: './targets', from: '/app/scripts/build.cjs', mode: 'import', expected: { kind: 'unresolved', code: 'not-found', reason: 'no file matches "./targets" from /app/scripts (as written, with a script extension, or as a folder with an index file)' } },
  { label: 'JavaScript project: extensionless', specifier: './db.cjs', from: '/js/src/server.js', mode: 'require', expected: { kind: 'source', file: '/js/src/db.cjs', via: 'relative' } },
  { label: 'JavaScript project: folder index', specifier: './routes', from: '/js/src/server.js', mode: 'require', expected: { kind: 'source', file: '/js/src/routes/index.js', via: 'relative' } },
  // Input that is not a specifier
  { label: 'empty', specifier: '', expected: { kind: 'unresolved', code: 'invalid-specifier', reason: '"" is not a module specifier' } },
  { label: 'URL', specifier: 'https://esm.sh/react', expected: { kind: 'unresolved', code: 'invalid-specifier', reason: '"https://esm.sh/react" is a URL; URL imports are not followed' } },
  { label: 'a scope without a name', specifier: '@org', expected: { kind: 'unresolved', code: 'invalid-specifier', reason: '"@org" is not a valid package name' } },
  { label: 'a relative importer', specifier: './crypto', from: 'src/handler.ts', expected: { kind: 'unresolved', code: 'invalid-specifier', reason: 'the importing file must be given as an absolute path (got "src/handler.ts")' } },
];

describe('import resolution', () => {
  const resolver = createResolver(createMemoryHost(files, { links }));
  for (const { label, specifier, from = H, mode, expected } of cases) {
    it(`${label}: ${mode === 'require' ? 'require' : 'import'} "${specifier}"`, () => {
      assert.deepStrictEqual(resolver.resolve(specifier, from, mode), expected);
    });
  }

  it('answers from its cache until cleared, then sees new files', () => {
    const host = createMemoryHost({ '/c/a.ts': '', '/c/b.js': '' });
    const fresh = createResolver(host);
    const first = fresh.resolve('./b', '/c/a.ts');
    assert.deepStrictEqual(first, { kind: 'source', file: '/c/b.js', via: 'relative' });
    host.writeFile('/c/b.ts', '');
    assert.strictEqual(fresh.resolve('./b', '/c/other.ts'), first, 'same folder, same specifier: the cached answer');
    fresh.clear();
    assert.deepStrictEqual(fresh.resolve('./b', '/c/a.ts'), { kind: 'source', file: '/c/b.ts', via: 'relative' });
  });

  it('reports the project it used, with its config problems, and still resolves under a broken tsconfig', () => {
    const host = createMemoryHost({ '/broken/tsconfig.json': '{ "compilerOptions": { "paths": ', '/broken/src/a.ts': '', '/broken/src/b.ts': '' });
    const fresh = createResolver(host);
    assert.deepStrictEqual(fresh.resolve('./b', '/broken/src/a.ts'), { kind: 'source', file: '/broken/src/b.ts', via: 'relative' });
    const project = fresh.projectFor('/broken/src/a.ts');
    assert.deepStrictEqual([project.kind, project.problems.map((p) => p.message)], ['tsconfig', ['Expression expected.', "Compiler option 'paths' requires a value of type object."]]);
  });

  it('explains a #import under a package.json that cannot be read', () => {
    const host = createMemoryHost({ '/c/package.json': '{ "imports": ', '/c/src/a.ts': '' });
    assert.deepStrictEqual(createResolver(host).resolve('#x', '/c/src/a.ts'), {
      kind: 'unresolved',
      code: 'not-imported',
      reason: '"#x" needs the "imports" of /c/package.json, which cannot be read: not valid JSON (Unexpected end of JSON input)',
    });
  });

  it('adds the conditions it is given', () => {
    const host = createMemoryHost({
      '/w/node_modules/iso/package.json': json({ name: 'iso', exports: { browser: './browser.js', node: './node.js' } }),
      '/w/node_modules/iso/browser.js': '',
      '/w/node_modules/iso/node.js': '',
    });
    const file = (resolution: Resolution) => (resolution.kind === 'package' ? resolution.file : resolution.kind);
    assert.strictEqual(file(createResolver(host).resolve('iso', '/w/a.ts')), '/w/node_modules/iso/node.js');
    assert.strictEqual(file(createResolver(host, { conditions: ['browser'] }).resolve('iso', '/w/a.ts')), '/w/node_modules/iso/browser.js');
  });

  it('leaves out the node condition when the project resolves as a bundler', () => {
    const host = createMemoryHost({
      '/v/tsconfig.json': json({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } }),
      '/v/node_modules/iso/package.json': json({ name: 'iso', exports: { node: './node.js', default: './default.js' } }),
      '/v/node_modules/iso/node.js': '',
      '/v/node_modules/iso/default.js': '',
    });
    const resolution = createResolver(host).resolve('iso', '/v/src/a.ts');
    assert.strictEqual(resolution.kind === 'package' && resolution.file, '/v/node_modules/iso/default.js');
  });
});

describe('the import mode a file implies', () => {
  const host = createMemoryHost({
    '/cjs/tsconfig.json': json({ compilerOptions: { module: 'commonjs' } }),
    '/cjs/package.json': json({ name: 'cjs', type: 'module' }),
    '/esm/tsconfig.json': json({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } }),
    '/next/tsconfig.json': json({ compilerOptions: { module: 'nodenext' } }),
    '/next/package.json': json({ name: 'next' }),
    '/next/esm/package.json': json({ type: 'module' }),
    '/plain-esm/package.json': json({ name: 'plain-esm', type: 'module' }),
    '/plain-cjs/package.json': json({ name: 'plain-cjs' }),
    '/plain-cjs/node_modules/dual/package.json': json({ name: 'dual', exports: { import: './index.mjs', require: './index.cjs' } }),
    '/plain-cjs/node_modules/dual/index.mjs': '',
    '/plain-cjs/node_modules/dual/index.cjs': '',
  });
  const resolver = createResolver(host);
  const cases: [string, ImportMode][] = [
    ['/esm/src/a.mts', 'import'],
    ['/esm/src/a.cjs', 'require'],
    ['/cjs/src/a.ts', 'require'],
    ['/cjs/src/a.mjs', 'import'],
    ['/esm/src/a.ts', 'import'],
    ['/next/src/a.ts', 'require'],
    ['/next/esm/a.ts', 'import'],
    ['/plain-esm/a.js', 'import'],
    ['/plain-cjs/a.js', 'require'],
    ['/nowhere/a.js', 'require'],
  ];
  for (const [file, mode] of cases) {
    it(`${file} runs its imports as ${mode}`, () => assert.strictEqual(resolver.impliedMode(file), mode));
  }

  it('an import declaration without a mode reads the conditions of the way the file runs', () => {
    const target = (from: string, mode?: ImportMode) => {
      const resolution = resolver.resolve('dual', from, mode);
      return resolution.kind === 'package' ? resolution.file : resolution.kind;
    };
    assert.strictEqual(target('/plain-cjs/src/a.js'), '/plain-cjs/node_modules/dual/index.cjs');
    assert.strictEqual(target('/plain-cjs/src/a.mjs'), '/plain-cjs/node_modules/dual/index.mjs');
    assert.strictEqual(target('/plain-cjs/src/a.js', 'import'), '/plain-cjs/node_modules/dual/index.mjs', 'import() asks for import');
  });
});
