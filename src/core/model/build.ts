/**
 * AST -> model, in one traversal. Every function (and the module top level)
 * becomes a FunctionInfo whose segments describe, in source order, what it does
 * on its thread: CPU work, waits, blocking calls, forks, work sent to workers,
 * loops and calls to other local functions. Calls, awaits and loops are also
 * kept as facts for the rules, so no rule has to walk the whole tree again.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { visitCall, visitNew } from './buildCalls';
import { instanceOf } from './known';
import { visitLoop, isLoop } from './buildLoops';
import { addCpu, newFunction, type BuildState, type FnCtx } from './buildState';
import { qualifiedName, readDeclaredNames, readImports, readTopLevelFunctions } from './imports';
import { promisifiedBehaviourOf } from '../knowledge';
import type { ProjectImports } from '../project/summaryTypes';
import type { ForkSegment, Model, Segment, Span } from './types';
import { contextName } from '../naming';
import { resolveLocalCalls } from './resolveCalls';
import { spanOf } from './spans';
import { summarize } from './summarize';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export const NO_PROJECT_IMPORTS: ProjectImports = { modules: {}, functions: {} };

export function buildModel(ast: TSESTree.Program, text: string, fileName: string, projectImports: ProjectImports = NO_PROJECT_IMPORTS): Model {
  const state: BuildState = {
    text,
    projectImports,
    imports: readImports(ast),
    functions: [],
    namesToIds: new Map(),
    declaredNames: readDeclaredNames(ast),
    topLevelFunctions: readTopLevelFunctions(ast),
    poolNames: new Set(),
    workerNames: new Set(),
    workerSpawns: new Map(),
    limiterNames: new Set(),
    instances: new Map(),
    promisified: new Map(),
    perItemCallbacks: new Set(),
    coreCountNames: new Set(),
    visitFunction,
    visit,
    visitAwaited,
  };
  const moduleFn = newFunction(state, ast, '<module>', 'module', null);
  const ctx: FnCtx = { fn: moduleFn, out: moduleFn.segments, loops: [], deferred: new Map(), joined: new Set(), className: null, repeated: false };
  for (const statement of ast.body) visit(state, statement, ctx);
  resolveLocalCalls(state);
  summarize(state.functions);
  return {
    fileName,
    projectImports,
    instances: state.instances,
    functions: state.functions,
    imports: state.imports,
    coreCountNames: state.coreCountNames,
    // Read only when asked for: parse.ts collects a file's comments on first use.
    get comments() {
      return ast.comments ?? [];
    },
    ast,
    text,
  };
}

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}

/** Creates the child function for `node` and builds its body in a fresh context. Returns its id. */
function visitFunction(state: BuildState, node: FunctionNode, name: string, ctx: FnCtx, kind?: 'method'): number {
  const fnKind = kind ?? (node.type === T.ArrowFunctionExpression ? 'arrow' : node.type === T.FunctionDeclaration ? 'function' : 'function-expression');
  const fn = newFunction(state, node, name, fnKind, ctx.fn.id);
  fn.async = node.async;
  fn.generator = node.generator;
  if (node.id && node.type === T.FunctionDeclaration) fn.headSpan = spanOf(node.id);
  // A callback run once per item (`xs.map(cb)`), or one written inside a loop or such a callback, repeats its work.
  const repeated = state.perItemCallbacks.has(node) || ctx.repeated || (ctx.loops.length > 0 && !node.id);
  const inner: FnCtx = { fn, out: fn.segments, loops: [], deferred: new Map(), joined: new Set(), className: ctx.className, repeated };
  for (const param of node.params) visit(state, param, inner);
  if (node.body.type === T.BlockStatement) {
    for (const statement of node.body.body) visit(state, statement, inner);
  } else {
    addCpu(inner, node.body, 1);
    visitReturned(state, node.body, inner);
  }
  return fn.id;
}

/** Name a function from where it is defined: `const f = () => {}`, `obj.f = function () {}`, `{ f() {} }`. */
function functionName(node: FunctionNode, parent: TSESTree.Node | null, ctx: FnCtx): string {
  if (node.id) return node.id.name;
  if (!parent) return '<anonymous>';
  if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent.type === T.AssignmentExpression && parent.left.type === T.Identifier) return parent.left.name;
  if (parent.type === T.PropertyDefinition && parent.key.type === T.Identifier) return ctx.className ? `${ctx.className}.${parent.key.name}` : parent.key.name;
  if (parent.type === T.Property && parent.key.type === T.Identifier) return parent.key.name;
  return contextName(node, parent);
}

function visit(state: BuildState, node: TSESTree.Node, ctx: FnCtx, parent: TSESTree.Node | null = null): void {
  switch (node.type) {
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression: {
      const id = visitFunction(state, node, functionName(node, parent, ctx), ctx);
      if (parent?.type === T.Property && (parent.method || parent.kind !== 'init')) {
        // `{ list() {} }`: like a class method, span the name too.
        state.functions[id].span = spanOf(parent);
        state.functions[id].headSpan = spanOf(parent.key);
      }
      return;
    }
    case T.ClassDeclaration:
    case T.ClassExpression: {
      // `const Repo = class { ... }` takes the variable's name, like a const-assigned arrow.
      const className = node.id?.name ?? (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier ? parent.id.name : '<anonymous>');
      const inner: FnCtx = { ...ctx, className };
      for (const member of node.body.body) visit(state, member, inner, node);
      return;
    }
    case T.MethodDefinition:
    case T.TSAbstractMethodDefinition: {
      const key = node.key.type === T.Identifier ? node.key.name : node.key.type === T.PrivateIdentifier ? `#${node.key.name}` : '<computed>';
      if (node.value.type === T.FunctionExpression) {
        const id = visitFunction(state, node.value, `${ctx.className ?? '<anonymous>'}.${key}`, ctx, 'method');
        // A method spans its whole definition (name included), not just the parameter list onward.
        state.functions[id].span = spanOf(node);
        state.functions[id].headSpan = spanOf(node.key);
      }
      return;
    }
    case T.AwaitExpression:
      ctx.fn.sites.awaits.push({ node, loops: [...ctx.loops] });
      visitAwaited(state, node.argument, ctx);
      return;
    case T.CallExpression:
      visitCall(state, node, ctx, false, parent);
      return;
    case T.NewExpression:
      visitNew(state, node, ctx, parent);
      return;
    case T.VariableDeclarator:
      visitDeclarator(state, node, ctx);
      return;
    case T.ReturnStatement:
      addCpu(ctx, node, 1);
      if (node.argument) visitReturned(state, node.argument, ctx);
      return;
    case T.ExpressionStatement:
    case T.ThrowStatement:
    case T.VariableDeclaration:
      addCpu(ctx, node, 1);
      break;
    case T.TSInterfaceDeclaration:
    case T.TSTypeAliasDeclaration:
    case T.TSTypeAnnotation:
    case T.TSDeclareFunction:
    case T.ImportDeclaration:
      return; // types and imports do no work at run time
    default:
      if (isLoop(node)) {
        visitLoop(state, node, ctx);
        return;
      }
  }
  visitChildren(state, node, ctx);
}

/** Keys that hold types or decorators: no run-time work lives there. */
const SKIP_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'decorators', 'implements']);
/** Per node type, the child keys to walk: visitor-keys' lists minus the type-only ones, computed once. */
const childKeys = new Map<string, readonly string[]>();

function keysOf(type: string): readonly string[] {
  let keys = childKeys.get(type);
  if (!keys) {
    keys = (visitorKeys[type as keyof typeof visitorKeys] ?? []).filter((key) => !SKIP_KEYS.has(key));
    childKeys.set(type, keys);
  }
  return keys;
}

export function visitChildren(state: BuildState, node: TSESTree.Node, ctx: FnCtx): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key of keysOf(node.type)) {
    const value = record[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(state, child, ctx, node);
    } else if (isNode(value)) {
      visit(state, value, ctx, node);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `const run = promisify(execFile)`: calling `run` waits on what execFile's callback reported. */
function rememberPromisified(state: BuildState, name: string, init: TSESTree.CallExpression): void {
  const target = init.arguments[0];
  if (!target || target.type === T.SpreadElement || qualifiedName(init.callee, state.imports, state.declaredNames) !== 'util.promisify') return;
  const api = qualifiedName(target, state.imports, state.declaredNames);
  if (api && promisifiedBehaviourOf(api)) state.promisified.set(name, api);
}

/** `const x = ...`: remembers promises started now and awaited later, pools, limiters and core counts. */
function visitDeclarator(state: BuildState, node: TSESTree.VariableDeclarator, ctx: FnCtx): void {
  const init = node.init;
  if (!init) return;
  const name = node.id.type === T.Identifier ? node.id.name : null;
  if (isFunctionNode(init)) {
    const id = visitFunction(state, init, functionName(init, node, ctx), ctx);
    if (node.id.type === T.Identifier) state.functions[id].headSpan = spanOf(node.id);
    return;
  }
  if (name && init.type === T.CallExpression) rememberPromisified(state, name, init);
  // `const res = await fetch(url)`, `const users = db.collection('users')`: the name now holds an object the table knows.
  if (name && init.type !== T.NewExpression) {
    const type = instanceOf(state, init);
    if (type) state.instances.set(name, type);
  }
  if (init.type === T.CallExpression || init.type === T.NewExpression) {
    const before = ctx.out.length;
    if (init.type === T.CallExpression) visitCall(state, init, ctx, false, node);
    else visitNew(state, init, ctx, node);
    // A promise started and not awaited here becomes a task joined at its later `await`.
    if (name && ctx.out.length === before + 1) {
      const started = ctx.out[before];
      // A Worker or process handle is not a promise; a pool task (`pool.run`) is.
      const isPromise = started.kind === 'io' || (started.kind === 'worker' && !started.spawns);
      if (started.kind === 'call' && !started.awaited) {
        // A local call may be sync (`const ranked = rank(xs)`): it stays where it is, and a
        // later `await name` only marks it awaited.
        ctx.deferred.set(name, { combinator: 'deferred', tasks: [], repeat: 1, span: started.span, inPlace: started });
      } else if (isPromise && !started.awaited) {
        ctx.out.pop();
        ctx.deferred.set(name, { combinator: 'deferred', tasks: [[{ ...started, awaited: true }]], repeat: 1, span: started.span });
      } else if (started.kind === 'fork' && !started.awaited) {
        // `const all = Promise.all([...])` or `const ps = xs.map(async ...)`: joined at its `await`.
        ctx.out.pop();
        ctx.deferred.set(name, { combinator: started.combinator, tasks: started.tasks, repeat: started.repeat, span: started.span });
      }
    }
    return;
  }
  if (init.type === T.AwaitExpression || init.type === T.MemberExpression || init.type === T.BinaryExpression || init.type === T.LogicalExpression) {
    visit(state, init, ctx, node);
    return;
  }
  visit(state, init, ctx, node);
}

/**
 * A returned promise is the caller's to await, so its work is part of this
 * function's flow: `return Promise.all(...)` or `(c) => pool.run(c)` joins like an await.
 */
function visitReturned(state: BuildState, value: TSESTree.Expression, ctx: FnCtx): void {
  if (value.type === T.CallExpression) visitCall(state, value, ctx, true, null, true);
  else visit(state, value, ctx);
}

/**
 * Joins a stored promise. Every promise stored before it has been running since
 * it was created, so they all join here together: `const p = fetch(a); const q =
 * fetch(b); await p; await q;` overlaps both waits (the later `await q` is free).
 */
function joinDeferred(ctx: FnCtx, name: string, span: Span): ForkSegment | null {
  const own = ctx.deferred.get(name)!;
  if (own.inPlace) {
    own.inPlace.awaited = true;
    ctx.deferred.delete(name);
    ctx.joined.add(name);
    return null;
  }
  if (own.combinator !== 'deferred' || own.repeat > 1) {
    ctx.deferred.delete(name);
    ctx.joined.add(name);
    return { kind: 'fork', combinator: own.combinator, tasks: own.tasks, repeat: own.repeat, awaited: true, span, label: `await ${name}` };
  }
  const tasks: Segment[][] = [];
  for (const [other, deferred] of [...ctx.deferred]) {
    if (deferred.combinator !== 'deferred' || deferred.repeat > 1 || deferred.inPlace) continue;
    tasks.push(...deferred.tasks);
    ctx.deferred.delete(other);
    ctx.joined.add(other);
  }
  return { kind: 'fork', combinator: 'deferred', tasks, repeat: 1, awaited: true, span, label: `await ${name}` };
}

/** `await x`: the argument decides what is waited for. */
function visitAwaited(state: BuildState, argument: TSESTree.Expression, ctx: FnCtx): void {
  let target: TSESTree.Node = argument;
  while (target.type === T.TSAsExpression || target.type === T.TSNonNullExpression || target.type === T.ChainExpression) target = target.expression;
  if (target.type === T.CallExpression) {
    visitCall(state, target, ctx, true, null);
    return;
  }
  if (target.type === T.NewExpression) {
    visitNew(state, target, ctx, null, true);
    return;
  }
  if (target.type === T.Identifier) {
    if (ctx.deferred.has(target.name)) {
      const join = joinDeferred(ctx, target.name, spanOf(argument));
      if (join) ctx.out.push(join);
      return;
    }
    if (ctx.joined.has(target.name)) return; // already settled by an earlier await
  }
  visit(state, argument, ctx);
  const label = `await ${state.text.slice(argument.range[0], Math.min(argument.range[1], argument.range[0] + 40))}`;
  // `await import(spec)`: loading code, which callers in a loop do in order on purpose (plugins, migrations).
  if (target.type === T.ImportExpression) {
    ctx.out.push({ kind: 'io', api: 'import()', wait: 'module', latency: 12, awaited: true, timer: false, span: spanOf(argument), label });
    return;
  }
  // Awaiting something we cannot see into (a stored promise, a property): maybe a wait, but no evidence of one.
  ctx.out.push({ kind: 'io', api: 'unknown', latency: 12, awaited: true, timer: false, uncertain: true, span: spanOf(argument), label });
}
