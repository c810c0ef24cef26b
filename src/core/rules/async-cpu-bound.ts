/** An async function or promise wrapper whose work is CPU-bound and never really waits. */
import { defineRule } from './ruleTypes';

export const asyncCpuBound = defineRule({
  meta: {
    id: 'async-cpu-bound',
    description: 'An async function or promise wrapper whose work is CPU-bound and never really waits.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/async-cpu-bound.md',
    picture: 'async adds no speed to computation',
  },
  check() {
    // TODO: not implemented yet.
  },
});
