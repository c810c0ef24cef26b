/** Without --jobs, a run starts one worker per 2 MB of asked-for source, at least one, at most the cores. */
import * as assert from 'assert';
import * as path from 'path';
import { automaticJobs, BYTES_PER_WORKER } from '../../../src/cli/workerCount';
import { makeTempDir, removeTempDir } from './helpers';

describe('automatic worker count', () => {
  let dir = '';
  after(() => removeTempDir(dir));

  it('counts the bytes of the files asked for: one worker per BYTES_PER_WORKER, rounded up, capped by the cores', () => {
    dir = makeTempDir({ 'small.js': 'x();\n', 'half.js': 'a'.repeat(BYTES_PER_WORKER / 2), 'whole.js': 'b'.repeat(BYTES_PER_WORKER) });
    const file = (name: string) => ({ absolute: path.join(dir, name), path: name });
    assert.strictEqual(automaticJobs([], 2), 1);
    assert.strictEqual(automaticJobs([file('small.js')], 2), 1);
    assert.strictEqual(automaticJobs([file('half.js'), file('small.js')], 8), 1);
    assert.strictEqual(automaticJobs([file('whole.js'), file('small.js')], 8), 2);
    assert.strictEqual(automaticJobs([file('whole.js'), file('half.js'), file('small.js')], 2), 2);
    assert.strictEqual(automaticJobs([file('whole.js'), file('half.js')], 1), 1);
  });

  it('an unreadable path adds nothing (it is reported when read)', () => {
    assert.strictEqual(automaticJobs([{ absolute: path.join(dir, 'missing.js'), path: 'missing.js' }], 4), 1);
  });
});
