/** new Promise whose executor only does synchronous work. */
import { defineRule } from './ruleTypes';

export const syncPromiseExecutor = defineRule({
  meta: {
    id: 'sync-promise-executor',
    description: 'new Promise whose executor only does synchronous work.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/sync-promise-executor.md',
    picture: 'wrapping is not offloading',
  },
  check() {
    // TODO: not implemented yet.
  },
});
