/**
 * Helpers the table files use to state behaviours briefly, and the builder that
 * collects them into one map (remembering any key stated twice, which a test forbids).
 */
import { KNOWLEDGE_COST as COST, type Behaviour, type CallbackUse, type ConcurrencyLimit, type InstanceType, type PoolSize, type WaitKind } from './behaviour';

export class TableBuilder {
  readonly behaviours = new Map<string, Behaviour>();
  readonly instances = new Map<string, InstanceType>();
  /** Keys given more than once; the table's tests require this to stay empty. */
  readonly duplicates: string[] = [];

  api(keys: string | readonly string[], behaviour: Behaviour): void {
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (this.behaviours.has(key)) this.duplicates.push(key);
      this.behaviours.set(key, behaviour);
    }
  }

  /** `module.name` for every name. */
  apis(module: string, names: readonly string[], behaviour: Behaviour): void {
    this.api(names.map((name) => `${module}.${name}`), behaviour);
  }

  /** `instance#method` for every method. */
  methods(instance: string, methods: readonly string[], behaviour: Behaviour): void {
    this.api(methods.map((method) => `${instance}#${method}`), behaviour);
  }

  type(key: string, type: InstanceType): void {
    if (this.instances.has(key)) this.duplicates.push(`type ${key}`);
    this.instances.set(key, type);
  }
}

/** Node's `(err, result) => void` as the last argument, called once the work is done. */
export const COMPLETION: CallbackUse = { argument: 'last', runs: 'on-completion' };

/** Returns a promise that settles when the outside work is done. */
export function waits(wait: WaitKind, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'wait', wait, returnsPromise: true, cost: COST.wait, ...extra };
}

/** Takes a completion callback (last argument) and returns no promise. */
export function callsBack(wait: WaitKind, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'wait', wait, returnsPromise: false, callbackStyle: true, callback: COMPLETION, cost: COST.wait, ...extra };
}

/** Heavy work on libuv's pool or native threads, reported through a promise. */
export function offThread(extra: Partial<Behaviour> = {}): Behaviour {
  return waits('thread-pool', { offThread: true, cost: COST.heavy, ...extra });
}

/** Heavy work on libuv's pool or native threads, reported through a completion callback. */
export function offThreadCallback(extra: Partial<Behaviour> = {}): Behaviour {
  return callsBack('thread-pool', { offThread: true, cost: COST.heavy, ...extra });
}

/** Freezes the thread; `alternative` is the non-blocking API to suggest. */
export function blocks(alternative: string, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'block', returnsPromise: false, cost: COST.block, alternative, ...extra };
}

/** Freezes the thread and there is no non-blocking form to suggest; `reason` says why. */
export function blocksWithoutAlternative(noAlternative: string, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'block', returnsPromise: false, cost: COST.block, noAlternative, ...extra };
}

/** CPU work on the calling thread. */
export function computes(cost: number, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'compute', returnsPromise: false, cost, ...extra };
}

/** A cheap synchronous call with no concurrency meaning. */
export function cheap(extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'sync', returnsPromise: false, ...extra };
}

/** A class: `new X(...)` gives an instance of `instance`. */
export function constructs(instance: string, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'sync', returnsPromise: false, newable: true, instance, ...extra };
}

/** A synchronous factory returning an instance of `instance`. */
export function makes(instance: string, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'sync', returnsPromise: false, instance, ...extra };
}

/** Registers its function argument as a handler. */
export function registers(argument: number | 'last' = 'last', extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'sync', returnsPromise: false, registersHandler: true, callback: { argument, runs: 'on-event' }, ...extra };
}

/** Starts a thread or a process. */
export function spawns(spawnsWhat: 'thread' | 'process', extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'spawn', spawnsWhat, returnsPromise: false, cost: COST.startup, ...extra };
}

/** Creates a pool of threads or processes. */
export function pools(pool: PoolSize, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'pool', returnsPromise: false, cost: COST.startup, pool, ...extra };
}

/** Hands a task to a pool or worker and returns a promise of its result. */
export function dispatches(extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'dispatch', wait: 'thread-pool', returnsPromise: true, cost: COST.wait, ...extra };
}

/** Creates a concurrency limiter. */
export function limiter(limit: ConcurrencyLimit, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'limiter', returnsPromise: false, limit, ...extra };
}

/** Runs the function at `argument` (once, or once per item) and returns a promise of the result. */
export function runsTask(argument: number, extra: Partial<Behaviour> = {}): Behaviour {
  return { does: 'task', returnsPromise: true, callback: { argument, runs: 'task' }, ...extra };
}

/** Every behaviour and type in the table is shared between keys: freeze them so no consumer can change another's answer. */
export function deepFreeze<T>(value: T): T {
  // RegExps stay unfrozen: matching may write their lastIndex.
  if (value && typeof value === 'object' && !(value instanceof RegExp) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
