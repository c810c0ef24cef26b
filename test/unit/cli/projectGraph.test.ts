/**
 * discoverProject with files already read and scanned (the workers scan the asked-for files,
 * projectRun.ts): their reads and specifiers are taken as given, and files reached only
 * through imports are still read and scanned here.
 */
import * as assert from 'assert';
import * as path from 'node:path';
import { createNodeHost } from '../../../src/cli/nodeHost';
import { discoverProject, toKey } from '../../../src/cli/projectGraph';
import { readSource } from '../../../src/cli/readSource';
import { collectFiles } from '../../../src/cli/walk';
import { createResolver } from '../../../src/core/project/resolve';
import { makeTempDir, removeTempDir } from './helpers';

describe('cli project graph, prescanned', () => {
  it('uses the given specifiers of asked-for files and scans the files they lead to', () => {
    const dir = makeTempDir({
      'package.json': '{"name":"p","private":true}\n',
      'a.js': "const b = require('./b');\n",
      'b.js': "const c = require('./c');\n",
      'c.js': 'module.exports = 1;\n',
    });
    try {
      const asked = collectFiles(['a.js', 'b.js'], dir).files;
      const a = path.join(dir, 'a.js');
      const b = path.join(dir, 'b.js');
      // b's scan says it imports nothing: the graph must believe it, so c is never reached.
      const prescanned = new Map([
        [a, { read: readSource(a), specifiers: ['./b'] }],
        [b, { read: readSource(b), specifiers: [] as string[] }],
      ]);
      const graph = discoverProject(asked, dir, createResolver(createNodeHost()), prescanned);
      assert.deepStrictEqual([...graph.files.keys()], [toKey(a), toKey(b)]);
      assert.deepStrictEqual(graph.files.get(toKey(b))!.specifiers, []);

      // Without it, b is scanned here and leads to c.
      const scanned = discoverProject(asked, dir, createResolver(createNodeHost()));
      assert.deepStrictEqual([...scanned.files.keys()], [toKey(a), toKey(b), toKey(path.join(dir, 'c.js'))]);
      assert.deepStrictEqual(scanned.files.get(toKey(b))!.specifiers, ['./c']);
    } finally {
      removeTempDir(dir);
    }
  });
});
