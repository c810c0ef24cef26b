/** forEach (or a similar callback API) given an async callback: the promises are dropped. */
import { defineRule } from './ruleTypes';

export const asyncForeach = defineRule({
  meta: {
    id: 'async-foreach',
    description: 'forEach (or a similar callback API) given an async callback: the promises are dropped.',
    defaultSeverity: 'error',
    docs: 'docs/rules/async-foreach.md',
    picture: 'promises dropped',
  },
  check() {
    // TODO: not implemented yet.
  },
});
