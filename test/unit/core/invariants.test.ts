/**
 * One fact, one place: on every bundled example and fixture, the findings, the
 * quadrant, its sentence and the timeline tell one story. Each invariant is
 * checked from the timeline or the segments the timeline draws, not from the
 * rule that should agree with it, so a rule and a view cannot drift apart
 * unnoticed.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { quadrantSentence, scheduleFacts, contextSentence } from '../../../src/core/explain';
import type { ForkSegment, Segment } from '../../../src/core/model/types';
import { analyze } from '../../../src/core/report';
import type { FunctionReport, Report } from '../../../src/core/reportTypes';
import { simulate } from '../../../src/core/simulate';

const ROOT = join(__dirname, '../../../..');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** Core counts the speed-up bound is checked at: every count up to 16, then a spread up to the maximum. */
/** CPU units per task copy that count as real computation (a loop over the item's data), not a statement or two. */
const HEAVY_TASK = 8;
const CORE_COUNTS = [...Array.from({ length: 16 }, (_, i) => i + 1), 24, 32, 48, 64];

function sources(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const FILES = [...sources(join(ROOT, 'examples')), ...sources(join(ROOT, 'test/fixtures'))].filter((path) => !/parse-error|hostile/.test(path));
const reports = new Map<string, Report>();
function reportOf(path: string): Report {
  let report = reports.get(path);
  if (!report) reports.set(path, (report = analyze(readFileSync(path, 'utf8'), { fileName: relative(ROOT, path) })));
  return report;
}

/** Segments of one function's own body (loops and forks opened, calls not followed). */
function own(list: readonly Segment[], out: Segment[] = []): Segment[] {
  for (const seg of list) {
    out.push(seg);
    if (seg.kind === 'loop') own(seg.body, out);
    else if (seg.kind === 'fork') for (const task of seg.tasks) own(task, out);
  }
  return out;
}

const onLine = (report: Report, rule: string, line: number) => report.findings.some((f) => f.rule === rule && f.line <= line && line <= f.endLine);

/** The fork alone, drawn as the timeline would draw it: its tasks' work, in the function's report. */
function forkTimeline(report: Report, fn: FunctionReport, fork: ForkSegment) {
  const alone: FunctionReport = { ...fn, segments: [fork] };
  return simulate({ ...report, functions: report.functions.map((f) => (f.id === fn.id ? alone : f)) }, fn.id, { cores: 4 });
}

describe('invariants on every example and fixture', () => {
  it('has files to check', () => {
    assert.ok(FILES.length >= 30, `only ${FILES.length} files`);
    assert.ok(FILES.some((f) => f.endsWith('web-handler.ts')));
  });

  for (const path of FILES) {
    describe(relative(ROOT, path), () => {
      it('a blocking call on a thread that serves other work is a blocking-call finding; elsewhere the explanation says why it is fine', () => {
        const report = reportOf(path);
        for (const fn of report.functions) {
          const blocking = own(fn.segments).filter((s) => s.kind === 'blocking' || (s.kind === 'call' && s.external?.effect.blocks));
          if (blocking.length === 0) continue;
          assert.ok(fn.context, `${fn.name} has a context`);
          if (fn.context.kind === 'hot') {
            for (const seg of blocking) assert.ok(onLine(report, 'blocking-call', seg.span.line), `${fn.name}: the blocking "${seg.label}" at line ${seg.span.line} serves other work but has no blocking-call finding`);
          } else {
            assert.match(contextSentence(fn.context) ?? '', /nothing else waits|holds only that worker|not known here/, `${fn.name} (${fn.context.kind}) explains why its blocking call is not reported`);
          }
        }
      });

      it('CPU work that Promise.all runs back to back on the main thread is a promise-all-cpu finding', () => {
        const report = reportOf(path);
        for (const fn of report.functions) {
          for (const fork of own(fn.segments).filter((s): s is ForkSegment => s.kind === 'fork')) {
            if ((fork.combinator !== 'all' && fork.combinator !== 'allSettled') || fork.tasks.length * fork.repeat < 2) continue;
            const timeline = forkTimeline(report, fn, fork);
            const main = timeline.lanes[0].segments.filter((s) => s.kind === 'cpu').reduce((sum, s) => sum + (s.end - s.start), 0);
            const waits = timeline.lanes.some((l) => l.kind === 'io' && l.segments.length > 0);
            // Back to back: nothing waits, nothing runs elsewhere, and the tasks' computation is the fork's whole length (and not trivial).
            const backToBack = !waits && timeline.threads === 0 && timeline.total > 0 && main >= 0.95 * timeline.total && main >= HEAVY_TASK * fork.tasks.length * fork.repeat;
            if (backToBack) assert.ok(onLine(report, 'promise-all-cpu', fork.span.line), `${fn.name}: "${fork.label}" (line ${fork.span.line}) runs ${main} units of CPU back to back but has no promise-all-cpu finding`);
            else assert.ok(!onLine(report, 'promise-all-cpu', fork.span.line) || !waits, `${fn.name}: promise-all-cpu at line ${fork.span.line} although the fork waits`);
          }
        }
      });

      it("a function's quadrant, its sentence and its timeline agree", () => {
        const report = reportOf(path);
        for (const fn of report.functions) {
          for (const cores of [1, 4]) {
            const timeline = simulate(report, fn.id, { cores });
            const facts = scheduleFacts(timeline);
            const sentence = quadrantSentence(fn, timeline);
            const where = `${fn.name} (line ${fn.line}, ${fn.quadrant}, ${cores} cores): ${sentence}`;
            assert.ok(sentence.includes(fn.quadrant === 'concurrent-parallel' ? 'concurrent + parallel' : fn.quadrant), where);
            if (fn.quadrant === 'sequential') {
              assert.strictEqual(facts.waitsInFlight, 0, `${where} — yet it waits`);
              assert.strictEqual(facts.threads, 0, `${where} — yet it uses worker threads`);
            }
            if (fn.quadrant === 'parallel' || fn.quadrant === 'concurrent-parallel') assert.ok(facts.threads >= 1, `${where} — yet no worker thread runs`);
            if (fn.quadrant === 'concurrent') assert.strictEqual(facts.threads, 0, `${where} — yet it uses worker threads`);
            if (fn.quadrant === 'concurrent' || fn.quadrant === 'concurrent-parallel') {
              if (facts.yieldsWhileWaiting && facts.waitsInFlight <= 1) assert.match(sentence, /one after another \(one in flight at a time\)/, where);
              if (facts.yieldsWhileWaiting && facts.waitsInFlight > 1) assert.ok(sentence.includes(`up to ${facts.waitsInFlight} of its own waits`), where);
              if (!facts.yieldsWhileWaiting) assert.doesNotMatch(sentence, /waits are in flight|one in flight/, where);
            }
            if (facts.busyThreads > 1 && fn.quadrant !== 'sequential' && fn.quadrant !== 'concurrent') assert.ok(sentence.includes(`up to ${facts.busyThreads} threads busy at once`), where);
          }
        }
      });

      it('the simulated speed-up never exceeds Amdahl\'s bound for the same P, at any core count', () => {
        const report = reportOf(path);
        for (const fn of report.functions) {
          for (const cores of CORE_COUNTS) {
            const { speedup } = simulate(report, fn.id, { cores });
            assert.strictEqual(speedup.cores, cores);
            assert.ok(speedup.S <= speedup.amdahl + 1e-9, `${fn.name} at ${cores} cores: S ${speedup.S} > Amdahl ${speedup.amdahl} (P ${speedup.P})`);
            assert.ok(speedup.S >= 1 - 1e-9 || cores === 1 || speedup.S > 0, `${fn.name}: S ${speedup.S}`);
          }
        }
      });
    });
  }
});
