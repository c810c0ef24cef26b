/**
 * Small helpers shared by the rules about waits (await-in-loop, sequential-awaits,
 * unbounded-fanout, floating-promise). They only look at a node and its close
 * surroundings (a loop body, an operand, the enclosing blocks): never the whole tree.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { apiInfo } from '../knowledge/category';
import { SLEEP_NAMES } from '../model/names';
import type { CallSite, FunctionInfo, Model } from '../model/types';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;
const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

export function isFunctionNode(node: Node): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}

/** Strips `x as T`, `x!`, `x satisfies T`, `<T>x` and optional chains: what is really evaluated. */
export function unwrap(node: Node): Node {
  let current = node;
  while (current.type === T.TSAsExpression || current.type === T.TSNonNullExpression || current.type === T.TSSatisfiesExpression || current.type === T.TSTypeAssertion || current.type === T.ChainExpression) {
    current = current.expression;
  }
  return current;
}

/**
 * Visits `node` and its descendants in source order. `enter` returns false to
 * skip a subtree. With `intoFunctions` false, nested functions are not entered.
 */
export function walk(node: Node, enter: (node: Node, parent: Node | null) => boolean | void, intoFunctions = true, parent: Node | null = null): void {
  if (enter(node, parent) === false) return;
  if (!intoFunctions && parent !== null && isFunctionNode(node)) return;
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, enter, intoFunctions, node);
    } else if (isNode(value)) {
      walk(value, enter, intoFunctions, node);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** true when an Identifier node is a reference to a binding (not a property name or a key). */
export function isReference(node: TSESTree.Identifier, parent: Node | null): boolean {
  if (!parent) return true;
  if (parent.type === T.MemberExpression && parent.property === node && !parent.computed) return false;
  if ((parent.type === T.Property || parent.type === T.PropertyDefinition || parent.type === T.MethodDefinition) && parent.key === node && !parent.computed) {
    return parent.type === T.Property && parent.shorthand && parent.value === node;
  }
  return !(parent.type === T.LabeledStatement || parent.type === T.BreakStatement || parent.type === T.ContinueStatement);
}

/** Names referenced anywhere inside `node`, closures included (a closure reading `a` depends on `a`). */
export function referencedNames(node: Node): Set<string> {
  const names = new Set<string>();
  walk(node, (n, parent) => {
    if (n.type === T.Identifier && isReference(n, parent)) names.add(n.name);
  });
  return names;
}

/** Names bound by a declaration pattern: `a`, `{ a, b: c }`, `[a, ...rest]`, `{ a = 1 }`. */
export function patternNames(pattern: Node, out: string[] = []): string[] {
  switch (pattern.type) {
    case T.Identifier: out.push(pattern.name); break;
    case T.ObjectPattern: for (const p of pattern.properties) patternNames(p.type === T.Property ? p.value : p, out); break;
    case T.ArrayPattern: for (const e of pattern.elements) if (e) patternNames(e, out); break;
    case T.RestElement: patternNames(pattern.argument, out); break;
    case T.AssignmentPattern: patternNames(pattern.left, out); break;
    default: break;
  }
  return out;
}

/** true when some AwaitExpression (or `yield`) sits inside `node`, not counting nested functions. */
export function containsNode(node: Node, types: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (types.has(n.type)) found = true;
    return !found;
  }, false);
  return found;
}

/** The last name of a callee: `fetch`, `db.users.findMany` -> `findMany`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression && !callee.computed && (callee.property.type === T.Identifier || callee.property.type === T.PrivateIdentifier)) return callee.property.name;
  return null;
}

/**
 * The name that says what a call does. AWS SDK v3 sends every request through
 * `client.send(new GetObjectCommand(...))`: there the command names the action
 * (`getObjectCommand`), not `send`.
 */
export function actionName(call: TSESTree.CallExpression): string | null {
  const name = calleeName(call);
  const first = call.arguments[0];
  if (name === 'send' && first?.type === T.NewExpression) {
    const command = calleeName(first);
    if (command && /Command$/.test(command)) return command[0].toLowerCase() + command.slice(1);
  }
  return name;
}

const sitesCache = new WeakMap<FunctionInfo, Map<Node, CallSite>>();

/** The call site recorded for a call node (a map per function: big module bodies have thousands). */
export function siteOf(fn: FunctionInfo, node: Node): CallSite | undefined {
  let sites = sitesCache.get(fn);
  if (!sites) {
    sites = new Map(fn.sites.calls.map((site) => [site.node as Node, site]));
    sitesCache.set(fn, sites);
  }
  return sites.get(node);
}

const byNodeCache = new WeakMap<Model, Map<Node, FunctionInfo>>();

/** The FunctionInfo built for a function node (its callbacks, arrows, IIFEs). */
export function functionOfNode(model: Model, node: Node): FunctionInfo | undefined {
  let map = byNodeCache.get(model);
  if (!map) {
    map = new Map(model.functions.map((fn) => [fn.node, fn]));
    byNodeCache.set(model, map);
  }
  return map.get(node);
}

/** true when `callee` is declared in `caller` or in one of the functions around it, so a bare name can reach it. */
export function isVisibleFrom(model: Model, callee: FunctionInfo, caller: FunctionInfo): boolean {
  for (let id: number | null = caller.id; id !== null; id = model.functions[id].parentId) {
    if (callee.parentId === id) return true;
  }
  return false;
}

/**
 * The local function a call really reaches, or null. The model resolves by name
 * (`f`, `Class.m`), so a bare name is checked for scope and `this.m()` for being
 * in the same class (class expressions all share the name `<anonymous>`).
 */
export function resolvedCallee(model: Model, fn: FunctionInfo, site: CallSite): FunctionInfo | null {
  if (site.calleeId === null) return null;
  const callee = model.functions[site.calleeId];
  const target = unwrap(site.node.callee);
  if (target.type === T.Identifier) return isVisibleFrom(model, callee, fn) ? callee : null;
  if (target.type === T.MemberExpression && target.object.type === T.ThisExpression) {
    const own = enclosingClass(site.node);
    return own && own === enclosingClass(callee.node) ? callee : null;
  }
  return callee;
}

/** The class whose `this` a node sees: up through arrows, stopping at any other function that is not a method. */
function enclosingClass(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.ClassBody) return current.parent ?? null;
    if (current.type === T.FunctionExpression || current.type === T.FunctionDeclaration) {
      const owner = current.parent;
      if (owner?.type !== T.MethodDefinition && owner?.type !== T.PropertyDefinition) return null;
    }
  }
  return null;
}

/** A sleep or back-off: `sleep(ms)`, `delay(ms)`, `setTimeout` from timers/promises, `new Promise(r => setTimeout(r, ms))`. */
export function isSleep(model: Model, fn: FunctionInfo, operand: Node): boolean {
  const target = unwrap(operand);
  if (target.type === T.NewExpression && target.callee.type === T.Identifier && target.callee.name === 'Promise') {
    const executor = target.arguments[0];
    return !!executor && /\bset(Timeout|Immediate)\s*\(/.test(model.text.slice(executor.range[0], executor.range[1]));
  }
  if (target.type !== T.CallExpression) return false;
  const name = calleeName(target);
  if (name && (SLEEP_NAMES.test(name) || /^(sleep|delay|wait)(For)?(Ms|Millis|Seconds|Time|Timeout)?$/i.test(name))) return true;
  const site = siteOf(fn, target);
  return !!site?.api && apiInfo(site.api)?.category === 'timer';
}

/**
 * Whether awaiting this call most likely waits on something outside the thread
 * (I/O, a database, a worker). Local functions answer from their summary; known
 * sync or timer APIs do not count; calls we cannot see into are assumed to wait.
 */
export function callLikelyWaits(model: Model, fn: FunctionInfo, call: TSESTree.CallExpression): boolean {
  const site = siteOf(fn, call);
  if (!site) return true;
  if (site.calleeId !== null) {
    const callee = resolvedCallee(model, fn, site);
    if (callee) return callee.summary.waitsOnIo || callee.summary.usesWorkers;
    // `this.m()` reaching an inherited or same-named method: ask every `*.m` in the file.
    const method = model.functions[site.calleeId].name.replace(/^.*\./, '');
    return model.functions.some((f) => f.kind === 'method' && f.name.endsWith(`.${method}`) && (f.summary.waitsOnIo || f.summary.usesWorkers));
  }
  if (site.api) {
    const info = apiInfo(site.api);
    if (info) return info.category === 'io' || info.category === 'spawn' || info.category === 'combinator' || info.category === 'pool';
    if (site.api === 'Promise.resolve' || site.api === 'Promise.reject') return false;
  }
  return true;
}

/** The first line of a node's source, shortened, for messages. */
export function shortText(model: Model, node: Node, max = 40): string {
  const raw = model.text.slice(node.range[0], node.range[1]).split('\n')[0].trim();
  return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
}

/** Leading whitespace of the line `offset` is on, if only whitespace precedes it there; else null. */
export function indentAt(text: string, offset: number): string | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : null;
}

/** true when a comment lies inside [start, end): a rewrite of that range would drop it. */
export function hasCommentIn(model: Model, start: number, end: number): boolean {
  // A comment in the range starts with `//` or `/*` in it; without one there, the comments need not be collected.
  if (!opensIn(model.text, '//', start, end) && !opensIn(model.text, '/*', start, end)) return false;
  return model.comments.some((c) => c.range[0] >= start && c.range[1] <= end);
}

function opensIn(text: string, opener: string, start: number, end: number): boolean {
  const at = text.indexOf(opener, start);
  return at >= 0 && at < end;
}
