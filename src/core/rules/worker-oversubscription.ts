/** A worker or process per item, or a pool size not tied to the core count. */
import { defineRule } from './ruleTypes';

export const workerOversubscription = defineRule({
  meta: {
    id: 'worker-oversubscription',
    description: 'A worker or process per item, or a pool size not tied to the core count.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/worker-oversubscription.md',
    picture: 'threads are not cores',
  },
  check() {
    // TODO: not implemented yet.
  },
});
