/** What the hover says about a call into another file: the call found under the cursor, and its summary in sentences. */
import * as assert from 'assert';
import { createMemoryHost } from '../../../src/core/project';
import type { CallEffect } from '../../../src/core/project/summaryTypes';
import { describeCallEffect, externalCallAt } from '../../../src/extension/callSummary';
import { ProjectWorkerState } from '../../../src/extension/projectWorker';

const quiet: CallEffect = { returnsPromise: false, waits: null, blocks: null, computes: null, offload: null, canReject: true, limited: false };

describe('extension: hover summary of an imported function', () => {
  it('says what calling it does, most serious first', () => {
    assert.deepStrictEqual(
      describeCallEffect({ ...quiet, blocks: { api: 'crypto.pbkdf2Sync', line: 6, column: 10, label: 'crypto.pbkdf2Sync(p)' } }),
      ['Blocks the calling thread: `crypto.pbkdf2Sync` at line 6.', 'Returns a plain value (no promise).'],
    );
    assert.deepStrictEqual(
      describeCallEffect({ ...quiet, returnsPromise: true, waits: { kinds: ['network', 'database', 'disk'], certain: true }, offload: 'pool', limited: true }),
      ["Hands its work to a pool's threads or processes.", 'Waits on the network, a database and the disk.', 'Returns a promise that can reject.', 'Caps how much of its work runs at once.'],
    );
    assert.deepStrictEqual(
      describeCallEffect({ ...quiet, returnsPromise: true, canReject: false, waits: { kinds: ['timer'], certain: false }, computes: { heavy: true, line: 3, column: 1, label: 'sort()' }, offload: 'spawn' }),
      ['Heavy CPU work on the calling thread, at line 3 (`sort()`).', 'Starts a new worker thread or process on every call.', 'Probably waits on a timer.', 'Returns a promise that never rejects (its body catches every error).'],
    );
    assert.deepStrictEqual(describeCallEffect(quiet), ['Returns a plain value (no promise).', 'No waits, blocking calls or heavy work found in it.']);
  });

  it('finds the call to the imported function under the cursor, with the callee the report carries', () => {
    const files = {
      '/app/src/crypto.ts': `import * as crypto from 'node:crypto';\nexport function hashPassword(p: string) {\n  return crypto.pbkdf2Sync(p, 's', 1000, 64, 'sha512');\n}\n`,
    };
    const handler = `import { hashPassword } from './crypto';\nexport async function login(p: string) {\n  const h = hashPassword(p);\n  return h;\n}\n`;
    const { report } = new ProjectWorkerState(createMemoryHost(files)).analyze(handler, 'src/login.ts', {}, {
      path: '/app/src/login.ts', roots: ['/app'], overlays: {}, known: [], epoch: 0, maxFiles: 10, importBudgetMs: 60_000,
    });
    const call = externalCallAt(report, 3, 14);
    assert.ok(call, 'a call under the cursor');
    assert.deepStrictEqual([call.ref.file, call.ref.name, call.segment.span.column, call.segment.span.endColumn], ['/app/src/crypto.ts', 'hashPassword', 13, 28]);
    assert.deepStrictEqual(call.callee && [call.callee.name, call.callee.line], ['hashPassword', 2]);
    assert.strictEqual(call.ref.effect.blocks?.api, 'crypto.pbkdf2Sync');
    assert.strictEqual(externalCallAt(report, 3, 5), undefined, 'not on `const h`');
    assert.strictEqual(externalCallAt(report, 4, 10), undefined);
  });
});
