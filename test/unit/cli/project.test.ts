/**
 * Project mode in the CLI (in process, on the compiled worker script): files the given
 * ones import are read and summarised, findings from imported helpers land at the call
 * with related locations in the helper's file, and unreadable imports or cycles never
 * stop the run. `--no-project` goes back to one file at a time.
 */
import * as assert from 'assert';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from './helpers';
import { BLOCKING_PROJECT, json, PROJECTS, runIn } from './projectHelpers';

const HASH_FINDING = {
  rule: 'blocking-call',
  severity: 'error',
  message:
    "`hash` (hash.ts) calls `crypto.pbkdf2Sync`, which computes on the event-loop thread and holds it; called from this handler, every other request, timer and callback waits too. Use `crypto.pbkdf2` instead (callback or `util.promisify`): it runs on libuv's thread pool.",
  line: 4,
  column: 11,
  endLine: 4,
  endColumn: 32,
  related: [{ message: "the blocking call: pbkdf2Sync(password, 'salt', 100000, 64, 'sha51…", file: 'src/hash.ts', line: 3, column: 10, endLine: 3, endColumn: 11 }],
};

describe('cli project mode', function () {
  // Each case starts worker threads and reads a project; on a busy machine that takes seconds.
  this.timeout(120_000);
  let dir = '';
  afterEach(() => {
    if (dir) removeTempDir(dir);
    dir = '';
  });

  it("reports a helper's blocking call at the call in the file asked for, pointing into the helper's file", async () => {
    dir = makeTempDir(BLOCKING_PROJECT);
    const run = await runIn(dir, ['--format', 'json', 'src/server.ts']);
    assert.strictEqual(run.status, 1, run.stderr);
    const output = json(run.stdout);
    // The helper was read for its summary, but only the file asked for is reported.
    assert.deepStrictEqual(output.files.map((file) => file.path), ['src/server.ts']);
    assert.deepStrictEqual(output.files[0].findings, [HASH_FINDING]);
    assert.strictEqual(run.stderr, '');
  });

  it('--no-project analyses the file alone, so the finding is gone', async () => {
    dir = makeTempDir(BLOCKING_PROJECT);
    const run = await runIn(dir, ['--format', 'json', '--no-project', 'src/server.ts']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(json(run.stdout).files[0].findings, []);
  });

  it('prints the related location with its own file in text and SARIF', async () => {
    dir = makeTempDir(BLOCKING_PROJECT);
    const text = await runIn(dir, ['src/server.ts']);
    assert.match(text.stdout, /^src\/server\.ts:4:11 error blocking-call `hash` \(hash\.ts\) calls/m);
    assert.match(text.stdout, /^ {4}related: src\/hash\.ts:3:10 the blocking call: pbkdf2Sync/m);
    const sarif = JSON.parse((await runIn(dir, ['--format', 'sarif', 'src/server.ts'])).stdout);
    const related = sarif.runs[0].results[0].relatedLocations[0].physicalLocation;
    assert.deepStrictEqual(related, { artifactLocation: { uri: 'src/hash.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 11 } });
  });

  it('an imported file that cannot be read is named on stderr and the run goes on without it', async () => {
    dir = makeTempDir({
      ...BLOCKING_PROJECT,
      'src/server.ts': `import http from 'node:http';\nimport { hash } from './hash';\nimport { legacy } from './legacy';\nexport const server = http.createServer((req, res) => {\n  res.end(hash(String(req.url)) + legacy());\n});\n`,
      'src/legacy.ts': Buffer.from([0x65, 0x78, 0x70, 0xff, 0xfe, 0x0a]),
    });
    const run = await runIn(dir, ['--format', 'json', 'src/server.ts']);
    assert.strictEqual(run.status, 1);
    assert.strictEqual(
      run.stderr,
      'concurrency-lens: src/legacy.ts (imported by src/server.ts) cannot be read, analysed without it: not valid UTF-8 text (first bad byte at offset 3; save it as UTF-8 to analyse it)\n',
    );
    assert.deepStrictEqual(json(run.stdout).files[0].findings.map((f) => [f.rule, f.line, f.related?.[0].file]), [['blocking-call', 5, 'src/hash.ts']]);
  });

  it('an imported file that does not parse leaves the importing file analysed', async () => {
    dir = makeTempDir({ ...BLOCKING_PROJECT, 'src/hash.ts': 'export function hash(( {\n' });
    const run = await runIn(dir, ['--format', 'json', 'src/server.ts']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(json(run.stdout).files.map((file) => [file.path, file.parseError, file.findings.length]), [['src/server.ts', null, 0]]);
  });

  it('an imported helper over its time budget is named on stderr; the file asked for is still analysed', async function () {
    this.timeout(120_000);
    // Nested async function expressions: TypeScript's parser takes about a minute on 24 levels.
    let stall = 'x;';
    for (let i = 0; i < 24; i++) stall = `f(async function () { ${stall} });`;
    dir = makeTempDir({
      ...BLOCKING_PROJECT,
      'src/stall.ts': `${stall}\nexport const ready = true;\n`,
      'src/server.ts': `import './stall';\n${BLOCKING_PROJECT['src/server.ts']}`,
    });
    const run = await runIn(dir, ['--format', 'json', '--time-budget', '0.5', 'src/server.ts']);
    assert.strictEqual(run.status, 1);
    assert.strictEqual(
      run.stderr,
      'concurrency-lens: src/stall.ts (imported): skipped: analysis took longer than the 0.5 s time budget and was stopped (--time-budget); the files importing it were analysed without it\n',
    );
    assert.deepStrictEqual(json(run.stdout).files[0].findings.map((f) => [f.rule, f.line, f.related?.[0].file]), [['blocking-call', 5, 'src/hash.ts']]);
  });

  it('files that import each other settle and are both reported', async () => {
    const run = await runIn(path.join(PROJECTS, 'cycle'), ['--format', 'json', 'src']);
    assert.strictEqual(run.status, 0, run.stderr);
    const output = json(run.stdout);
    assert.deepStrictEqual(output.files.map((file) => [file.path, file.quadrant]), [['src/jobs.ts', 'concurrent'], ['src/scheduler.ts', 'concurrent']]);
  });

  it('a finding crosses a cycle: the blocking helper sits in a file that imports the caller back', async () => {
    dir = makeTempDir({
      'package.json': '{"name":"app"}',
      'src/hash.ts': `import { pbkdf2Sync } from 'node:crypto';\nimport { server } from './server';\nexport function hash(password: string) {\n  return pbkdf2Sync(password, 'salt', 100000, 64, 'sha512');\n}\nexport function stop() {\n  server.close();\n}\n`,
      'src/server.ts': BLOCKING_PROJECT['src/server.ts'],
    });
    const run = await runIn(dir, ['--format', 'json', 'src']);
    assert.strictEqual(run.status, 1, run.stderr);
    const output = json(run.stdout);
    assert.deepStrictEqual(output.files.map((file) => file.path), ['src/hash.ts', 'src/server.ts']);
    assert.deepStrictEqual(output.files[1].findings.map((f) => [f.rule, f.line, f.column, f.related?.[0].file, f.related?.[0].line]), [['blocking-call', 4, 11, 'src/hash.ts', 4]]);
  });

  it('prints the same bytes whatever the number of worker threads', async () => {
    const root = path.join(PROJECTS, 'workspace');
    // await-in-loop is off in the default preset; on, it gives a finding in a second package.
    const one = await runIn(root, ['--format', 'json', '--rule', 'await-in-loop=info', '--jobs', '1', '.']);
    const three = await runIn(root, ['--format', 'json', '--rule', 'await-in-loop=info', '--jobs', '3', '.']);
    assert.strictEqual(one.stderr, '');
    assert.strictEqual(three.stdout, one.stdout);
    assert.deepStrictEqual(json(one.stdout).files.flatMap((file) => file.findings.map((f) => `${file.path}:${f.line} ${f.rule}`)), [
      'npm/packages/api/src/server.ts:8 blocking-call',
      'pnpm/apps/web/src/upload.ts:7 await-in-loop',
    ]);
  });
});
