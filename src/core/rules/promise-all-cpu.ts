/**
 * Promise.all/allSettled over CPU-bound local work: the tasks are "concurrent"
 * in structure but there is nothing to overlap, since none of them waits. They
 * run one after another on this thread; only other cores make them parallel.
 */
import type { ForkSegment } from '../model/types';
import { cpuWork } from '../facts/cpuWork';
import { collectForks } from '../facts/segments';
import { defineRule, type RelatedSpan } from './ruleTypes';
import { isContextName } from '../naming';

const MAX_RELATED = 3;

export const promiseAllCpu = defineRule({
  meta: {
    id: 'promise-all-cpu',
    description: 'Promise.all or allSettled over CPU-bound calls: concurrency is not parallelism, they still run one after another on one thread.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/promise-all-cpu.md',
    picture: 'concurrency is not parallelism',
  },
  check(context) {
    const work = cpuWork(context.model);
    for (const fn of context.model.functions) {
      const forks: ForkSegment[] = [];
      collectForks(fn.segments, forks);
      for (const fork of forks) {
        const callees = work.cpuBoundFork(fork);
        if (!callees || callees.length === 0) continue;
        // A mapped arrow is anonymous: name the helper it calls when there is one.
        const names = callees.map((c) => (!isContextName(c.name) ? c.name : work.computeSite(c)!.via.find((f) => !isContextName(f.name))?.name));
        const named = [...new Set(names.filter((n): n is string => !!n))].map((n) => `\`${n}\``);
        const what = named.length > 0 ? named.join(', ') : 'the mapped callback';
        const combinator = fork.combinator === 'all' ? 'Promise.all' : 'Promise.allSettled';
        const related: RelatedSpan[] = [];
        for (const callee of callees.slice(0, MAX_RELATED)) {
          const site = work.computeSite(callee)!;
          const who = isContextName(site.origin.fn.name) ? 'the callback' : site.origin.fn.name;
          related.push({ span: site.origin.span, message: `${who} computes here without ever waiting: ${site.origin.label}` });
        }
        context.report({
          fn,
          span: fork.span,
          message:
            `${combinator} over CPU-bound work (${what}) does not run it in parallel: concurrency is not parallelism, and tasks that never wait run one after another on this one thread. ` +
            'Send them to a worker pool (piscina, worker_threads) to use more cores.',
          related,
        });
      }
    }
  },
});
