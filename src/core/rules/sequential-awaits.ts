/** Consecutive awaits whose operands do not depend on each other. */
import { defineRule } from './ruleTypes';

export const sequentialAwaits = defineRule({
  meta: {
    id: 'sequential-awaits',
    description: 'Consecutive awaits whose operands do not depend on each other.',
    defaultSeverity: 'info',
    docs: 'docs/rules/sequential-awaits.md',
    picture: 'waits that could overlap',
  },
  check() {
    // TODO: not implemented yet.
  },
});
