/**
 * A heavy CPU loop on a thread that is also serving other work: inside a
 * request/event handler, or an async function that waits on I/O (so other
 * tasks are in flight around it). While the loop runs nothing else on the
 * event loop moves. Async functions that never wait are async-cpu-bound's
 * case, and loops that yield (`await setImmediate()`) are chunked on purpose.
 */
import type { FunctionInfo } from '../model/types';
import { cpuWork, type HeavySite } from '../facts/cpuWork';
import { contextOf, type ContextFact } from '../facts/context';
import { spanOf } from '../model/spans';
import { defineRule, type RelatedSpan } from './ruleTypes';
import { isContextName } from '../naming';

export const eventLoopHog = defineRule({
  meta: {
    id: 'event-loop-hog',
    description: 'A heavy CPU loop inside a request/event handler or an async function that also waits on I/O: one task starves all the others.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/event-loop-hog.md',
    picture: 'one task starves all others',
  },
  check(context) {
    const { model } = context;
    const work = cpuWork(model);
    const inCpuForks = work.cpuForkWork();
    for (const fn of model.functions) {
      if (fn.kind === 'module') continue;
      const where = contextOf(model, fn);
      // Hot: the thread serves other work (a handler, or what one calls). Async code whose callers are
      // unknown and that also waits is only likely to: strict reports it, one level lower.
      const busyAsync = where.kind === 'unknown' && fn.async && !fn.generator && (fn.summary.waitsOnIo || work.usesWorkers(fn));
      if (where.kind !== 'hot' && !busyAsync) continue;
      // Own loops and known heavy calls only: a local helper a handler calls is hot itself and reports its own loops there,
      // and work run as Promise.all tasks is promise-all-cpu's finding.
      if (inCpuForks.has(fn.id)) continue;
      for (const site of work.outermostHeavy(fn, false)) {
        context.report({ fn, span: site.span, message: message(fn, site, where), related: related(site), lowerSeverity: where.kind !== 'hot' });
      }
      for (const call of fn.sites.calls) {
        const heavy = call.external?.effect.computes;
        if (!call.external || !heavy?.heavy) continue;
        context.report({
          fn,
          span: spanOf(call.node),
          message: `\`${call.external.name}\` (${baseName(call.external.file)}) runs heavy computation on the event loop when ${who(fn, where)} calls it: ${STARVE} ${ADVICE}`,
          related: [{ span: { line: heavy.line, column: heavy.column, endLine: heavy.line, endColumn: heavy.column + 1, start: 0, end: 0 }, message: `the heavy work: ${heavy.label}`, file: call.external.file }],
          lowerSeverity: where.kind !== 'hot',
        });
      }
    }
  },
});

const ADVICE = 'Move the computation to a worker (worker_threads, piscina), or split it into chunks that `await setImmediate()` between them.';
const STARVE = 'while it runs, no other request, timer or I/O callback on this thread can make progress.';

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function who(fn: FunctionInfo, where: ContextFact): string {
  const name = isContextName(fn.name) ? null : `\`${fn.name}\``;
  if (where.kind === 'hot' && !where.from) return name ? `the handler ${name}` : 'this handler';
  if (where.kind === 'hot') return `${name ?? 'this function'} (${where.why})`;
  return `${name ?? 'this async function'}, which also waits on I/O`;
}

function message(fn: FunctionInfo, site: HeavySite, where: ContextFact): string {
  if (site.via.length > 0) {
    const helper = site.via.find((f) => !isContextName(f.name))?.name ?? 'a helper';
    return `\`${helper}\` runs a heavy CPU loop on the event loop when ${who(fn, where)} calls it: ${STARVE} ${ADVICE}`;
  }
  return `This heavy CPU loop blocks the event loop inside ${who(fn, where)}: ${STARVE} ${ADVICE}`;
}

function related(site: HeavySite): RelatedSpan[] {
  if (site.via.length === 0) return [];
  return [{ span: site.origin.span, message: `the heavy work: ${site.origin.label}` }];
}
