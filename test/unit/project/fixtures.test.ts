/**
 * The multi-file fixture projects (test/fixtures/projects/<kind>/), resolved on the real
 * disk through the node host: every import of every file, found by TypeScript's own
 * import scanner, must be in the table below and lead exactly where the table says.
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { createNodeHost, toProjectPath } from '../../../src/cli/nodeHost';
import type { ImportMode, Resolution } from '../../../src/core/project/resolution';
import { createResolver } from '../../../src/core/project/resolve';

const PROJECTS = toProjectPath(path.resolve(__dirname, '../../../../test/fixtures/projects'));

type Expected = (root: string) => Resolution;
interface Import {
  specifier: string;
  mode?: ImportMode;
  expected: Expected;
}

const source = (file: string): Expected => (root) => ({ kind: 'source', file: `${root}/${file}`, via: 'relative' });
const viaPaths = (file: string): Expected => (root) => ({ kind: 'source', file: `${root}/${file}`, via: 'paths' });
const viaImports = (file: string): Expected => (root) => ({ kind: 'source', file: `${root}/${file}`, via: 'imports' });
const json = (file: string): Expected => (root) => ({ kind: 'json', file: `${root}/${file}`, via: 'relative' });
const builtin = (module: string): Expected => () => ({ kind: 'builtin', module });
const workspace = (file: string, name: string, subpath: string, dir: string): Expected => (root) => ({
  kind: 'source',
  file: `${root}/${file}`,
  via: 'workspace',
  package: { name, subpath, dir: `${root}/${dir}`, workspace: true },
});
const imp = (specifier: string, expected: Expected): Import => ({ specifier, expected });
const req = (specifier: string, expected: Expected): Import => ({ specifier, mode: 'require', expected });

/** Fixture folder -> file -> its imports, in source order. */
const FIXTURES: Record<string, Record<string, Import[]>> = {
  relative: {
    'src/server.ts': [imp('node:http', builtin('http')), imp('./routes/login', source('src/routes/login.ts'))],
    'src/routes/login.ts': [imp('http', builtin('http')), imp('../crypto/password', source('src/crypto/password.ts')), imp('./body', source('src/routes/body.ts'))],
    'src/routes/body.ts': [imp('http', builtin('http'))],
    'src/crypto/password.ts': [imp('node:crypto', builtin('crypto'))],
  },
  'js-specifier': {
    'src/main.ts': [imp('./fetch.js', source('src/fetch.ts')), imp('./pool.mjs', source('src/pool.mts')), imp('./legacy.cjs', source('src/legacy.cts'))],
    'src/fetch.ts': [],
    'src/pool.mts': [imp('node:os', builtin('os')), imp('node:worker_threads', builtin('worker_threads'))],
    'src/checksum-worker.mts': [imp('node:crypto', builtin('crypto')), imp('node:worker_threads', builtin('worker_threads'))],
    'src/legacy.cts': [req('node:crypto', builtin('crypto'))],
  },
  index: {
    'src/app.ts': [imp('./jobs', source('src/jobs/index.ts')), imp('./jobs/', source('src/jobs/index.ts')), imp('./legacy', source('src/legacy/index.js'))],
    'src/jobs/index.ts': [imp('node:fs/promises', builtin('fs/promises')), imp('./thumbnail', source('src/jobs/thumbnail.ts'))],
    'src/jobs/thumbnail.ts': [],
    'src/legacy/index.js': [req('child_process', builtin('child_process'))],
  },
  barrel: {
    'src/handler.ts': [imp('./lib/index.js', source('src/lib/index.ts'))],
    'src/lib/index.ts': [imp('./crypto.js', source('src/lib/crypto.ts')), imp('./api.js', source('src/lib/api.ts')), imp('./retry.js', source('src/lib/retry.ts'))],
    'src/lib/crypto.ts': [imp('node:crypto', builtin('crypto'))],
    'src/lib/api.ts': [],
    'src/lib/retry.ts': [imp('node:timers/promises', builtin('timers/promises'))],
  },
  'tsconfig-paths': {
    'src/index.ts': [imp('@app/services/report', viaPaths('src/services/report.ts')), imp('@workers', viaPaths('src/workers/pool.ts'))],
    'src/services/report.ts': [imp('@workers', viaPaths('src/workers/pool.ts')), imp('src/services/orders', viaPaths('src/services/orders.ts'))],
    'src/services/orders.ts': [imp('node:fs/promises', builtin('fs/promises'))],
    'src/workers/pool.ts': [imp('node:os', builtin('os')), imp('node:worker_threads', builtin('worker_threads'))],
  },
  'package-imports': {
    'src/prices.ts': [imp('#db', viaImports('src/db/postgres.ts')), imp('#internal/cache', viaImports('src/internal/cache.ts')), imp('#internal/currency', viaImports('src/internal/currency.ts'))],
    'src/internal/cache.ts': [],
    'src/internal/currency.ts': [],
    'src/db/postgres.ts': [imp('node:timers/promises', builtin('timers/promises'))],
    'src/db/memory.ts': [],
  },
  'workspace/npm': {
    'packages/api/src/server.ts': [
      imp('node:http', builtin('http')),
      imp('@shop/crypto', workspace('packages/crypto/src/index.ts', '@shop/crypto', '.', 'packages/crypto')),
      imp('@shop/jobs/queue', workspace('packages/jobs/src/queue.ts', '@shop/jobs', './queue', 'packages/jobs')),
    ],
    'packages/crypto/src/index.ts': [imp('node:crypto', builtin('crypto')), imp('./pepper', source('packages/crypto/src/pepper.ts'))],
    'packages/crypto/src/pepper.ts': [],
    'packages/jobs/src/queue.ts': [imp('node:path', builtin('path')), imp('node:worker_threads', builtin('worker_threads'))],
    'packages/jobs/src/resize-worker.ts': [imp('node:worker_threads', builtin('worker_threads'))],
  },
  'workspace/pnpm': {
    'apps/web/src/upload.ts': [
      imp('@media/images', workspace('libs/images/src/index.ts', '@media/images', '.', 'libs/images')),
      imp('@media/images/probe', workspace('libs/images/src/probe.ts', '@media/images', './probe', 'libs/images')),
    ],
    'libs/images/src/index.ts': [imp('node:zlib', builtin('zlib'))],
    'libs/images/src/probe.ts': [imp('node:child_process', builtin('child_process')), imp('node:util', builtin('util'))],
  },
  commonjs: {
    'src/server.js': [
      req('http', builtin('http')),
      req('./lib/checksum', source('src/lib/checksum.js')),
      req('./lib/throttle.cjs', source('src/lib/throttle.cjs')),
      req('./settings.json', json('src/settings.json')),
    ],
    'src/lib/checksum.js': [req('node:fs', builtin('fs')), req('crypto', builtin('crypto')), req('./format', source('src/lib/format.js'))],
    'src/lib/format.js': [],
    'src/lib/throttle.cjs': [],
  },
  cycle: {
    'src/scheduler.ts': [imp('./jobs', source('src/jobs.ts'))],
    'src/jobs.ts': [imp('./scheduler', source('src/scheduler.ts'))],
  },
};

/** Every script under a fixture, relative to it (package.json, tsconfig and JSON data aside). */
function scriptsIn(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name)) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

describe('fixture projects resolve on disk', () => {
  const resolver = createResolver(createNodeHost());

  it('has a table for every fixture folder, and every script of each is in it', () => {
    const kinds = ['relative', 'js-specifier', 'index', 'barrel', 'tsconfig-paths', 'package-imports', 'workspace/npm', 'workspace/pnpm', 'commonjs', 'cycle'];
    assert.deepStrictEqual(Object.keys(FIXTURES).sort(), [...kinds].sort());
    for (const kind of kinds) assert.deepStrictEqual(scriptsIn(path.join(PROJECTS, kind)), Object.keys(FIXTURES[kind]).sort(), kind);
  });

  for (const [kind, files] of Object.entries(FIXTURES)) {
    describe(kind, () => {
      const root = `${PROJECTS}/${kind}`;
      for (const [file, imports] of Object.entries(files)) {
        it(`${file}: ${imports.length === 0 ? 'imports nothing' : imports.map((i) => i.specifier).join(', ')}`, () => {
          const text = fs.readFileSync(`${root}/${file}`, 'utf8');
          const scanned = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
          assert.deepStrictEqual(scanned, imports.map((i) => i.specifier), 'the table lists the file\'s imports in order');
          for (const { specifier, mode, expected } of imports) {
            assert.deepStrictEqual(resolver.resolve(specifier, `${root}/${file}`, mode), expected(root), specifier);
          }
        });
      }
    });
  }

  it('reports no configuration problem in any fixture', () => {
    const problems = Object.entries(FIXTURES).flatMap(([kind, files]) => Object.keys(files).flatMap((file) => resolver.projectFor(`${PROJECTS}/${kind}/${file}`).problems));
    assert.deepStrictEqual(problems, []);
  });
});
