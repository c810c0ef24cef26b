/** Shared expectations for the knowledge-table tests. */
import * as assert from 'assert';
import type { Behaviour } from '../../../src/core/knowledge';
import { behaviourOf } from '../../../src/core/knowledge';

/** Behaviour shapes the table uses over and over, spelled out in full so a test fails on any field. */
export const completion = { argument: 'last', runs: 'on-completion' } as const;
export const waitsOn = (wait: string, extra: Partial<Behaviour> = {}): Behaviour =>
  ({ does: 'wait', wait, returnsPromise: true, cost: 12, ...extra }) as Behaviour;
export const callsBackOn = (wait: string, extra: Partial<Behaviour> = {}): Behaviour =>
  ({ does: 'wait', wait, returnsPromise: false, callbackStyle: true, callback: completion, cost: 12, ...extra }) as Behaviour;
export const cheapCall = (extra: Partial<Behaviour> = {}): Behaviour => ({ does: 'sync', returnsPromise: false, ...extra });
export const builds = (instance: string): Behaviour => ({ does: 'sync', returnsPromise: false, instance });
export const constructsInstance = (instance: string, extra: Partial<Behaviour> = {}): Behaviour =>
  ({ does: 'sync', returnsPromise: false, newable: true, instance, ...extra });
export const handler = (argument: number | 'last', extra: Partial<Behaviour> = {}): Behaviour =>
  ({ does: 'sync', returnsPromise: false, registersHandler: true, callback: { argument, runs: 'on-event' }, ...extra });

/** Table-driven: every key must look up to exactly the expected behaviour. */
export function expectBehaviours(cases: Record<string, Behaviour | null>): void {
  for (const [key, expected] of Object.entries(cases)) {
    it(key, () => assert.deepStrictEqual(behaviourOf(key), expected));
  }
}
