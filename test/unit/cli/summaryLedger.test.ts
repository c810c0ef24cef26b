/**
 * Project mode's ledger of the summaries each worker holds: a task carries what linking its
 * file reads (through re-exports too), less what its worker already holds, and the
 * resolutions the worker needs to link the same way.
 */
import * as assert from 'assert';
import type { ModuleSummary } from '../../../src/core/project/summaryTypes';
import type { ProjectFile, ProjectGraph } from '../../../src/cli/projectGraph';
import { SummaryLedger } from '../../../src/cli/summaryLedger';

function file(key: string, resolved: Record<string, string>): ProjectFile {
  return { key, absolute: key, path: key.slice(1), asked: true, source: { text: '' }, specifiers: Object.keys(resolved), resolved };
}

function summary(key: string, reexports: ModuleSummary['reexports'] = []): ModuleSummary {
  return { file: key, exports: {}, reexports, functions: [] } as unknown as ModuleSummary;
}

describe('cli project mode: the summary ledger', () => {
  // main imports the barrel, which re-exports everything from helper; other imports nothing.
  const files = [file('/main.js', { './barrel': '/barrel.js' }), file('/barrel.js', { './helper': '/helper.js' }), file('/helper.js', {}), file('/other.js', {})];
  const graph: ProjectGraph = { files: new Map(files.map((f) => [f.key, f])), components: files.map((f) => [f.key]), problems: [], notes: [] };

  it('ships what linking reads, through the barrel, once per worker', () => {
    const ledger = new SummaryLedger(graph);
    ledger.made(1, '/helper.js', summary('/helper.js'));
    ledger.made(1, '/barrel.js', summary('/barrel.js', [{ from: './helper', names: 'all' }]));
    const first = ledger.shipment(1, [graph.files.get('/main.js')!]);
    // Worker 1 made both summaries itself: nothing to copy; the barrel's resolutions go along.
    assert.deepStrictEqual(Object.keys(first.summaries), []);
    assert.deepStrictEqual(Object.keys(first.resolved).sort(), ['/barrel.js', '/main.js']);
    const elsewhere = ledger.shipment(2, [graph.files.get('/main.js')!]);
    assert.deepStrictEqual(Object.keys(elsewhere.summaries).sort(), ['/barrel.js', '/helper.js']);
    // Until the task comes back done, worker 2 may not have them (a task that fails may never have arrived).
    assert.deepStrictEqual(Object.keys(ledger.shipment(2, [graph.files.get('/main.js')!]).summaries).sort(), ['/barrel.js', '/helper.js']);
    ledger.delivered(2, Object.keys(elsewhere.summaries));
    assert.deepStrictEqual(Object.keys(ledger.shipment(2, [graph.files.get('/main.js')!]).summaries), [], 'worker 2 holds them now');
    assert.deepStrictEqual(ledger.shipment(3, [graph.files.get('/other.js')!]), { summaries: {}, resolved: { '/other.js': {} } });
  });
});
