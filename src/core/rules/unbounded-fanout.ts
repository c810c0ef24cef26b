/** Promise.all over a map of a collection of unknown size that does I/O, with no limit. */
import { defineRule } from './ruleTypes';

export const unboundedFanout = defineRule({
  meta: {
    id: 'unbounded-fanout',
    description: 'Promise.all over a map of a collection of unknown size that does I/O, with no limit.',
    defaultSeverity: 'info',
    docs: 'docs/rules/unbounded-fanout.md',
    picture: 'limit concurrency',
  },
  check() {
    // TODO: not implemented yet.
  },
});
