/**
 * The pool's onEvent hook, which the extension turns into "analysis worker
 * started" / "analysis worker replaced" lines in its output channel. A real
 * worker thread that answers, and one that dies, stand in for the analysis worker.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisPool, type PoolEvent } from '../../../src/extension/analysisPool';

function workerFile(body: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cl-pool-')), 'worker.js');
  fs.writeFileSync(file, `const { parentPort } = require('worker_threads');\n${body}\n`);
  return file;
}

const REQUEST = { text: 'export {};', fileName: 'a.ts', rules: {} };

describe('analysis pool: events for the log', () => {
  it('tells when a worker starts, once per worker', async () => {
    const events: PoolEvent[] = [];
    const echo = workerFile("parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, ok: true, report: { fileName: m.fileName } }));");
    const pool = new AnalysisPool(echo, 1, undefined, (event) => events.push(event));
    try {
      await pool.analyze('a', REQUEST);
      await pool.analyze('b', REQUEST);
      assert.deepStrictEqual(events, [{ kind: 'started', workers: 1 }]);
    } finally {
      pool.dispose();
    }
  });

  it('tells when a worker that died is replaced, and why', async () => {
    const events: PoolEvent[] = [];
    const dies = workerFile("parentPort.on('message', () => process.exit(3));");
    const pool = new AnalysisPool(dies, 1, undefined, (event) => events.push(event));
    try {
      await assert.rejects(pool.analyze('a', REQUEST), /analysis worker exited with code 3/);
      assert.deepStrictEqual(events, [
        { kind: 'started', workers: 1 },
        { kind: 'replaced', reason: 'analysis worker exited with code 3' },
      ]);
    } finally {
      pool.dispose();
    }
  });
});
