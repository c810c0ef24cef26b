/**
 * May this awaited call overlap with others like it? Decided once, for
 * await-in-loop, sequential-awaits and unbounded-fanout alike, and only on
 * positive evidence:
 *
 * - it is a real wait: a known I/O API (the knowledge table), or a local or
 *   imported function whose summary waits on one, not a guess about an
 *   unknown call (which may be a cache hit or plain computation);
 * - nothing says its effects are ordered: not the author (a comment or an
 *   `if (ordered)` branch, statedOrder.ts), not a transaction, a connection, a
 *   session or a query runner (by the table's instance types, by name, or by
 *   a transaction or context handed to it), not a stream, a page or a lock,
 *   not loading code, not running hooks or migrations in order.
 *
 * The answer says why, for the messages, and which resource the call uses,
 * so two calls on one ordered resource are never told to overlap.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { behaviourOf, instanceTypeOf, type WaitKind } from '../knowledge';
import { KNOWLEDGE_COST as COST } from '../knowledge/behaviour';
import type { FunctionInfo, Model } from '../model/types';
import { effectOf } from './effects';
import { orderStated } from './statedOrder';
import { resolvedCallee, siteOf, unwrap } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export interface OverlapEvidence {
  /** Why this is a wait that could run beside others: "a stateless HTTP client", "`loadUser` waits on the database". */
  why: string;
  /** What it waits on, when known. */
  kinds: WaitKind[];
  /** The receiver it is called on (`this.db`, `client`), null for a plain function. */
  resource: string | null;
  /** Every wait is one the OS answers from its caches (file metadata, COST.quickWait): one overlap saves next to nothing. */
  quick: boolean;
}

/** Waits worth overlapping: outside work that does not care which caller came first. */
const OVERLAPPABLE: ReadonlySet<WaitKind> = new Set(['network', 'database', 'cache', 'disk', 'thread-pool', 'queue', 'process', 'unknown']);
/** One connection, transaction or session runs its operations one at a time; a page, a stream, a channel keeps their order. */
const ORDERED_RECEIVER = /(^|\.)(tx|trx|transaction|transactionManager|conn|connection|session|queryRunner|runner|em|entityManager|manager|page|frame|stream|writer|reader|socket|channel|cursor|pipeline|multi|batch|lock|mutex|semaphore)$/i;
/**
 * Arguments that carry a transaction or a unit of work along, or state the calls fill in for each other (a
 * cache checked then filled across awaits, a visited set): every call that gets one shares it.
 */
const ORDERED_ARGUMENT = /^(tx|trx|transaction|t|ctx|context|sharedContext|session|manager|em|entityManager|queryRunner|conn|connection|client|cache|seen|visited|memo)$/;
const ORDERED_OPTION = /^(transaction|session|trx|tx|ctx|context|useMasterKey|lock)$/;
/** Calls that are one-at-a-time by what they do: locks, reading a stream, prompts, loading code, running hooks, migrating. */
const ORDERED_ACTION = /^(acquire|lock|runExclusive|next|read|readLine|question|prompt|take|receive|recv|dequeue|pull|require\w*|import\w*|load(Module|Plugin)s?|run\w*Hooks?|call\w*Hooks?|trigger\w*|emit\w*|fire\w*|dispatch\w*|migrate\w*|seed\w*|up|down|rollback|commit|begin|collect\w*|goto|click|type|press|fill|waitFor\w*)$/;
/** A class whose own `this.query()` runs on one connection. */
const ONE_CONNECTION_CLASS = /(QueryRunner|Runner|Connection|Transaction|Session|Client|Driver|UnitOfWork|EntityManager)$/;
/** Fields that hold one unit of work: every method of the class that uses it runs on it, in order. */
const UNIT_OF_WORK_FIELD = /^(em|_em|entityManager|connection|conn|session|transaction|tx|trx|queryRunner|unitOfWork|uow)$/;

export function overlapEvidence(model: Model, fn: FunctionInfo, call: TSESTree.CallExpression): OverlapEvidence | null {
  if (isOrdered(model, fn, call)) return null;
  const wait = waitOf(model, fn, call);
  if (!wait || !wait.kinds.every((kind) => OVERLAPPABLE.has(kind))) return null;
  return { ...wait, resource: receiverOf(model, call) };
}

/**
 * Evidence that the call's effects must stay in order with its neighbours: a
 * one-at-a-time action (a lock, reading a stream, loading code, running
 * hooks), an ordered receiver (a transaction, a connection, a page), a unit
 * of work handed to it, or a wait the table marks as ordered.
 */
export function isOrdered(model: Model, fn: FunctionInfo, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const resource = receiverOf(model, call);
  const action = callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier ? callee.property.name : callee.type === T.Identifier ? callee.name : null;
  if (action && ORDERED_ACTION.test(action)) return true;
  if (resource && ORDERED_RECEIVER.test(resource)) return true;
  if (sharesUnitOfWork(call)) return true;
  if (orderStated(model, fn, call)) return true;
  if ((resource === 'this' || resource?.startsWith('this.')) && ONE_CONNECTION_CLASS.test(className(fn))) return true;
  // `this.populateField(…)` in a class that keeps one EntityManager, connection or transaction: its own methods share it.
  if (resource === 'this' && holdsUnitOfWork(fn)) return true;
  const known = siteOf(fn, call)?.known;
  if (known) {
    const behaviour = behaviourOf(known);
    const owner = known.includes('#') ? instanceTypeOf(known.slice(0, known.indexOf('#'))) : null;
    if (behaviour?.ordered || owner?.ordered || behaviour?.wait === 'module' || behaviour?.wait === 'lock' || behaviour?.wait === 'stream' || behaviour?.wait === 'browser') return true;
  }
  return false;
}

function receiverOf(model: Model, call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression ? model.text.slice(callee.object.range[0], callee.object.range[1]).replace(/\s+/g, '') : null;
}

/** The evidence that the call waits, from the table, a local callee's summary, or an imported one's. */
function waitOf(model: Model, fn: FunctionInfo, call: TSESTree.CallExpression): { why: string; kinds: WaitKind[]; quick: boolean } | null {
  const site = siteOf(fn, call);
  if (!site) return null;
  if (site.external) {
    const waits = site.external.effect.waits;
    return waits?.certain ? { why: `\`${site.external.name}\` waits on ${kindsText(waits.kinds)}`, kinds: waits.kinds, quick: !!waits.quick } : null;
  }
  if (site.known) {
    const behaviour = behaviourOf(site.known);
    if (!behaviour || (behaviour.does !== 'wait' && behaviour.does !== 'dispatch') || behaviour.callbackStyle) return null;
    const owner = site.known.includes('#') ? instanceTypeOf(site.known.slice(0, site.known.indexOf('#'))) : null;
    const kind = behaviour.does === 'dispatch' ? 'thread-pool' : behaviour.wait ?? 'unknown';
    if (kind === 'timer') return null;
    const quick = (behaviour.cost ?? COST.wait) <= COST.quickWait;
    return { why: behaviour.stateless || owner?.stateless ? `\`${site.known.replace(/#.*/, '')}\` is a stateless client` : `it waits on ${kindsText([kind])}`, kinds: [kind], quick };
  }
  if (site.calleeId !== null) {
    const target = resolvedCallee(model, fn, site);
    const waits = target ? effectOf(model, target).waits : null;
    return target && waits?.certain ? { why: `\`${target.name.replace(/^.*\./, '')}\` waits on ${kindsText(waits.kinds)}`, kinds: waits.kinds, quick: !!waits.quick } : null;
  }
  return null;
}

/** A transaction, session or context object handed to the call (`{ transaction }`, `ctx`, `sharedContext`): the calls share it. */
function sharesUnitOfWork(call: TSESTree.CallExpression): boolean {
  for (const raw of call.arguments) {
    const arg = unwrap(raw);
    if (arg.type === T.Identifier && ORDERED_ARGUMENT.test(arg.name)) return true;
    if (arg.type === T.MemberExpression && !arg.computed && arg.property.type === T.Identifier && ORDERED_ARGUMENT.test(arg.property.name)) return true;
    if (arg.type === T.ObjectExpression) {
      for (const prop of arg.properties) {
        if (prop.type === T.Property && !prop.computed && prop.key.type === T.Identifier && ORDERED_OPTION.test(prop.key.name)) return true;
        if (prop.type === T.SpreadElement) {
          const spread = unwrap(prop.argument);
          if (spread.type === T.Identifier && ORDERED_ARGUMENT.test(spread.name)) return true;
        }
      }
    }
  }
  return false;
}

/** The enclosing class stores a unit of work in a field (`this.em = em`, `private readonly em: EntityManager`, a constructor parameter property). */
function holdsUnitOfWork(fn: FunctionInfo): boolean {
  let node: TSESTree.Node | undefined = fn.node.parent;
  while (node && node.type !== T.ClassBody) node = node.parent;
  if (!node) return false;
  for (const member of node.body) {
    if (member.type === T.PropertyDefinition && (member.key.type === T.Identifier || member.key.type === T.PrivateIdentifier) && UNIT_OF_WORK_FIELD.test(member.key.name)) return true;
    if (member.type !== T.MethodDefinition || member.kind !== 'constructor') continue;
    for (const param of member.value.params) {
      if (param.type === T.TSParameterProperty && param.parameter.type === T.Identifier && UNIT_OF_WORK_FIELD.test(param.parameter.name)) return true;
    }
    for (const statement of member.value.body?.body ?? []) {
      if (statement.type !== T.ExpressionStatement || statement.expression.type !== T.AssignmentExpression) continue;
      const target = statement.expression.left;
      if (target.type === T.MemberExpression && target.object.type === T.ThisExpression && (target.property.type === T.Identifier || target.property.type === T.PrivateIdentifier) && UNIT_OF_WORK_FIELD.test(target.property.name)) return true;
    }
  }
  return false;
}

function className(fn: FunctionInfo): string {
  return fn.kind === 'method' ? fn.name.slice(0, fn.name.lastIndexOf('.')) : '';
}

function kindsText(kinds: readonly WaitKind[]): string {
  const words: Record<WaitKind, string> = {
    network: 'the network', database: 'the database', cache: 'a cache', disk: 'the disk', timer: 'a timer', process: 'a child process',
    'thread-pool': 'work on other threads', queue: 'a queue', browser: 'a browser', module: 'loading code', lock: 'a lock', stream: 'a stream',
    event: 'an event', unknown: 'I/O',
  };
  const list = kinds.length > 0 ? kinds : (['unknown'] as WaitKind[]);
  return list.map((k) => words[k]).join(' and ');
}
