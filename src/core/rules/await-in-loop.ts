/** An await inside a loop over independent items: each wait starts only after the previous one ends. */
import { defineRule } from './ruleTypes';

export const awaitInLoop = defineRule({
  meta: {
    id: 'await-in-loop',
    description: 'An await inside a loop over independent items: each wait starts only after the previous one ends.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/await-in-loop.md',
    picture: 'waits that could overlap',
  },
  check() {
    // TODO: not implemented yet.
  },
});
