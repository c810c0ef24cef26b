/**
 * Looking up what a call does.
 *
 * Qualified names follow src/core/imports.ts: the module specifier as imported
 * (without `node:`), then the member path: `fs.readFileSync`, `fs/promises.readFile`,
 * `axios.get`, `pg.Pool`; globals bare: `fetch`, `setTimeout`, `JSON.parse`.
 * Methods of an instance type are `${instance}#${method}` (`pg.Pool#query`), and a
 * path through properties continues with dots (`@prisma/client.PrismaClient#user.findMany`).
 *
 * A direct hit in the table costs one Map lookup. Only on a miss does the lookup
 * normalise the name, walk instance types, and try the module-wide rules; what
 * it finds (or that it finds nothing) is remembered, so a name costs that once.
 */
import type { Behaviour, InstanceType } from './behaviour';
import { BEHAVIOURS, INSTANCE_TYPES, MODULE_ALIASES, MODULE_RULES } from './table';

/** How far `extends` chains and property paths are followed (they are short; this only guards against cycles). */
const MAX_DEPTH = 8;

/** Spellings that name a global through the global object. */
const GLOBAL_PREFIX = /^(?:globalThis|window|self|global)\./;
/** `fs.promises.x` and friends: the promise API under its own module name. */
const PROMISES_MEMBER = /^(fs|dns|stream|readline|timers)\.promises(?=[.#]|$)/;

/** Answers found the slow way (normalised, walked, by rule, or nothing), remembered; past this many the memory starts again. */
const MAX_REMEMBERED = 20_000;
const remembered = new Map<string, Behaviour | null>();

/** What calling the API with this qualified name does, or null when nothing is known. */
export function behaviourOf(qualifiedName: string): Behaviour | null {
  const direct = BEHAVIOURS.get(qualifiedName);
  if (direct) return direct;
  const known = remembered.get(qualifiedName);
  if (known !== undefined) return known;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  const found = resolve(qualifiedName);
  remembered.set(qualifiedName, found);
  return found;
}

/** The key the model gives a call of a promisified API: `util.promisify(child_process.execFile)`. */
const PROMISIFIED_KEY = /^util\.promisify\((.+)\)$/;

function resolve(qualifiedName: string): Behaviour | null {
  const promisified = PROMISIFIED_KEY.exec(qualifiedName);
  if (promisified) return promisifiedBehaviourOf(promisified[1]);
  const name = normaliseQualifiedName(qualifiedName);
  if (name !== qualifiedName) {
    const normalised = BEHAVIOURS.get(name);
    if (normalised) return normalised;
  }
  const hash = name.indexOf('#');
  if (hash > 0) return memberOf(name.slice(0, hash), name.slice(hash + 1).split('.'));
  return moduleRule(name);
}

/**
 * What calling `util.promisify(api)` does: the same outside work, reported through a
 * promise instead of the completion callback. Null when the API takes no completion
 * callback (promisify of anything else says nothing we could trust).
 */
export function promisifiedBehaviourOf(qualifiedName: string): Behaviour | null {
  const behaviour = behaviourOf(qualifiedName);
  if (!behaviour?.callbackStyle || behaviour.callback?.runs !== 'on-completion' || !behaviour.wait) return null;
  const { callback: _callback, callbackStyle: _style, whenCallback: _when, spawnsWhat: _what, instance: _instance, ...rest } = behaviour;
  return { ...rest, does: 'wait', returnsPromise: true };
}

/** The instance type with this key (`pg.Pool`, `knex.QueryBuilder`), or null. */
export function instanceTypeOf(key: string): InstanceType | null {
  return INSTANCE_TYPES.get(key) ?? null;
}

/** The module part of a qualified name: everything before the first `.` or `#` (`@aws-sdk/client-s3`, `fs/promises`, `fetch`). */
export function moduleOf(qualifiedName: string): string {
  const cut = qualifiedName.search(/[.#]/);
  return cut < 0 ? qualifiedName : qualifiedName.slice(0, cut);
}

/**
 * The spelling the table uses: `node:` dropped, `globalThis.fetch` -> `fetch`,
 * `fs.promises.readFile` -> `fs/promises.readFile`, `axios.default.get` -> `axios.get`,
 * `crypto.webcrypto.subtle.digest` -> `crypto.subtle.digest`, aliases resolved
 * (`playwright-core.chromium.launch` -> `playwright.chromium.launch`).
 */
export function normaliseQualifiedName(qualifiedName: string): string {
  let name = qualifiedName.startsWith('node:') ? qualifiedName.slice(5) : qualifiedName;
  name = name.replace(GLOBAL_PREFIX, '').replace(PROMISES_MEMBER, '$1/promises');
  const module = moduleOf(name);
  let rest = name.slice(module.length);
  if (rest.startsWith('.default')) {
    const after = rest.charAt('.default'.length);
    if (after === '' || after === '.' || after === '#') rest = rest.slice('.default'.length);
  }
  if (module === 'crypto' && rest.startsWith('.webcrypto.')) rest = rest.slice('.webcrypto'.length);
  const alias = Object.prototype.hasOwnProperty.call(MODULE_ALIASES, module) ? MODULE_ALIASES[module] : undefined;
  return (alias ?? module) + rest;
}

/** Instance types from `type` up its `extends` chain, nearest first. */
function chain(type: string): string[] {
  const types: string[] = [];
  let current: string | undefined = type;
  while (current && types.length < MAX_DEPTH && !types.includes(current)) {
    types.push(current);
    current = INSTANCE_TYPES.get(current)?.extends;
  }
  return types;
}

/** `type#a.b.method`: follow the properties to the last type, then find the method there. */
function memberOf(type: string, path: string[]): Behaviour | null {
  if (path.length === 0 || path.length > MAX_DEPTH || !INSTANCE_TYPES.has(type)) return null;
  let current = type;
  for (const property of path.slice(0, -1)) {
    const next = propertyType(current, property);
    if (!next) return null;
    current = next;
  }
  return methodOf(current, path[path.length - 1]);
}

function propertyType(type: string, property: string): string | null {
  const types = chain(type);
  for (const t of types) {
    const properties = INSTANCE_TYPES.get(t)?.properties;
    if (properties && Object.prototype.hasOwnProperty.call(properties, property)) return properties[property];
  }
  for (const t of types) {
    const other = INSTANCE_TYPES.get(t)?.otherProperties;
    if (other) return other;
  }
  return null;
}

/** One frozen "returns the same builder" behaviour per builder type, made on first use. */
const sameBuilder = new Map<string, Behaviour>();

function methodOf(type: string, method: string): Behaviour | null {
  const types = chain(type);
  for (const t of types) {
    const listed = BEHAVIOURS.get(`${t}#${method}`);
    if (listed) return listed;
  }
  for (const t of types) {
    const fallback = INSTANCE_TYPES.get(t)?.methodDefault;
    if (fallback) return fallback;
  }
  if (!types.some((t) => INSTANCE_TYPES.get(t)?.otherMethods === 'same')) return null;
  let same = sameBuilder.get(type);
  if (!same) {
    same = Object.freeze<Behaviour>({ does: 'sync', returnsPromise: false, instance: type });
    sameBuilder.set(type, same);
  }
  return same;
}

function moduleRule(name: string): Behaviour | null {
  const module = moduleOf(name);
  const rest = name.slice(module.length);
  if (!rest.startsWith('.') || rest.indexOf('.', 1) >= 0 || rest.includes('#')) return null;
  const member = rest.slice(1);
  for (const rule of MODULE_RULES) {
    const matches = rule.prefix ? module.startsWith(rule.module) : module === rule.module;
    if (matches && rule.member.test(member)) return rule.behaviour;
  }
  return null;
}
