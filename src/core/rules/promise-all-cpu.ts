/** Promise.all or allSettled over CPU-bound calls: they still run one after another. */
import { defineRule } from './ruleTypes';

export const promiseAllCpu = defineRule({
  meta: {
    id: 'promise-all-cpu',
    description: 'Promise.all or allSettled over CPU-bound calls: they still run one after another.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/promise-all-cpu.md',
    picture: 'concurrency is not parallelism',
  },
  check() {
    // TODO: not implemented yet.
  },
});
