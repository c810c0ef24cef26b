/**
 * --timeline, --html, --trace and --fail-on none end to end: the bundled dist/cli.js
 * (run `npm run build` first), plus in-process runs for the failure paths that are
 * awkward to set up around the bundle (a missing renderer, an unwritable target).
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonOutput } from '../../../src/cli/formatJson';
import { EXIT_OK, EXIT_TROUBLE, runCli, type CliIo } from '../../../src/cli/run';
import type { TraceFile } from '../../../src/core/simulate';
import type { TimelinePayload } from '../../../src/protocol';
import { FIXTURES, REPO_ROOT, fixtureText, makeTempDir, removeTempDir, runBuiltCli } from './helpers';

const KINDS = ['cpu', 'io', 'blocking', 'idle'];

function runInProcess(argv: string[], cwd: string, distDir = path.join(REPO_ROOT, 'dist')) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdoutIsTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), defaultCores: 4, distDir };
  return { status: runCli(argv, io), stdout, stderr };
}

/** The text of the page's `<script type="application/json" id="payload">` element. */
function payloadOf(html: string): TimelinePayload {
  const match = /<script type="application\/json" id="payload">([^<]*)<\/script>/.exec(html);
  assert.ok(match, 'the page carries its payload');
  return JSON.parse(match[1]) as TimelinePayload;
}

describe('cli timelines end to end', () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => removeTempDir(dir));

  it('--format json --timeline: every function carries the timeline contract', () => {
    const run = runBuiltCli(['--format', 'json', '--timeline', '--cores', '3', 'await-in-loop.ts'], { cwd: FIXTURES });
    assert.strictEqual(run.status, 0, run.stderr);
    const functions = (JSON.parse(run.stdout) as JsonOutput).files[0].functions;
    assert.ok(functions.length >= 3);
    for (const fn of functions) {
      const keys = Object.keys(fn);
      assert.strictEqual(keys[keys.length - 1], 'timeline');
      const timeline = fn.timeline!;
      assert.deepStrictEqual(Object.keys(timeline), ['cores', 'total', 'lanes', 'speedup']);
      assert.deepStrictEqual(Object.keys(timeline.speedup), ['P', 'cores', 'S', 'amdahl']);
      assert.strictEqual(timeline.cores, 3);
      assert.deepStrictEqual(timeline.lanes.slice(-3).map((lane) => lane.name), ['worker 1', 'worker 2', 'worker 3']);
      for (const lane of timeline.lanes) {
        assert.deepStrictEqual(Object.keys(lane), ['name', 'segments']);
        for (const segment of lane.segments) {
          assert.deepStrictEqual(Object.keys(segment), ['kind', 'start', 'end', 'label', 'line']);
          assert.ok(KINDS.includes(segment.kind), segment.kind);
        }
      }
    }
    const loadAll = functions.find((fn) => fn.name === 'loadAll')!;
    assert.ok(loadAll.timeline!.lanes.some((lane) => lane.segments.some((s) => s.kind === 'io')), 'the awaited loads are I/O');
  });

  it('without --timeline the JSON has no timeline key', () => {
    const run = runBuiltCli(['--format', 'json', 'await-in-loop.ts'], { cwd: FIXTURES });
    assert.doesNotMatch(run.stdout, /"timeline"/);
  });

  it('text --timeline: an ASCII chart with a main lane row per charted function', () => {
    const run = runBuiltCli(['--timeline', '--cores', '2', 'await-in-loop.ts'], { cwd: FIXTURES });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ {2}loadAll \(line 8\): \d+ units on 2 cores: the main thread$/m);
    assert.match(run.stdout, /^ {2}main +\|.*\|$/m);
    assert.match(run.stdout, /^ {2}io 1 +\|.*░.*\|$/m);
    assert.match(run.stdout, /^ {2}total \d+ · main idle \d+% · S\(2\) = [\d.]+x simulated/m);
    // Findings stay next to the table, before the charts.
    assert.ok(run.stdout.indexOf('await-in-loop.ts:9:25 warning') < run.stdout.indexOf('  timelines ('));
  });

  it('--timeline with sarif is a usage error', () => {
    const run = runBuiltCli(['--format', 'sarif', '--timeline', 'clean.ts'], { cwd: FIXTURES });
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stdout, '');
    assert.match(run.stderr, /--timeline applies to the text and json formats/);
  });

  it('--trace writes Chrome trace-event JSON for every function of every file', () => {
    const target = path.join(dir, 'traces', 'run.json');
    const run = runBuiltCli(['--format', 'sarif', '--trace', target, 'clean.ts', 'await-in-loop.ts'], { cwd: FIXTURES });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`^concurrency-lens: wrote ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    const trace = JSON.parse(fs.readFileSync(target, 'utf8')) as TraceFile;
    const complete = trace.traceEvents.filter((e) => e.ph === 'X');
    assert.ok(complete.length > 0);
    for (const e of complete) assert.ok(typeof e.ts === 'number' && typeof e.dur === 'number' && e.dur >= 0);
    const threads = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args?.name);
    assert.ok(threads.includes('main') && threads.includes('worker 1'));
    const processes = trace.traceEvents.filter((e) => e.name === 'process_name').map((e) => String(e.args?.name));
    assert.ok(processes.some((name) => name.startsWith('loadAll (await-in-loop.ts:8)')), processes.join('\n'));
    assert.ok(processes.some((name) => name.startsWith('sum (clean.ts:')), processes.join('\n'));
  });

  it('--html: a self-contained page where hostile strings and file names stay text', () => {
    const hostileName = '<img src=x onerror=alert(3)>.ts';
    fs.writeFileSync(path.join(dir, hostileName), fixtureText('hostile.ts'));
    const run = runBuiltCli(['--fail-on', 'none', '--html', 'page.html', '.'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /^concurrency-lens: wrote page\.html$/m);
    const html = fs.readFileSync(path.join(dir, 'page.html'), 'utf8');

    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-[A-Za-z0-9]+'">/);
    // Exactly the page's own scripts: the payload, the VS Code stand-in and the renderer.
    const bundle = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'webview.js'), 'utf8');
    const count = (text: string, needle: string) => text.split(needle).length - 1;
    assert.strictEqual(count(html, '<script'), 3 + count(bundle, '<script'));
    for (const raw of ['<script>alert', '<img src=x', 'alert(1)</script>', '<!-- -->']) assert.ok(!html.includes(raw), `raw ${raw} in the page`);
    assert.match(html, /<title>Concurrency Lens: &lt;img src=x onerror=alert\(3\)&gt;\.ts<\/title>/);

    const payload = payloadOf(html);
    assert.strictEqual(payload.fileName, hostileName);
    const load = payload.functions.find((fn) => fn.name === 'load');
    assert.ok(load, 'the function is in the payload');
    assert.strictEqual(payload.selectedFunctionId, load.id, 'the function with the finding is shown first');
    assert.ok(JSON.stringify(load.segments).includes("fetch('</script><script>alert(1)</script>')"), 'the label survives, as data');
  });

  it('--html with several files writes one page each, named after the file', () => {
    const out = path.join(dir, 'pages', 'report.html');
    const run = runBuiltCli(['--html', out, 'clean.ts', 'await-in-loop.ts', 'parse-error.ts'], { cwd: FIXTURES });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(out)).sort(), ['report-await-in-loop.ts.html', 'report-clean.ts.html']);
    assert.strictEqual(payloadOf(fs.readFileSync(path.join(dir, 'pages', 'report-clean.ts.html'), 'utf8')).fileName, 'clean.ts');
    assert.match(run.stderr, /wrote .*report-await-in-loop\.ts\.html\n.*wrote .*report-clean\.ts\.html\n/);
  });

  it('--fail-on none exits 0 with findings, but still 2 for an unreadable path', () => {
    const findings = runBuiltCli(['--fail-on', 'none', 'async-foreach.ts'], { cwd: FIXTURES });
    assert.strictEqual(findings.status, 0, findings.stderr);
    assert.match(findings.stdout, /^async-foreach\.ts:9:\d+ error async-foreach /m);
    assert.strictEqual(runBuiltCli(['--fail-on', 'none', 'async-foreach.ts', 'missing.ts'], { cwd: FIXTURES }).status, 2);
  });

  it("the README's first command runs clean on the examples", () => {
    const run = runBuiltCli(['--fail-on', 'none', '--timeline', 'examples']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
    assert.match(run.stdout, /^ {2}crawlSequential \(line \d+\): /m);
  });

  describe('failures (in process)', () => {
    it('a missing renderer stops the run before any output, saying how to fix it', () => {
      const run = runInProcess(['--html', path.join(dir, 'p.html'), 'clean.ts'], FIXTURES, path.join(dir, 'no-dist'));
      assert.strictEqual(run.status, EXIT_TROUBLE);
      assert.strictEqual(run.stdout, '');
      assert.match(run.stderr, /^concurrency-lens: --html needs .*webview\.js \(no such file or folder\); run npm run build first\n$/);
      assert.ok(!fs.existsSync(path.join(dir, 'p.html')));
    });

    it('a target that cannot be written exits 2 after printing the report', () => {
      fs.mkdirSync(path.join(dir, 'taken.json'));
      const run = runInProcess(['--trace', 'taken.json', path.join(FIXTURES, 'clean.ts')], dir);
      assert.strictEqual(run.status, EXIT_TROUBLE);
      assert.match(run.stdout, /clean\.ts {2}sequential/);
      assert.match(run.stderr, /^concurrency-lens: cannot write taken\.json: is a folder$/m);
    });

    it('--html with nothing analysable writes nothing and exits 2', () => {
      const run = runInProcess(['--html', 'p.html', path.join(FIXTURES, 'parse-error.ts')], dir);
      assert.strictEqual(run.status, EXIT_TROUBLE);
      assert.match(run.stderr, /--html: no analysed file to draw, nothing written/);
      assert.deepStrictEqual(fs.readdirSync(dir), []);
    });

    it('relative targets are relative to the working folder', () => {
      const run = runInProcess(['--format', 'json', '--html', 'p.html', '--trace', 't.json', path.join(FIXTURES, 'clean.ts')], dir);
      assert.strictEqual(run.status, EXIT_OK, run.stderr);
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['p.html', 't.json']);
      assert.strictEqual(run.stderr, 'concurrency-lens: wrote p.html\nconcurrency-lens: wrote t.json\n');
    });
  });
});
