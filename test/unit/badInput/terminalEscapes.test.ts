/**
 * Issue 11, item 7: `--format text` printed raw ESC and BEL bytes taken from source strings
 * and paths, which a terminal obeys (colours, titles, a cleared screen). Every text output
 * now shows control characters as escapes.
 */
import * as assert from 'assert';
import { escapeControl } from '../../../src/cli/escape';
import { runCli, type CliIo } from '../../../src/cli/run';
import { makeTempDir, removeTempDir } from '../cli/helpers';

const ESC = '\u001b';
const BEL = '\u0007';

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdoutIsTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), defaultCores: 2, defaultJobs: 1 };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

describe('bad input: control characters never reach the terminal', function () {
  this.timeout(120_000);
  // A title-setting sequence inside a string the findings and timeline labels quote, in a file whose name holds one too.
  const evil = `${ESC}]0;owned${BEL}`;
  const source = [
    'export async function crawl(urls: string[]) {',
    `  for (const u of urls) await fetch("${evil}" + u);`,
    '}',
    `export async function wait() { await fetch("${ESC}[2J"); }`,
    '',
  ].join('\n');
  let dir: string;
  before(() => {
    dir = makeTempDir({ [`crawl${ESC}[31m.ts`]: source, [`broken${BEL}.ts`]: `const x = "${ESC}[2J" +;\n` });
  });
  after(() => removeTempDir(dir));

  it('escapes C0, DEL, C1, separators and bidi overrides, and keeps tabs', () => {
    assert.strictEqual(escapeControl(`a${ESC}[31mb${BEL}\t\r\n\u0000\u007f\u009b\u2028\u202e`), 'a\\x1b[31mb\\x07\t\\r\\n\\x00\\x7f\\x9b\\u2028\\u202e');
    assert.strictEqual(escapeControl('plain é ✓'), 'plain é ✓');
  });

  it('the text format, its timelines and the summary hold no control character', async () => {
    const result = await run(['--timeline', '--rule', 'await-in-loop=info', '--fail-on', 'none', '.'], dir);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    assert.match(result.stdout, /^crawl\\x1b\[31m\.ts:2:25 info await-in-loop /m);
    assert.match(result.stdout, /\\x1b\]0;owned\\x07/);
    assert.match(result.stdout, /^broken\\x07\.ts:1:\d+ parse error: /m);
  });

  it('notes on stderr (parse errors, unreadable paths) are escaped too', async () => {
    const result = await run(['--format', 'json', '.', `missing${ESC}[2J.ts`], dir);
    assert.strictEqual(result.status, 2);
    assert.doesNotMatch(result.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    assert.match(result.stderr, /^concurrency-lens: missing\\x1b\[2J\.ts: no such file or folder$/m);
    assert.match(result.stderr, /^concurrency-lens: broken\\x07\.ts:1:\d+: parse error, not analysed: /m);
    // JSON is for programs: its strings carry the real characters, escaped the JSON way.
    assert.ok((JSON.parse(result.stdout) as { files: { path: string }[] }).files.some((f) => f.path === `crawl${ESC}[31m.ts`));
  });

  it('a usage error quoting the argument is escaped', async () => {
    const result = await run(['--format', `xml${ESC}[2J`, 'x'], dir);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^concurrency-lens: unknown --format 'xml\\x1b\[2J' \(use text, json or sarif\)$/m);
  });
});
