/**
 * What the hover says about a call to a function of another file: the
 * summary of what calling it does, in plain sentences, and where the call is
 * in the report. Free of `vscode` so it can be tested in plain node.
 */
import type { CallSegment, ExternalRef, Segment } from '../core/model/types';
import type { CallEffect } from '../core/project/summaryTypes';
import type { FunctionReport, Report } from '../core/reportTypes';

const WAIT_WORDS: Record<string, string> = {
  network: 'the network',
  database: 'a database',
  cache: 'a cache',
  disk: 'the disk',
  timer: 'a timer',
  process: 'a child process',
  'thread-pool': "work on other threads (libuv's pool, native threads or a worker pool)",
  queue: 'a message queue',
  browser: 'a browser',
  module: 'loading code',
};

export interface ExternalCall {
  ref: ExternalRef;
  /** The call in the document (1-based). */
  segment: CallSegment;
  /** The callee as the report carries it (Report.imported), when its body was summarised. */
  callee: FunctionReport | undefined;
}

/** The innermost call to another file's function whose span holds the 1-based position. */
export function externalCallAt(report: Report, line: number, column: number): ExternalCall | undefined {
  let best: CallSegment | undefined;
  const visit = (segments: readonly Segment[]) => {
    for (const seg of segments) {
      if (seg.kind === 'call' && seg.external && contains(seg, line, column) && (!best || size(seg) < size(best))) best = seg;
      if (seg.kind === 'loop') visit(seg.body);
      else if (seg.kind === 'fork') for (const task of seg.tasks) visit(task);
    }
  };
  for (const fn of report.functions) visit(fn.segments);
  if (!best?.external) return undefined;
  const ref = best.external;
  const callee = report.imported?.find((fn) => fn.file === ref.file && fn.id === ref.fnId);
  return { ref, segment: best, callee };
}

function contains(seg: CallSegment, line: number, column: number): boolean {
  const { span } = seg;
  if (line < span.line || line > span.endLine) return false;
  if (line === span.line && column < span.column) return false;
  return !(line === span.endLine && column > span.endColumn);
}

function size(seg: CallSegment): number {
  return (seg.span.endLine - seg.span.line) * 10_000 + (seg.span.endColumn - seg.span.column);
}

/** One sentence per fact of the summary, most serious first. */
export function describeCallEffect(effect: CallEffect): string[] {
  const out: string[] = [];
  if (effect.blocks) out.push(`Blocks the calling thread: \`${effect.blocks.api}\` at line ${effect.blocks.line}.`);
  if (effect.computes) out.push(`${effect.computes.heavy ? 'Heavy CPU work' : 'CPU work that grows with its input'} on the calling thread, at line ${effect.computes.line} (\`${effect.computes.label}\`).`);
  if (effect.offload === 'spawn') out.push('Starts a new worker thread or process on every call.');
  else if (effect.offload === 'pool') out.push("Hands its work to a pool's threads or processes.");
  if (effect.waits) {
    const kinds = effect.waits.kinds.map((kind) => WAIT_WORDS[kind] ?? kind);
    out.push(`${effect.waits.certain ? 'Waits on' : 'Probably waits on'} ${kinds.length > 0 ? joinWords(kinds) : 'something outside the thread'}.`);
  }
  out.push(effect.returnsPromise ? `Returns a promise${effect.canReject ? ' that can reject' : ' that never rejects (its body catches every error)'}.` : 'Returns a plain value (no promise).');
  if (effect.limited) out.push('Caps how much of its work runs at once.');
  if (!effect.blocks && !effect.computes && !effect.offload && !effect.waits) out.push('No waits, blocking calls or heavy work found in it.');
  return out;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
