/**
 * A coarse reading of the knowledge table for the facts helpers that only need
 * to know what kind of thing a call is (a wait, a timer, a blocking call...).
 * Everything comes from behaviourOf: the table is the one place that decides.
 */
import { behaviourOf } from './lookup';

export type ApiCategory = 'io' | 'timer' | 'blocking' | 'heavy' | 'spawn' | 'pool' | 'cores' | 'limiter' | 'combinator' | 'sync';

export interface ApiInfo {
  category: ApiCategory;
  /** Relative cost on the calling thread (blocking, heavy) or latency (io). */
  cost: number;
}

export function apiInfo(qualifiedName: string | null): ApiInfo | null {
  if (!qualifiedName) return null;
  const behaviour = behaviourOf(qualifiedName);
  if (!behaviour) return null;
  const cost = behaviour.cost ?? 12;
  switch (behaviour.does) {
    case 'wait':
      return { category: behaviour.wait === 'timer' ? 'timer' : 'io', cost };
    case 'yield':
      return { category: 'timer', cost: 1 };
    case 'dispatch':
      return { category: 'io', cost };
    case 'block':
      return { category: 'blocking', cost };
    case 'compute':
      return { category: 'heavy', cost };
    case 'spawn':
      return { category: 'spawn', cost };
    case 'pool':
      return { category: 'pool', cost };
    case 'cores':
      return { category: 'cores', cost: 0 };
    case 'limiter':
    case 'task':
      return { category: 'limiter', cost: 0 };
    case 'combinator':
      return { category: 'combinator', cost: 0 };
    case 'sync':
    case 'unknown':
      return { category: 'sync', cost: 1 };
  }
}
