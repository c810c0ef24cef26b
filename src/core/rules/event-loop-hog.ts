/** A heavy CPU loop inside an async function or handler that also serves I/O. */
import { defineRule } from './ruleTypes';

export const eventLoopHog = defineRule({
  meta: {
    id: 'event-loop-hog',
    description: 'A heavy CPU loop inside an async function or handler that also serves I/O.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/event-loop-hog.md',
    picture: 'one task starves all others',
  },
  check() {
    // TODO: not implemented yet.
  },
});
