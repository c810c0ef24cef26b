/** The extension's project index: who imports whom, what changed, what a stored index may contain. */
import * as assert from 'assert';
import { SUMMARY_VERSION } from '../../../src/core/project/summaryTypes';
import { INDEX_FORMAT, SummaryIndex } from '../../../src/extension/summaryIndex';
import type { IndexEntry } from '../../../src/extension/workerProtocol';

function entry(path: string, imports: string[], summaryHash = `s-${path}`): IndexEntry {
  return { path, hash: `h-${path}`, depsKey: 'k', imports, summary: null, summaryHash };
}

describe('extension: summary index', () => {
  it('knows every file that imports a file, directly or through others, cycles included', () => {
    const index = new SummaryIndex();
    index.absorb([entry('/a', ['/b']), entry('/b', ['/c']), entry('/c', ['/b']), entry('/d', ['/c']), entry('/e', [])]);
    assert.deepStrictEqual([...index.dependentsOf('/c')].sort(), ['/a', '/b', '/d']);
    assert.deepStrictEqual([...index.dependentsOf('/a')], []);
    assert.deepStrictEqual(index.reachableFrom('/a').map((e) => e.path), ['/b', '/c']);
  });

  it('says which summaries changed: a different summary hash, not a new content hash alone', () => {
    const index = new SummaryIndex();
    assert.deepStrictEqual(index.absorb([entry('/a', []), entry('/b', [])]), [], 'first sight is not a change');
    assert.deepStrictEqual(index.absorb([{ ...entry('/a', []), hash: 'edited' }]), [], 'text edited, summary the same');
    assert.deepStrictEqual(index.absorb([entry('/a', [], 'blocks now'), entry('/b', [])]), ['/a']);
  });

  it('drops an invalidated entry and its import edges, and follows edges that moved', () => {
    const index = new SummaryIndex();
    index.absorb([entry('/a', ['/b']), entry('/b', [])]);
    assert.strictEqual(index.invalidate('/a'), true);
    assert.strictEqual(index.invalidate('/a'), false);
    assert.strictEqual(index.get('/a'), undefined);
    assert.deepStrictEqual([...index.dependentsOf('/b')], []);
    index.absorb([entry('/x', ['/b'])]);
    index.absorb([entry('/x', ['/c'])]);
    assert.deepStrictEqual([...index.dependentsOf('/b')], []);
    assert.deepStrictEqual([...index.dependentsOf('/c')], ['/x']);
  });

  it("a file event drops the file's entry and names its importers; creating, deleting or a configuration change affects resolution", () => {
    const index = new SummaryIndex();
    index.absorb([entry('/p/a.ts', ['/p/b.ts']), entry('/p/b.ts', ['/p/c.ts']), entry('/p/c.ts', [])]);
    const edited = index.fileEvent('/p/c.ts', 'changed');
    assert.deepStrictEqual([edited.resolution, [...edited.importers].sort()], [false, ['/p/a.ts', '/p/b.ts']]);
    assert.strictEqual(index.get('/p/c.ts'), undefined);
    assert.deepStrictEqual([...index.dependentsOf('/p/c.ts')].sort(), ['/p/a.ts', '/p/b.ts'], 'importers still point at it: they re-summarise it');
    assert.strictEqual(index.fileEvent('/p/b.ts', 'deleted').resolution, true);
    assert.strictEqual(index.fileEvent('/p/new.ts', 'created').resolution, true);
    assert.deepStrictEqual([index.fileEvent('/p/tsconfig.json', 'changed').resolution, index.fileEvent('/p/package.json', 'changed').resolution], [true, true]);
  });

  it('round-trips through its stored form, and ignores stored indexes of another format or malformed entries', () => {
    const index = new SummaryIndex();
    index.absorb([entry('/a', ['/b']), entry('/b', [])]);
    const stored = JSON.parse(JSON.stringify(index.toStored()));
    const loaded = new SummaryIndex();
    assert.strictEqual(loaded.load(stored), 2);
    assert.deepStrictEqual(loaded.get('/a'), entry('/a', ['/b']));
    assert.deepStrictEqual([...loaded.dependentsOf('/b')], ['/a']);
    assert.strictEqual(new SummaryIndex().load({ ...stored, format: INDEX_FORMAT + 1 }), 0);
    assert.strictEqual(new SummaryIndex().load({ ...stored, summaryVersion: SUMMARY_VERSION + 1 }), 0);
    assert.strictEqual(new SummaryIndex().load('not json'), 0);
    assert.strictEqual(new SummaryIndex().load({ ...stored, entries: [{ path: '/a' }, entry('/ok', [])] }), 1);
  });
});
