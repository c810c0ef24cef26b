/**
 * --timeline, --html and --trace without the bundle: the JSON shape, which functions
 * get a chart, chart width, page names and the trace, from hand-built model segments
 * run through the real simulator (so no parser or rule is involved).
 */
import * as assert from 'assert';
import { derivedNames, selectedFunction, tracePayload } from '../../../src/cli/artifacts';
import { formatJson } from '../../../src/cli/formatJson';
import { formatText } from '../../../src/cli/formatText';
import { CHART_COLUMNS, chartWidth, wrapPath } from '../../../src/cli/formatTimeline';
import { chartedFunctions, isTrivial, simulateFile } from '../../../src/cli/timelines';
import type { AnalyzedFile } from '../../../src/cli/types';
import type { Segment, Span } from '../../../src/core/model/types';
import type { FunctionReport } from '../../../src/core/reportTypes';
import { makeFile, makeFinding, makeFunction } from './helpers';

const span = (line: number): Span => ({ line, column: 1, endLine: line, endColumn: 10, start: 0, end: 0 });
const cpu = (cost: number, line = 2): Segment => ({ kind: 'cpu', cost, span: span(line), label: 'sync work' });
const io = (latency: number, label = 'fetch(url)', line = 3): Segment => ({ kind: 'io', api: 'fetch', latency, awaited: true, timer: false, span: span(line), label });
const blocking = (cost: number, line = 4): Segment => ({ kind: 'blocking', api: 'fs.readFileSync', cost, span: span(line), label: 'readFileSync(path)' });

/** A file whose functions are the given model segments, as the core would report them. */
function fileOf(functions: Partial<FunctionReport>[], path = 'src/a.ts'): AnalyzedFile {
  return makeFile(path, {
    functions: functions.map((fn, id) => makeFunction({ id, parentId: id === 0 ? null : 0, name: id === 0 ? '<module>' : `f${id}`, ...fn })),
  });
}

describe('cli timelines', () => {
  const file = fileOf([
    { segments: [cpu(1)] },
    { name: 'load', async: true, line: 5, parallelFraction: 0.876543, segments: [cpu(1), io(12.345), cpu(1)] },
  ]);

  describe('json', () => {
    it('adds `timeline` as the last key of each function, with exactly the contract keys', () => {
      const timelines = [simulateFile(file, 3)];
      const fn = JSON.parse(formatJson([file], { timelines })).files[0].functions[1];
      assert.deepStrictEqual(Object.keys(fn), ['name', 'line', 'column', 'endLine', 'endColumn', 'async', 'quadrant', 'parallelFraction', 'timeline']);
      assert.deepStrictEqual(Object.keys(fn.timeline), ['cores', 'total', 'lanes', 'speedup']);
      assert.deepStrictEqual(Object.keys(fn.timeline.lanes[0]), ['name', 'segments']);
      assert.deepStrictEqual(Object.keys(fn.timeline.lanes[0].segments[0]), ['kind', 'start', 'end', 'label', 'line']);
      assert.deepStrictEqual(Object.keys(fn.timeline.speedup), ['P', 'cores', 'S', 'amdahl']);
      // Every worker lane is listed, even idle ones: idle cores are part of the answer.
      assert.deepStrictEqual(
        fn.timeline.lanes.map((lane: { name: string }) => lane.name),
        ['main', 'io 1', 'worker 1', 'worker 2', 'worker 3'],
      );
    });

    it('rounds times, P and S to two decimals', () => {
      const fn = JSON.parse(formatJson([file], { timelines: [simulateFile(file, 3)] })).files[0].functions[1];
      assert.deepStrictEqual(fn.timeline, {
        cores: 3,
        total: 14.35,
        lanes: [
          {
            name: 'main',
            segments: [
              { kind: 'cpu', start: 0, end: 1, label: 'sync work', line: 2 },
              { kind: 'idle', start: 1, end: 13.35, label: 'idle, waiting for fetch(url)', line: 3 },
              { kind: 'cpu', start: 13.35, end: 14.35, label: 'sync work', line: 2 },
            ],
          },
          { name: 'io 1', segments: [{ kind: 'io', start: 1, end: 13.35, label: 'fetch(url)', line: 3 }] },
          { name: 'worker 1', segments: [] },
          { name: 'worker 2', segments: [] },
          { name: 'worker 3', segments: [] },
        ],
        // S is simulated: nothing runs on other cores, so 1. Amdahl's bound for the given P: 1 / (0.123457 + 0.876543 / 3) = 2.406...
        speedup: { P: 0.88, cores: 3, S: 1, amdahl: 2.41 },
      });
    });

    it('without timelines the output is what it was before --timeline existed', () => {
      assert.strictEqual(formatJson([file], {}), formatJson([file]));
      assert.doesNotMatch(formatJson([file]), /timeline/);
    });
  });

  describe('which functions get a chart', () => {
    const charted = (functions: Partial<FunctionReport>[]) => {
      const f = fileOf(functions);
      return chartedFunctions(f.report.functions, simulateFile(f, 2)).map((i) => f.report.functions[i].name + i);
    };

    it('named functions always, even a single block of CPU', () => {
      assert.deepStrictEqual(charted([{ segments: [] }, { name: 'sum', segments: [cpu(3)] }]), ['sum1']);
    });

    it('<module> only when it waits, blocks or uses workers', () => {
      assert.deepStrictEqual(charted([{ segments: [cpu(1), cpu(2)] }]), []);
      assert.deepStrictEqual(charted([{ segments: [cpu(1), blocking(5)] }]), ['<module>0']);
      assert.deepStrictEqual(charted([{ segments: [io(4)] }]), ['<module>0']);
    });

    it('<anonymous> only when non-trivial and directly under the module', () => {
      const functions: Partial<FunctionReport>[] = [
        { segments: [] },
        { name: '<anonymous>', segments: [cpu(1), io(5)] }, // a request handler
        { name: '<anonymous>', segments: [cpu(2)] }, // a trivial top-level callback
        { name: 'outer', segments: [cpu(1)] },
        { name: '<anonymous>', parentId: 3, segments: [io(5)] }, // a callback inside `outer`
      ];
      assert.deepStrictEqual(charted(functions), ['<anonymous>1', 'outer3']);
    });

    it('functions named from their context follow the same rule as <anonymous>', () => {
      const functions: Partial<FunctionReport>[] = [
        { segments: [] },
        { name: 'POST /signup handler', segments: [cpu(1), io(5)] },
        { name: 'setInterval callback', segments: [cpu(2)] },
        { name: 'outer', segments: [cpu(1)] },
        { name: 'urls.map callback', parentId: 3, segments: [io(5)] },
        { name: 'exports.handler', parentId: 3, segments: [cpu(1)] }, // a member assignment is a name the user wrote
      ];
      assert.deepStrictEqual(charted(functions), ['POST /signup handler1', 'outer3', 'exports.handler5']);
    });

    it('trivial means CPU on the main thread and nothing else', () => {
      const [module, load] = simulateFile(file, 2);
      assert.strictEqual(isTrivial(module), true);
      assert.strictEqual(isTrivial(load), false);
    });
  });

  describe('text', () => {
    it('charts each function under its file, a `main` row per chart, within 100 columns', () => {
      const text = formatText({ files: [file], problems: [] }, { cores: 2, timelines: [simulateFile(file, 2)] });
      const lines = text.split('\n');
      assert.match(text, /^ {2}timelines \(predicted from the code's structure/m);
      assert.strictEqual(lines.filter((line) => line.includes('█ CPU')).length, 1, 'the legend is printed once per file');
      assert.match(text, /^ {2}load \(line 5\): [\d.]+ units on 2 cores: the main thread$/m);
      assert.match(text, /^ {2}main +\|\[█+\]·+\[█+\]\|$/m);
      assert.match(text, /^ {2}io 1 +\| *\[fetch\(url\)░*\] *\|$/m);
      assert.match(text, /^ {2}worker 1-2 +\(no work sent to workers\)$/m);
      assert.doesNotMatch(text, /<module> \(line/, 'a trivial module gets no chart');
      const rows = lines.filter((line) => line.includes('|'));
      assert.ok(rows.length >= 2);
      for (const row of rows) assert.strictEqual(row.length, CHART_COLUMNS, row);
      // The summary line still ends the output.
      assert.match(lines[lines.length - 2], /^1 file: /);
    });

    it('prints no chart block without --timeline, or when nothing is worth drawing', () => {
      assert.doesNotMatch(formatText({ files: [file], problems: [] }, { cores: 2 }), /timelines|\|/);
      const quiet = fileOf([{ segments: [cpu(1)] }]);
      assert.doesNotMatch(formatText({ files: [quiet], problems: [] }, { cores: 2, timelines: [simulateFile(quiet, 2)] }), /timelines/);
    });

    it('sizes the time axis from the longest lane name', () => {
      const [, load] = simulateFile(file, 12);
      // `worker 12` is 9 characters: name column 11, so 100 - 2 (indent) - 11 - 2 (bars).
      assert.strictEqual(chartWidth(load), 85);
    });

    it('wraps a long critical path between steps', () => {
      const line = `critical path: ${Array.from({ length: 12 }, (_, i) => `step number ${i} (main)`).join(' → ')}`;
      const wrapped = wrapPath(line, 60);
      assert.ok(wrapped.length > 1);
      for (const part of wrapped) assert.ok(part.length <= 60, part);
      assert.strictEqual(wrapped.map((part) => part.trim()).join(' ').replace(/ → {1,}/g, ' → '), line);
      assert.deepStrictEqual(wrapPath('total 3 · main idle 0%', 10), ['total 3 · main idle 0%']);
    });
  });

  describe('--html page names and selection', () => {
    it('one page per file, named after what tells the files apart', () => {
      assert.deepStrictEqual(derivedNames('out/report.html', ['src/a.ts', 'src/b/c.ts']), ['out/report-a.ts.html', 'out/report-b_c.ts.html']);
      assert.deepStrictEqual(derivedNames('report', ['lib/z.mjs', 'src/a.ts']), ['report-lib_z.mjs.html', 'report-src_a.ts.html']);
      assert.deepStrictEqual(derivedNames('r.htm', ['../x/<b>.ts', '../x/y.ts']), ['r-_b_.ts.html', 'r-y.ts.html']);
      assert.deepStrictEqual(derivedNames('r.html', ['../a.ts', 'b/c.ts']), ['r-a.ts.html', 'r-b_c.ts.html']);
      assert.deepStrictEqual(derivedNames('r.html', ['a/b.ts', 'a_b.ts', 'a/b_.ts']), ['r-a_b.ts.html', 'r-a_b.ts-2.html', 'r-a_b_.ts.html']);
    });

    it('selects the first function with a finding, else the first named one', () => {
      const functions = [makeFunction({ id: 0, name: '<module>' }), makeFunction({ id: 1, name: 'a' }), makeFunction({ id: 2, name: 'b' })];
      assert.strictEqual(selectedFunction({ functions, findings: [makeFinding({ functionId: 2 })] }), 2);
      assert.strictEqual(selectedFunction({ functions, findings: [] }), 1);
      assert.strictEqual(selectedFunction({ functions: [functions[0]], findings: [] }), 0);
      assert.strictEqual(selectedFunction({ functions: [], findings: [] }), 0);
    });
  });

  describe('--trace', () => {
    it('one process per function, named with its file and line; one thread per lane', () => {
      const other = fileOf([{ segments: [cpu(1)] }], 'src/b.ts');
      const files = [file, other];
      const trace = tracePayload(files, files.map((f) => simulateFile(f, 2)));
      const processes = trace.traceEvents.filter((e) => e.name === 'process_name').map((e) => e.args?.name);
      assert.deepStrictEqual(processes, ['<module> (src/a.ts:1) (total 1 units)', 'load (src/a.ts:5) (total 14.345 units)', '<module> (src/b.ts:1) (total 1 units)']);
      const threads = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.pid === 2).map((e) => e.args?.name);
      assert.deepStrictEqual(threads, ['main', 'io 1', 'worker 1', 'worker 2']);
      const fetch = trace.traceEvents.find((e) => e.ph === 'X' && e.name === 'fetch(url)');
      assert.deepStrictEqual([fetch?.pid, fetch?.cat, fetch?.ts, fetch?.dur], [2, 'io', 1000, 12345]);
    });
  });
});
