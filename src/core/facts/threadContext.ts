/**
 * Where a function runs and who is waiting on its thread: request/event
 * handlers, worker entry files, worker hand-offs, and the path from the root
 * to a node.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { eventName, registersOutsideHandler } from '../model/names';
import { memberPath } from '../model/imports';
import type { CallSite, FunctionInfo, Model, Segment, Span } from '../model/types';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/**
 * The model treats any `x.send(...)` as a message to a worker; an HTTP or socket
 * response (`res.send`, `ws.send`) is not one. Only names that look like a
 * worker or child process count for `send`.
 */
export function workerSegment(seg: Extract<Segment, { kind: 'worker' }>): boolean {
  if (seg.spawns || !seg.api.endsWith('.send')) return true;
  const receiver = seg.api.slice(0, -'.send'.length).split('.').pop() ?? '';
  return /^process$|worker|child|proc|fork|subprocess/i.test(receiver);
}

/** Worker entry files: heavy and blocking work is what they are for. */
export function isWorkerFile(model: Model): boolean {
  // `hash.worker.ts`, `resize-worker.js`, `worker.ts`, `workers/…`; not `worker-pool.ts` (the main side).
  if (/(^|[\\/._-])workers?\.[cm]?[jt]sx?$/i.test(model.fileName) || /(^|[\\/])workers?[\\/]/i.test(model.fileName)) return true;
  for (const [local, binding] of model.imports) {
    if (binding.module === 'worker_threads' && /^(parentPort|workerData|isMainThread)$/.test(binding.imported)) return true;
    if (binding.module === 'worker_threads' && binding.imported === '*' && new RegExp(`\\b${local}\\.(parentPort|workerData|isMainThread)\\b`).test(model.text)) return true;
  }
  return /^\s*(self\.)?onmessage\s*=|\bself\.addEventListener\(\s*['"]message['"]/m.test(model.text);
}

/** Named local functions passed to a handler registration: `app.get('/x', handle)`, `server.on('request', onRequest)`. */
export function namedHandlers(model: Model): Set<number> {
  const ids = new Set<number>();
  const byName = new Map<string, number>();
  for (const fn of model.functions) if (!byName.has(fn.name)) byName.set(fn.name, fn.id);
  for (const fn of model.functions) {
    for (const site of fn.sites.calls) {
      if (site.node.type !== T.CallExpression) continue;
      const path = memberPath(site.node.callee);
      const method = path && path.length > 1 ? path[path.length - 1] : null;
      const receiver = path && path.length > 1 ? path.slice(0, -1).join('.') : null;
      const registers = registersOutsideHandler(method, site.api, receiver, eventName(site.node));
      if (!registers || onProcess(site.node) || oneShot(site.node)) continue;
      for (const arg of site.node.arguments) {
        const id = arg.type === T.Identifier ? byName.get(arg.name) : undefined;
        if (id !== undefined && id !== 0) ids.add(id);
      }
    }
  }
  return ids;
}

/** The chain of nodes from `root` down to `target` (excluded), innermost last; [] when `root` does not hold it. */
export function ancestors(root: TSESTree.Node, target: TSESTree.Node): TSESTree.Node[] {
  const path: TSESTree.Node[] = [];
  for (let current = target.parent; current; current = current.parent) {
    path.push(current);
    if (current === root) return path.reverse();
  }
  return [];
}

const argumentOwners = new WeakMap<Model, Map<number, TSESTree.CallExpression | TSESTree.NewExpression>>();

/**
 * The call a function is passed to as an argument (`app.get('/', <fn>)`), or
 * null. Read from the call sites the model already collected, not the tree.
 */
export function callTaking(model: Model, node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let owners = argumentOwners.get(model);
  if (!owners) {
    owners = new Map();
    for (const fn of model.functions) {
      for (const site of fn.sites.calls) for (const arg of site.node.arguments) owners.set(arg.range[0], site.node);
    }
    argumentOwners.set(model, owners);
  }
  const call = owners.get(node.range[0]);
  return call && call.arguments.some((a) => a === node) ? call : null;
}

/** The direct parent of a node, or null for the program. */
export function parentOf(model: Model, node: TSESTree.Node): TSESTree.Node | null {
  const chain = ancestors(model.ast, node);
  return chain.length > 0 ? chain[chain.length - 1] : null;
}

/** Events that fire once, when something starts or ends: nothing queues up behind their handler. */
const LIFECYCLE_EVENTS = /^(end|close|finish|exit|beforeExit|error|listening|ready|open|done|load|DOMContentLoaded|unload|beforeunload)$/;

/** `emitter.once(…)` or `.on('end' | 'close' | …)`: a one-shot registration, not a stream of requests. */
export function oneShot(node: TSESTree.Node | undefined): boolean {
  if (!node || node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return false;
  const method = node.callee.property.type === T.Identifier ? node.callee.property.name : '';
  if (method === 'once') return true;
  const event = node.arguments[0];
  return event?.type === T.Literal && typeof event.value === 'string' && LIFECYCLE_EVENTS.test(event.value);
}

/**
 * `process.on('exit' | 'SIGINT' | 'uncaughtException', ...)`: shutdown paths,
 * where synchronous work is expected (an 'exit' listener cannot even wait).
 */
export function onProcess(node: TSESTree.Node | undefined): boolean {
  if (!node || node.type !== T.CallExpression) return false;
  const path = memberPath(node.callee);
  return !!path && path.length === 2 && path[0] === 'process';
}

/** Exported directly, through its class or holder, or by an `export { name }` list. */
export function exported(model: Model, chain: readonly TSESTree.Node[], name: string): boolean {
  let names = [name];
  // Innermost first, up to the enclosing function: what is declared inside a function body is not exported with it.
  for (const n of [...chain].reverse()) {
    if (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression) return false;
    if (n.type === T.ExportNamedDeclaration || n.type === T.ExportDefaultDeclaration) return true;
    if ((n.type === T.ClassDeclaration || n.type === T.ClassExpression) && n.id) names = [...names, n.id.name];
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier) names = [...names, n.id.name];
  }
  const index = fileIndex(model);
  return index.commonJs || names.some((n) => index.exportedNames.has(n));
}

export interface FileIndex {
  /** Local call sites by callee id, with the id of the function they are in. */
  callsTo: Map<number, { site: CallSite; owner: number }[]>;
  /** Names in `export { a, b }` and `export default a`. */
  exportedNames: Set<string>;
  /** Uses `exports` / `module.exports`: anything may leave the file. */
  commonJs: boolean;
  /** Start offsets of functions called in place at the top level: `(async () => { … })()`. */
  topLevelIifes: Set<number>;
}

const indexes = new WeakMap<Model, FileIndex>();

/** Built once per file on first need, so each candidate costs a lookup, not a scan. */
export function fileIndex(model: Model): FileIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { callsTo: new Map(), exportedNames: new Set(), commonJs: /\b(module\.)?exports\b/.test(model.text), topLevelIifes: new Set() };
  for (const site of model.functions[0]?.sites.calls ?? []) {
    const callee = site.node.callee;
    if (site.node.type === T.CallExpression && (callee.type === T.ArrowFunctionExpression || callee.type === T.FunctionExpression)) index.topLevelIifes.add(callee.range[0]);
  }
  for (const fn of model.functions) {
    for (const site of fn.sites.calls) {
      if (site.calleeId === null) continue;
      const list = index.callsTo.get(site.calleeId) ?? [];
      list.push({ site, owner: fn.id });
      index.callsTo.set(site.calleeId, list);
    }
  }
  for (const statement of model.ast.body) {
    if (statement.type === T.ExportNamedDeclaration && !statement.declaration) {
      for (const spec of statement.specifiers) if (spec.local.type === T.Identifier) index.exportedNames.add(spec.local.name);
    }
    if (statement.type === T.ExportDefaultDeclaration && statement.declaration.type === T.Identifier) index.exportedNames.add(statement.declaration.name);
  }
  indexes.set(model, index);
  return index;
}

/** Test-framework entry points: blocking or computing in their callbacks delays only the test. */
const TEST_FUNCTIONS = /^(describe|it|test|suite|context|before|after|beforeEach|afterEach|beforeAll|afterAll|setup|teardown|suiteSetup|suiteTeardown)$/;

/** `it('works', async () => …)`, `test.each(rows)('…', async (row) => …)`. */
export function isTestCallback(model: Model, fn: FunctionInfo): boolean {
  if (fn.kind !== 'arrow' && fn.kind !== 'function-expression') return false;
  const parent = callTaking(model, fn.node);
  if (!parent || parent.type !== T.CallExpression) return false;
  const callee = parent.callee.type === T.CallExpression ? parent.callee.callee : parent.callee;
  const path = memberPath(callee);
  return !!path && TEST_FUNCTIONS.test(path[0]);
}

/**
 * Code that runs once while the program starts, before it serves anything: a
 * top-level async IIFE, or a top-level function that is not exported and is
 * only called from the module's top level (`main().catch(…)`).
 */
export function runsAtStartup(model: Model, fn: FunctionInfo): boolean {
  if (fn.parentId !== 0) return false;
  const index = fileIndex(model);
  if (index.topLevelIifes.has(fn.node.range[0])) return true;
  const sites = index.callsTo.get(fn.id) ?? [];
  if (sites.length === 0 || sites.some((s) => s.owner !== 0)) return false;
  return !exported(model, ancestors(model.ast, fn.node), fn.name);
}

/** The function's name, or for an anonymous one its `async` keyword, instead of a one-character squiggle. */
export function asyncHeadSpan(model: Model, fn: FunctionInfo): Span {
  const head = fn.headSpan;
  if (head.end - head.start > 1 || !model.text.startsWith('async', fn.node.range[0]) || head.start !== fn.node.range[0]) return head;
  return { ...head, endLine: head.line, endColumn: head.column + 5, end: head.start + 5 };
}
