/** Properties the whole knowledge table must keep, checked over every entry. */
import * as assert from 'assert';
import type { Behaviour, InstanceType } from '../../../src/core/knowledge';
import { behaviourOf, KNOWLEDGE_COST } from '../../../src/core/knowledge';
import { BEHAVIOURS, DUPLICATE_KEYS, INSTANCE_TYPES, MODULE_ALIASES, MODULE_RULES } from '../../../src/core/knowledge/table';
import { COST } from '../../../src/core/model/types';

/** `module(.member)*`, optionally `#member(.member)*`; a scoped or sub-path module may carry `@` and `/`. */
const QUALIFIED = /^(?:@[a-z0-9][\w.-]*\/)?[A-Za-z0-9][\w-]*(?:\/[\w-]+)*(?:\.[A-Za-z_$][\w$]*)*(?:#[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)?$/;
const INSTANCE_KEY = /^(?:@[a-z0-9][\w.-]*\/)?[A-Za-z0-9][\w-]*(?:\/[\w-]+)*(?:\.[A-Za-z_$][\w$]*)*$/;

/** A behaviour with the behaviours nested in it (whenCallback), each with where it was found. */
function everyBehaviour(): Array<[string, Behaviour]> {
  const all: Array<[string, Behaviour]> = [];
  const add = (where: string, behaviour: Behaviour | undefined) => {
    if (!behaviour) return;
    all.push([where, behaviour]);
    add(`${where} (with a callback)`, behaviour.whenCallback);
  };
  for (const [key, behaviour] of BEHAVIOURS) add(key, behaviour);
  for (const [key, type] of INSTANCE_TYPES) {
    add(`${key} (call)`, type.call);
    add(`${key} (methodDefault)`, type.methodDefault);
  }
  for (const rule of MODULE_RULES) add(`rule ${rule.module}`, rule.behaviour);
  return all;
}

function referencedTypes(behaviour: Behaviour): string[] {
  return [behaviour.instance, behaviour.statics, behaviour.callback?.receives].filter((x): x is string => !!x);
}

function referencedByType(type: InstanceType): string[] {
  return [type.extends, type.otherProperties, ...Object.values(type.properties ?? {})].filter((x): x is string => !!x);
}

describe('knowledge table: invariants', () => {
  it('states every key once', () => {
    assert.deepStrictEqual(DUPLICATE_KEYS, []);
  });

  it('is large enough to cover the groups it claims', () => {
    assert.ok(BEHAVIOURS.size > 1500, `only ${BEHAVIOURS.size} entries`);
    assert.ok(INSTANCE_TYPES.size > 120, `only ${INSTANCE_TYPES.size} instance types`);
  });

  it('spells every key as a qualified name, already normalised', () => {
    for (const key of BEHAVIOURS.keys()) {
      assert.match(key, QUALIFIED, key);
      assert.ok(!key.startsWith('node:'), key);
      assert.ok(!/^(fs|dns|stream|readline|timers)\.promises\b/.test(key), `${key}: spelled as X/promises in the table`);
      assert.ok(!/^[^.#]+\.default\b/.test(key), `${key}: .default is dropped by the lookup`);
      assert.ok(!(key.split(/[.#]/)[0] in MODULE_ALIASES), `${key}: aliased modules are spelled by their target`);
    }
    for (const key of INSTANCE_TYPES.keys()) assert.match(key, INSTANCE_KEY, key);
  });

  it('names only instance types that exist', () => {
    for (const [where, behaviour] of everyBehaviour()) {
      for (const type of referencedTypes(behaviour)) assert.ok(INSTANCE_TYPES.has(type), `${where} names missing type ${type}`);
    }
    for (const [key, type] of INSTANCE_TYPES) {
      for (const other of referencedByType(type)) assert.ok(INSTANCE_TYPES.has(other), `${key} names missing type ${other}`);
    }
  });

  it('gives instance methods only to types that exist', () => {
    for (const key of BEHAVIOURS.keys()) {
      const hash = key.indexOf('#');
      if (hash > 0) assert.ok(INSTANCE_TYPES.has(key.slice(0, hash)), `${key}: no instance type ${key.slice(0, hash)}`);
    }
  });

  it('ends every extends chain', () => {
    for (const key of INSTANCE_TYPES.keys()) {
      const seen = new Set<string>();
      for (let current: string | undefined = key; current; current = INSTANCE_TYPES.get(current)?.extends) {
        assert.ok(!seen.has(current), `${key}: extends loops at ${current}`);
        seen.add(current);
      }
      assert.ok(seen.size <= 6, `${key}: extends chain of ${seen.size}`);
    }
  });

  it('gives every blocking call a non-blocking alternative that exists, or says why there is none', () => {
    for (const [where, behaviour] of everyBehaviour()) {
      if (behaviour.does !== 'block') continue;
      assert.ok(!!behaviour.alternative !== !!behaviour.noAlternative, `${where}: exactly one of alternative and noAlternative`);
      if (behaviour.noAlternative) assert.ok(behaviour.noAlternative.length > 20, `${where}: say why`);
      if (behaviour.alternative) {
        const alternative = behaviourOf(behaviour.alternative);
        assert.ok(alternative, `${where}: alternative ${behaviour.alternative} is not in the table`);
        assert.notStrictEqual(alternative.does, 'block', `${where}: alternative ${behaviour.alternative} blocks too`);
      }
    }
  });

  it('fills the field each kind of behaviour depends on', () => {
    for (const [where, b] of everyBehaviour()) {
      if (b.does === 'pool') {
        assert.ok(b.pool && b.pool.sizeOptions.length + (b.pool.sizeArgument === undefined ? 0 : 1) > 0, `${where}: pool size`);
        assert.ok(['cores', 'cores-1', 'cores*1.5', 'required'].includes(String(b.pool.defaultSize)) || typeof b.pool.defaultSize === 'number', where);
      } else assert.strictEqual(b.pool, undefined, `${where}: pool on a ${b.does}`);
      if (b.does === 'limiter') assert.ok(b.limit, `${where}: limiter without limit`);
      if (b.does === 'spawn') assert.ok(b.spawnsWhat, `${where}: spawn of what`);
      else assert.strictEqual(b.spawnsWhat, undefined, where);
      if (b.does === 'combinator') assert.ok(b.combinator, where);
      if (b.does === 'wait' || b.does === 'dispatch') assert.ok(b.wait, `${where}: waits on what`);
      if (b.does === 'task') assert.ok(b.returnsPromise || b.asyncIterable, `${where}: a task gives back a promise or an async iterable`);
      assert.notStrictEqual(b.does, 'unknown', `${where}: 'unknown' is for declaration files only`);
    }
  });

  it('keeps callback style, completion callbacks and promises consistent', () => {
    // Atomics.waitAsync returns `{ async, value }`: the promise is its `value`, not the result.
    const noPromiseNoCallback = new Set(['Atomics.waitAsync']);
    for (const [where, b] of everyBehaviour()) {
      if (b.callbackStyle) {
        assert.strictEqual(b.returnsPromise, false, `${where}: callback style returns no promise`);
        // setInterval is the one callback API that calls back again and again.
        assert.ok(b.callback?.runs === 'on-completion' || b.callback?.runs === 'repeatedly', `${where}: callback style needs its completion callback`);
      }
      if (b.does === 'wait' && !b.returnsPromise && !b.callbackStyle) assert.ok(noPromiseNoCallback.has(where), `${where}: how does the caller learn it finished?`);
      if (b.whenCallback) assert.strictEqual(b.whenCallback.callbackStyle, true, `${where}: whenCallback describes the callback form`);
      assert.strictEqual(!!b.registersHandler, b.callback?.runs === 'on-event', `${where}: registersHandler and an on-event callback go together`);
      if (b.offThread) assert.ok(b.does === 'wait' || b.does === 'dispatch', `${where}: offThread work is waited for`);
      if (b.chunked) assert.strictEqual(b.does, 'compute', where);
      assert.ok(!(b.ordered && b.stateless), `${where}: ordered and stateless at once`);
      if (b.cost !== undefined) assert.ok(Number.isFinite(b.cost) && b.cost >= 0, where);
    }
    for (const [key, type] of INSTANCE_TYPES) assert.ok(!(type.ordered && type.stateless), `${key}: ordered and stateless at once`);
  });

  it('freezes every answer so one caller cannot change another’s', () => {
    for (const [where, b] of everyBehaviour()) assert.ok(Object.isFrozen(b), where);
    for (const [key, type] of INSTANCE_TYPES) assert.ok(Object.isFrozen(type), key);
  });

  it('uses the model’s cost units', () => {
    assert.deepStrictEqual(
      { wait: KNOWLEDGE_COST.wait, block: KNOWLEDGE_COST.block, heavy: KNOWLEDGE_COST.heavy, startup: KNOWLEDGE_COST.startup },
      { wait: COST.ioLatency, block: COST.blocking, heavy: COST.heavyCall, startup: COST.workerStartup },
    );
  });
});
