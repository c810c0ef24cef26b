/** An async function that never awaits. */
import { defineRule } from './ruleTypes';

export const asyncWithoutAwait = defineRule({
  meta: {
    id: 'async-without-await',
    description: 'An async function that never awaits.',
    defaultSeverity: 'info',
    docs: 'docs/rules/async-without-await.md',
    picture: 'misleading structure',
  },
  check() {
    // TODO: not implemented yet.
  },
});
