/** A promise-returning call whose result is ignored: its errors and its ordering are lost. */
import { defineRule } from './ruleTypes';

export const floatingPromise = defineRule({
  meta: {
    id: 'floating-promise',
    description: 'A promise-returning call whose result is ignored: its errors and its ordering are lost.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/floating-promise.md',
    picture: 'errors and ordering lost',
  },
  check() {
    // TODO: not implemented yet.
  },
});
