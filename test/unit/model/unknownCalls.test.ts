/**
 * A wait is a wait only on evidence (issue 9, belief 8): a call the file cannot
 * resolve is an uncertain wait at most, a sync function calling itself is
 * computation, and `util.promisify` of a known callback API waits on what that
 * API waits on.
 */
import * as assert from 'assert';
import type { Segment } from '../../../src/core/model/types';
import { analyze, type Report } from '../../../src/core/report';

function segmentsOf(report: Report, name: string): Segment[] {
  const fn = report.functions.find((f) => f.name === name);
  assert.ok(fn, `no function ${name}`);
  return fn.segments;
}

function ioOf(segments: readonly Segment[]): { api: string; wait?: string; uncertain: boolean }[] {
  return segments.flatMap((s) => (s.kind === 'io' ? [{ api: s.api, wait: s.wait, uncertain: s.uncertain === true }] : s.kind === 'loop' ? ioOf(s.body) : []));
}

describe('model: calls without evidence of a wait', () => {
  it('an async function that returns a built-in that hands back a plain value waits on nothing (Array.from, Map#values)', () => {
    const report = analyze(`export async function doubled(xs: number[]) { return Array.from(xs, (x) => x * 2); }
export async function counts(m: Map<string, number>) { return m.values(); }
export async function ids(client: { keys(pattern: string): Promise<string[]> }) { return client.keys('user:*'); }`);
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'doubled')), []);
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'counts')), []);
    assert.deepStrictEqual(['doubled', 'counts'].map((name) => report.functions.find((f) => f.name === name)?.quadrant), ['sequential', 'sequential']);
    // `keys` is a Redis command as often as a Map method: still an uncertain wait.
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'ids')), [{ api: 'client.keys', wait: undefined, uncertain: true }]);
  });

  it('a sync function that returns a call of itself computes; it does not wait', () => {
    const report = analyze(`export function unwrap(value: { default?: unknown }): unknown {
  if (value.default) return unwrap(value.default as { default?: unknown });
  return value;
}`);
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'unwrap')), []);
    assert.deepStrictEqual(report.functions.find((f) => f.name === 'unwrap')?.quadrant, 'sequential');
  });

  it('an async function awaiting itself keeps an uncertain wait for the recursive call', () => {
    const report = analyze(`export async function walk(depth: number): Promise<number> {
  if (depth === 0) return 0;
  return 1 + (await walk(depth - 1));
}`);
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'walk')), [{ api: 'unknown:walk', wait: undefined, uncertain: true }]);
  });

  it('util.promisify of a callback API waits on what the API waits on, with certainty', () => {
    const report = analyze(`import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
export async function probe(path: string) {
  const { stdout } = await run('identify', [path]);
  return stdout;
}`);
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'probe')), [{ api: 'util.promisify(child_process.execFile)', wait: 'process', uncertain: false }]);
  });

  it('util.promisify of an unknown function is no evidence', () => {
    const report = analyze(`import { promisify } from 'node:util';
import { legacy } from './legacy';
const run = promisify(legacy);
export async function go() {
  await run();
}`);
    assert.deepStrictEqual(ioOf(segmentsOf(report, 'go')).map((io) => io.uncertain), [true]);
  });
});
