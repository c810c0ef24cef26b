/**
 * A heavy CPU loop on a thread that is also serving other work: inside a
 * request/event handler, or an async function that waits on I/O (so other
 * tasks are in flight around it). While the loop runs nothing else on the
 * event loop moves. Async functions that never wait are async-cpu-bound's
 * case, and loops that yield (`await setImmediate()`) are chunked on purpose.
 */
import type { FunctionInfo } from '../model/types';
import { cpuWork, type HeavySite } from '../facts/cpuWork';
import { isTestCallback } from '../facts/threadContext';
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
    const work = cpuWork(context.model);
    if (work.workerFile) return; // a worker thread exists to run exactly this kind of loop
    for (const fn of context.model.functions) {
      const handler = fn.kind !== 'module' && work.servesEvents(fn);
      const busyAsync = fn.async && !fn.generator && (fn.summary.waitsOnIo || work.usesWorkers(fn));
      if (!handler && !busyAsync) continue;
      // Helpers called from a handler are reported at the call; from other async code only own loops count.
      const sites = work.outermostHeavy(fn, handler);
      if (sites.length === 0 || (!handler && isTestCallback(context.model, fn))) continue;
      for (const site of sites) {
        context.report({ fn, span: site.span, message: message(fn, site, handler), related: related(site) });
      }
    }
  },
});

function who(fn: FunctionInfo, handler: boolean): string {
  const name = isContextName(fn.name) ? null : `\`${fn.name}\``;
  if (handler) return name ? `the handler ${name}` : 'this handler';
  return `${name ?? 'this async function'}, which also waits on I/O`;
}

function message(fn: FunctionInfo, site: HeavySite, handler: boolean): string {
  const advice = 'Move the computation to a worker (worker_threads, piscina), or split it into chunks that `await setImmediate()` between them.';
  const starve = 'while it runs, no other request, timer or I/O callback on this thread can make progress.';
  if (site.via.length > 0) {
    const helper = site.via.find((f) => !isContextName(f.name))?.name ?? 'a helper';
    return `\`${helper}\` runs a heavy CPU loop on the event loop when ${who(fn, handler)} calls it: ${starve} ${advice}`;
  }
  return `This heavy CPU loop blocks the event loop inside ${who(fn, handler)}: ${starve} ${advice}`;
}

function related(site: HeavySite): RelatedSpan[] {
  if (site.via.length === 0) return [];
  return [{ span: site.origin.span, message: `the heavy work: ${site.origin.label}` }];
}
