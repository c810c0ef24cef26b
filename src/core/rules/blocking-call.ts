/** Synchronous I/O, sync crypto/zlib, execSync, Atomics.wait or a busy-wait in async code or a handler. */
import { defineRule } from './ruleTypes';

export const blockingCall = defineRule({
  meta: {
    id: 'blocking-call',
    description: 'Synchronous I/O, sync crypto/zlib, execSync, Atomics.wait or a busy-wait in async code or a handler.',
    defaultSeverity: 'error',
    docs: 'docs/rules/blocking-call.md',
    picture: 'the loop freezes',
  },
  check() {
    // TODO: not implemented yet.
  },
});
