import * as assert from 'assert';
import * as ts from 'typescript';
import { createProjectConfigs } from '../../../src/core/project/config';
import { createMemoryHost } from '../../../src/core/project/memoryHost';

const json = (value: unknown) => JSON.stringify(value);

describe('project configuration', () => {
  describe('which project a file belongs to', () => {
    const host = createMemoryHost({
      '/mono/package.json': json({ name: 'mono', workspaces: ['apps/*'] }),
      '/mono/apps/api/package.json': json({ name: 'api', type: 'module' }),
      '/mono/apps/api/tsconfig.json': '{ // comments and trailing commas are fine\n "compilerOptions": { "strict": true, }, }',
      '/mono/apps/api/src/server.ts': '',
      '/mono/apps/site/jsconfig.json': json({ compilerOptions: { checkJs: true } }),
      '/mono/apps/site/package.json': json({ name: 'site' }),
      '/plain/package.json': json({ name: 'plain', main: 'index.js' }),
      '/plain/lib/a.js': '',
      '/mono/node_modules/dep/package.json': json({ name: 'dep' }),
      '/mono/node_modules/dep/tsconfig.json': json({ extends: './missing-base.json' }),
      '/mono/node_modules/@s/p/package.json': json({ name: '@s/p' }),
    });
    const configs = createProjectConfigs(host);

    it('the nearest tsconfig.json, with the package and workspace around it', () => {
      const project = configs.projectFor('/mono/apps/api/src/server.ts');
      assert.strictEqual(project.kind, 'tsconfig');
      assert.strictEqual(project.root, '/mono/apps/api');
      assert.strictEqual(project.configFile, '/mono/apps/api/tsconfig.json');
      assert.strictEqual(project.compilerOptions.strict, true);
      assert.strictEqual(project.packageJson?.name, 'api');
      assert.strictEqual(project.packageJson?.type, 'module');
      assert.strictEqual(project.workspace?.root, '/mono');
      assert.deepStrictEqual(project.workspace?.packages.map((p) => [p.name, p.dir]), [['api', '/mono/apps/api'], ['site', '/mono/apps/site']]);
      assert.deepStrictEqual(project.problems, []);
      assert.strictEqual(configs.projectFor('/mono/apps/api/src/other.ts'), project, 'one object per config, shared by its files');
    });

    it('a jsconfig.json, which TypeScript reads with JavaScript allowed', () => {
      const project = configs.projectFor('/mono/apps/site/src/page.js');
      assert.strictEqual(project.kind, 'jsconfig');
      assert.strictEqual(project.compilerOptions.allowJs, true);
      assert.strictEqual(project.compilerOptions.checkJs, true);
    });

    it('the nearest package.json when there is no tsconfig or jsconfig', () => {
      const project = configs.projectFor('/plain/lib/a.js');
      assert.deepStrictEqual(
        { kind: project.kind, root: project.root, configFile: project.configFile, options: project.compilerOptions, main: project.packageJson?.main },
        { kind: 'package', root: '/plain', configFile: '/plain/package.json', options: {}, main: 'index.js' },
      );
    });

    it('nothing at all: the file\'s folder with default options', () => {
      const project = configs.projectFor('/loose/x/a.ts');
      assert.deepStrictEqual(project, { root: '/loose/x', kind: 'none', compilerOptions: {}, problems: [] });
    });

    it('a file in node_modules belongs to its package, ignoring the configs it ships', () => {
      const project = configs.projectFor('/mono/node_modules/dep/lib/index.js');
      assert.deepStrictEqual([project.kind, project.root, project.problems, project.workspace], ['package', '/mono/node_modules/dep', [], undefined]);
      assert.strictEqual(configs.projectFor('/mono/node_modules/@s/p/index.d.ts').root, '/mono/node_modules/@s/p');
    });
  });

  describe('tsconfig extends and its failures', () => {
    const host = createMemoryHost({
      '/app/tsconfig.json': json({ extends: ['@tsconfig/node20/tsconfig.json', './tsconfig.paths.json'], compilerOptions: { outDir: 'dist' } }),
      '/app/tsconfig.paths.json': json({ extends: './config/base.json', compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      '/app/config/base.json': json({ compilerOptions: { baseUrl: '..', rootDir: '../src' } }),
      '/app/node_modules/@tsconfig/node20/package.json': json({ name: '@tsconfig/node20', version: '20.1.0' }),
      '/app/node_modules/@tsconfig/node20/tsconfig.json': json({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022' } }),
      '/bad/tsconfig.json': '{\n  "compilerOptions": { "baseUrl": "." ,, }\n',
      '/cycle/tsconfig.json': json({ extends: './a.json' }),
      '/cycle/a.json': json({ extends: './tsconfig.json', compilerOptions: { strict: true } }),
      '/missing/tsconfig.json': json({ extends: '@tsconfig/nowhere/tsconfig.json' }),
      '/array/tsconfig.json': '[1, 2]',
      '/unknown/tsconfig.json': json({ compilerOptions: { notAnOption: true, baseUrl: 'src' } }),
      '/badpaths/tsconfig.json': json({ compilerOptions: { paths: { '@a/*': 'src/a/*', '@b/*': ['src/b/*'], '@c/*': [5], '@d/*': [] } } }),
      '/arraypaths/tsconfig.json': json({ compilerOptions: { paths: ['src/*'] } }),
    });
    const configs = createProjectConfigs(host);

    it('merges a package-based and a relative base, each relative to the file that says it', () => {
      const project = configs.projectFor('/app/src/a.ts');
      const o = project.compilerOptions;
      assert.deepStrictEqual(
        [o.module, o.moduleResolution, o.target, o.outDir, o.baseUrl, o.rootDir, o.paths],
        [ts.ModuleKind.Node16, ts.ModuleResolutionKind.Node16, ts.ScriptTarget.ES2022, '/app/dist', '/app', '/app/src', { '@/*': ['./src/*'] }],
      );
      assert.deepStrictEqual(project.problems, []);
    });

    it('bad JSON is a problem with its position; what parses is still used', () => {
      const project = configs.projectFor('/bad/a.ts');
      assert.strictEqual(project.compilerOptions.baseUrl, '/bad');
      assert.deepStrictEqual(project.problems, [{ file: '/bad/tsconfig.json', message: 'Property assignment expected.', line: 2, column: 40 }]);
    });

    it('an extends cycle is reported, and reading it ends', () => {
      const project = configs.projectFor('/cycle/a.ts');
      assert.deepStrictEqual(project.problems.map((p) => p.message), [
        'Circularity detected while resolving configuration: /cycle/tsconfig.json -> /cycle/a.json -> /cycle/tsconfig.json',
      ]);
    });

    it('a base that cannot be found is reported', () => {
      assert.deepStrictEqual(configs.projectFor('/missing/a.ts').problems, [
        { file: '/missing/tsconfig.json', message: "File '@tsconfig/nowhere/tsconfig.json' not found.", line: 1, column: 12 },
      ]);
    });

    it('a config that is not an object is reported and read as empty', () => {
      const project = configs.projectFor('/array/a.ts');
      assert.deepStrictEqual([project.compilerOptions.baseUrl, project.problems.map((p) => p.message)], [undefined, ["The root value of a 'tsconfig.json' file must be an object."]]);
    });

    it('malformed paths entries are dropped, each reported; the good ones stay', () => {
      const project = configs.projectFor('/badpaths/x.ts');
      assert.deepStrictEqual(project.compilerOptions.paths, { '@b/*': ['src/b/*'] });
      assert.deepStrictEqual(project.problems.map((p) => p.message), [
        '"paths" entry "@a/*" should be a non-empty list of strings; it is ignored',
        '"paths" entry "@c/*" should be a non-empty list of strings; it is ignored',
        '"paths" entry "@d/*" should be a non-empty list of strings; it is ignored',
      ]);
      const arrayForm = configs.projectFor('/arraypaths/x.ts');
      assert.deepStrictEqual([arrayForm.compilerOptions.paths, arrayForm.problems.map((p) => p.message)], [
        undefined,
        ['"paths" should be an object of pattern: [targets] entries; it is ignored'],
      ]);
    });

    it('an unknown option is reported and the others kept', () => {
      const project = configs.projectFor('/unknown/a.ts');
      assert.strictEqual(project.compilerOptions.baseUrl, '/unknown/src');
      assert.deepStrictEqual(project.problems.map((p) => [p.message, p.line]), [["Unknown compiler option 'notAnOption'.", 1]]);
    });
  });

  it('a solution-style tsconfig hands over to the referenced config that includes the folder', () => {
    const host = createMemoryHost({
      '/vite/tsconfig.json': json({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] }),
      '/vite/tsconfig.app.json': json({ include: ['src'], compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      '/vite/tsconfig.node.json': json({ include: ['vite.config.ts'], compilerOptions: { types: ['node'] } }),
    });
    const configs = createProjectConfigs(host);
    assert.strictEqual(configs.projectFor('/vite/src/deep/main.ts').configFile, '/vite/tsconfig.app.json');
    assert.strictEqual(configs.projectFor('/vite/vite.config.ts').configFile, '/vite/tsconfig.node.json');
    assert.strictEqual(configs.projectFor('/vite/scripts/x.ts').configFile, '/vite/tsconfig.json', 'no reference takes it: the solution config');
  });
});
