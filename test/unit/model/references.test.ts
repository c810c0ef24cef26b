/**
 * A local function passed by name (`.map(runChunk)`, `.then(handle)`,
 * `items.forEach(save)`) is built exactly like the same function written inline:
 * its segments take part in the caller's flow, its workers and waits included.
 */
import * as assert from 'assert';
import type { Segment } from '../../../src/core/model/types';
import { analyze, type FunctionReport, type Report } from '../../../src/core/report';

function byName(report: Report, name: string): FunctionReport {
  const fn = report.functions.find((f) => f.name === name);
  assert.ok(fn, `no function ${name}`);
  return fn;
}

/** Segment kinds, nested lists in brackets, call segments as `call:<callee name>`. */
function shape(report: Report, segments: readonly Segment[]): string[] {
  return segments.map((s) => {
    switch (s.kind) {
      case 'call':
        return `call:${report.functions.find((f) => f.id === s.calleeId)?.name ?? '?'}${s.awaited ? '' : ' (not awaited)'}`;
      case 'fork':
        return `fork ${s.combinator} x${s.repeat}${s.awaited ? '' : ' (not awaited)'} [${s.tasks.map((t) => shape(report, t).join(', ')).join(' | ')}]`;
      case 'loop':
        return `loop ${s.mode} x${s.iterations} [${shape(report, s.body).join(', ')}]`;
      default:
        return s.kind;
    }
  });
}

const source = `
import Piscina from 'piscina';
const pool = new Piscina({ filename: './hash-worker.js' });
function runChunk(chunk: Uint8Array) {
  return pool.run(chunk);
}
async function save(url: string) {
  await fetch(url);
}
function handle(response: Response) {
  return response.status;
}
function double(n: number) {
  return n * 2;
}
export async function byReference(chunks: Uint8Array[]) {
  return Promise.all(chunks.map(runChunk));
}
export async function inline(chunks: Uint8Array[]) {
  return Promise.all(chunks.map((chunk) => runChunk(chunk)));
}
export function forEachAsync(urls: string[]) {
  urls.forEach(save);
}
export async function thenByName(url: string) {
  return fetch(url).then(handle);
}
export function mapSync(xs: number[]) {
  return xs.map(double);
}
export function mapBuiltin(xs: string[]) {
  return xs.map(Number).filter(Boolean);
}
`;

describe('model: functions passed by reference', () => {
  const report = analyze(source, { fileName: 'refs.ts' });

  it('Promise.all(chunks.map(runChunk)) forks one awaited task per chunk, each the call of runChunk', () => {
    assert.deepStrictEqual(shape(report, byName(report, 'byReference').segments), ['cpu', 'fork all x8 [call:runChunk]']);
    assert.deepStrictEqual(shape(report, byName(report, 'runChunk').segments), ['cpu', 'worker']);
  });

  it('is classified like the inline arrow: parallel, with work on other cores', () => {
    const reference = byName(report, 'byReference');
    const inline = byName(report, 'inline');
    assert.strictEqual(reference.quadrant, 'parallel');
    assert.strictEqual(inline.quadrant, 'parallel');
    assert.ok(reference.parallelFraction > 0.5, `P = ${reference.parallelFraction}`);
  });

  it('urls.forEach(save) with an async save starts one promise per url that nothing awaits', () => {
    assert.deepStrictEqual(shape(report, byName(report, 'forEachAsync').segments), ['cpu', 'fork deferred x8 (not awaited) [call:save]']);
    assert.strictEqual(byName(report, 'forEachAsync').quadrant, 'concurrent');
  });

  it('.then(handle) runs handle after the wait, in the flow the caller awaits', () => {
    assert.deepStrictEqual(shape(report, byName(report, 'thenByName').segments), ['cpu', 'io', 'call:handle']);
  });

  it('xs.map(double) with a sync local function is a loop of calls; builtins like Number are not local functions', () => {
    assert.deepStrictEqual(shape(report, byName(report, 'mapSync').segments), ['cpu', 'loop sync x8 [call:double (not awaited)]']);
    assert.deepStrictEqual(shape(report, byName(report, 'mapBuiltin').segments), ['cpu']);
  });
});
