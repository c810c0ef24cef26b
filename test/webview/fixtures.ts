/** Reports for the page tests: hand-made (exact costs) and from real source via analyze(). */
import type { Segment, Span } from '../../src/core/model/types';
import type { FunctionReport } from '../../src/core/reportTypes';
import type { TimelinePayload } from '../../src/protocol';
import { payloadFor } from './harness';

const span = (line: number, column = 3, endColumn = 30): Span => ({ line, column, endLine: line, endColumn, start: 0, end: 0 });

function fn(id: number, name: string, line: number, segments: Segment[], extra: Partial<FunctionReport> = {}): FunctionReport {
  return {
    id, name, kind: 'function', async: true, quadrant: 'parallel', parallelFraction: 0.9, parentId: 0,
    line, column: 1, endLine: line + 10, endColumn: 2, start: 0, end: 0, evidence: [], segments, ...extra,
  };
}

/**
 * fanOut: prepare (2), four pool jobs of 10 units fanned out and joined, merge (1):
 * 2 + 4 × 10 + 1 on one core, far less on four.
 * fetchBoth: two fetches started together (two io rows).
 */
export function fanOutPayload(cores = 4): TimelinePayload {
  const job: Segment = { kind: 'worker', api: 'piscina.run', cost: 10, spawns: false, awaited: true, span: span(6, 28, 44), label: 'pool.run(chunk)' };
  const fanOut = fn(1, 'fanOut', 4, [
    { kind: 'cpu', cost: 2, span: span(5), label: 'const chunks = split(data)' },
    { kind: 'fork', combinator: 'all', tasks: [[job]], repeat: 4, awaited: true, span: span(6), label: 'Promise.all(chunks.map(…))' },
    { kind: 'cpu', cost: 1, span: span(7), label: 'merge(results)' },
  ]);
  const fetch = (label: string, line: number): Segment => ({ kind: 'io', api: 'fetch', latency: 12, awaited: true, timer: false, span: span(line), label });
  const fetchBoth = fn(2, 'fetchBoth', 12, [
    { kind: 'fork', combinator: 'all', tasks: [[fetch('fetch(a)', 13)], [fetch('fetch(b)', 14)]], repeat: 1, awaited: true, span: span(13), label: 'Promise.all([fetch(a), fetch(b)])' },
    { kind: 'cpu', cost: 1, span: span(15), label: 'return [a, b]' },
  ], { quadrant: 'concurrent', parallelFraction: 0 });
  const top = fn(0, '<module>', 1, [], { quadrant: 'sequential', parallelFraction: 0, parentId: null, async: false });
  return { fileName: 'src/fanout.ts', uri: 'file:///work/src/fanout.ts', functions: [top, fanOut, fetchBoth], findings: [], selectedFunctionId: 1, cores, stale: null };
}

/** An await in a loop over independent items: the before/after fixture. */
export const AWAIT_LOOP_SOURCE = `
export async function crawl(urls: string[]) {
  const pages: string[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    pages.push(await res.text());
  }
  return pages;
}
`;

export function awaitLoopPayload(withPreviews = false): TimelinePayload {
  return payloadFor(AWAIT_LOOP_SOURCE, 'src/crawl.ts', 'crawl', 4, withPreviews);
}

/** Strings that run script if any of them ever reaches the page as markup. */
export const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  "'><iframe srcdoc=\"<script>parent.__pwned=4</script>\">",
  '<!--<script>window.__pwned=5</script>-->',
];

/** Real source whose strings and comments are hostile (they end up in segment labels). */
export const HOSTILE_SOURCE = `
// ${HOSTILE[0]}
export async function load() {
  const page = await fetch("${HOSTILE[0].replace(/"/g, '\\"')}");
  const text = await fetch('${HOSTILE[1]}');
  for (const x of ['${HOSTILE[2].replace(/'/g, "\\'")}']) await fetch(x);
  return [page, text];
}
`;

/** Every user-supplied string of the payload replaced by hostile markup. */
export function hostilePayload(): TimelinePayload {
  const payload = payloadFor(HOSTILE_SOURCE, 'hostile.ts', 'load', 4, true);
  let n = 0;
  const next = () => HOSTILE[n++ % HOSTILE.length];
  payload.fileName = HOSTILE[1] + HOSTILE[0];
  payload.stale = HOSTILE[2];
  for (const f of payload.functions) {
    f.name = next();
    relabel(f.segments, next);
  }
  for (const finding of payload.findings) finding.message = next();
  return payload;
}

function relabel(segments: Segment[], next: () => string): void {
  for (const seg of segments) {
    seg.label = next();
    if (seg.kind === 'loop') relabel(seg.body, next);
    if (seg.kind === 'fork') seg.tasks.forEach((task) => relabel(task, next));
  }
}
