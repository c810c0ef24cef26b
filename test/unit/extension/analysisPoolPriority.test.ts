/**
 * Background requests (the project index) never hold up an open document's
 * analysis for more than the request already running: they wait behind every
 * other queued request. A real worker thread that echoes stands in for the analysis worker.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisPool } from '../../../src/extension/analysisPool';

function echoWorker(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cl-pool-')), 'worker.js');
  fs.writeFileSync(file, "const { parentPort } = require('worker_threads');\nparentPort.on('message', (m) => parentPort.postMessage({ id: m.id, ok: true, report: { fileName: m.fileName } }));\n");
  return file;
}

describe('analysis pool: background requests', () => {
  it('runs a document request before background requests queued earlier, and background ones in their order', async () => {
    const pool = new AnalysisPool(echoWorker(), 1);
    const finished: string[] = [];
    const send = (name: string, background: boolean) =>
      pool.analyze(name, { text: '', fileName: name, rules: {} }, background).then((result) => finished.push(result?.report.fileName ?? `${name} replaced`));
    try {
      await Promise.all([send('index-1', true), send('index-2', true), send('index-3', true), send('typed', false), send('opened', false)]);
      assert.deepStrictEqual(finished, ['index-1', 'typed', 'opened', 'index-2', 'index-3']);
    } finally {
      pool.dispose();
    }
  });
});
