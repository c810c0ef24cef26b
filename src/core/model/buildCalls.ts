/**
 * Calls and `new`: what a call does to its thread. A recognised API becomes an
 * io/blocking/worker segment, Promise combinators become forks, callbacks of
 * iterating methods become loops, and calls to local functions become call
 * segments that resolveCalls.ts later ties to the callee.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Behaviour } from '../knowledge';
import { isPlainValueApi, isPlainValueMethod } from '../knowledge/plainValues';
import { eventName, IO_LIKE_METHODS, ITERATING_METHODS, registersOutsideHandler, WORKER_MESSAGE_METHODS } from './names';
import { importedCallee, instanceOf, knownCall } from './known';
import { addCpu, labelOf, referencedFunction, type BuildState, type FnCtx } from './buildState';
import { memberPath, qualifiedName } from './imports';
import { callbackName, iifeName } from '../naming';
import { COST, type CallSite, type ForkSegment, type Segment, type WorkerSegment } from './types';
import { spanOf } from './spans';
import { iterationGuess } from './iterations';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Callable = TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
const COMBINATORS: Record<string, ForkSegment['combinator']> = { 'Promise.all': 'all', 'Promise.allSettled': 'allSettled', 'Promise.race': 'race', 'Promise.any': 'any' };

function isCallable(node: TSESTree.Node | undefined): node is Callable {
  return !!node && (node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression);
}

/**
 * `awaited`: the caller waits for this call's promise (`await f()`, or `return f()`).
 * `returned`: it is returned rather than awaited; an unknown call is then only
 * assumed to be I/O inside an async function (`(x) => list.push(x)` is not a wait).
 */
export function visitCall(state: BuildState, node: TSESTree.CallExpression, ctx: FnCtx, awaited: boolean, parent: TSESTree.Node | null, returned = false): void {
  const api = qualifiedName(node.callee, state.imports, state.declaredNames);
  const path = memberPath(node.callee);
  const site: CallSite = { node, api, calleeId: null, loops: [...ctx.loops], awaited, discarded: parent?.type === T.ExpressionStatement };
  ctx.fn.sites.calls.push(site);
  const span = spanOf(node);
  const label = labelOf(state, node);

  if (isPromiseChain(node)) return visitChain(state, node, ctx, awaited, returned);
  const callee = node.callee;
  if (callee.type === T.FunctionExpression || callee.type === T.ArrowFunctionExpression) {
    // An IIFE, `(async () => { ... })()`: its body runs right here.
    for (const arg of node.arguments) state.visit(state, arg, ctx, node);
    const id = state.visitFunction(state, callee, iifeName(callee), ctx);
    site.calleeId = id;
    ctx.out.push({ kind: 'call', calleeId: id, calleeName: '<iife>', awaited, span, label });
    return;
  }
  const combinator = api ? COMBINATORS[api] : undefined;
  if (combinator) return visitCombinator(state, node, ctx, combinator, awaited);

  const method = path && path.length > 1 ? path[path.length - 1] : null;
  const receiver = path && path.length > 1 ? path.slice(0, -1).join('.') : null;
  // `xs.map(cb)` on anything but an object the table knows (a known object's `filter` is its own method, not Array's).
  if (method && ITERATING_METHODS.has(method) && node.callee.type === T.MemberExpression && !instanceOf(state, node.callee.object)) {
    if (isCallable(node.arguments[0])) return visitIteration(state, node, node.callee.object, method, node.arguments[0], ctx);
    const named = referencedFunction(state, node.arguments[0]);
    if (named) return visitIteration(state, node, node.callee.object, method, named, ctx);
  }

  // Arguments first: their work happens before the call.
  const known = knownCall(state, node);
  if (known) site.known = known.key;
  const behaviour = known?.behaviour ?? null;
  // Listening to a worker or process you started is waiting for its result, not serving events.
  const registersHandler = ((behaviour?.registersHandler ?? false) || (!behaviour && registersOutsideHandler(method, api, receiver, eventName(node)))) && !(receiver && state.workerNames.has(receiver));
  // p-limit's `limit(() => task)` and p-queue's `queue.add(() => task)` run the callback as a task.
  const limited = behaviour?.does === 'task' || (!behaviour && !!path && ((path.length === 1 && state.limiterNames.has(path[0])) || (!!receiver && method === 'add' && state.limiterNames.has(receiver))));
  for (const arg of node.arguments) {
    if (isCallable(arg)) {
      const id = state.visitFunction(state, arg, callbackName(node, arg), ctx);
      if (registersHandler) state.functions[id].isHandler = true;
      if (limited) ctx.out.push({ kind: 'call', calleeId: id, calleeName: '<task>', awaited, span: spanOf(arg), label: 'limited task' });
    } else {
      state.visit(state, arg, ctx, node);
    }
  }
  if (node.callee.type === T.MemberExpression) state.visit(state, node.callee.object, ctx, node);
  if (registersHandler) {
    ctx.fn.evidence.push({ kind: 'handler', span, text: `registers a handler: ${label}` });
    return;
  }

  const firstArg = node.arguments[0];
  if (api === 'events.once' && firstArg?.type === T.Identifier && state.workerNames.has(firstArg.name)) {
    // Waiting for a worker's message is joining it, not waiting on I/O.
    const spawn = state.workerSpawns.get(firstArg.name);
    if (spawn && awaited) spawn.awaited = true;
    addCpu(ctx, node, 1);
    return;
  }
  if (known && behaviour && pushKnown(state, ctx, node, known.key, behaviour, awaited, parent)) return;
  const imported = known ? null : importedCallee(state, node.callee);
  if (imported) {
    // A function of another file: its summary says what the call does, its segments draw it.
    site.external = { file: imported.file, name: imported.name, symbol: imported.symbol, effect: imported.effect };
    ctx.out.push({ kind: 'call', calleeId: -1, calleeName: imported.name, awaited: awaited && (imported.effect.returnsPromise || !returned), span, label, external: { file: imported.file, fnId: imported.fnId ?? -1, name: imported.name, effect: imported.effect } });
    return;
  }

  if (method && WORKER_MESSAGE_METHODS.has(method)) {
    // Talking to a thread or process that already exists: the work was counted when it was started.
    addCpu(ctx, node, 1);
    return;
  }
  if (limited) return; // the task callback was pushed above

  // A returned call is only joined like an await inside an async function; elsewhere it is handed back.
  // `return rank(xs).slice(0, 10)` (no path: the receiver is a call) is not assumed to be a wait.
  const joins = awaited && (!returned || (ctx.fn.async && path !== null));
  const localName = path && !api ? localCallName(path, ctx) : path && path.length === 1 && state.namesToIds.has(path[0]) ? path[0] : null;
  if (localName) {
    site.localName = localName;
    ctx.out.push({ kind: 'call', calleeId: -1, calleeName: localName, awaited: joins || (awaited && state.namesToIds.has(localName)), span, label });
    return;
  }
  // `return Array.from(xs)`, `return m.values()` in an async function: a plain value comes back, nothing is waited on.
  if (joins && (isPlainValueApi(api) || isPlainValueMethod(method))) {
    addCpu(ctx, node, 1);
    return;
  }
  if (joins || (method && IO_LIKE_METHODS.has(method) && parent?.type !== T.ExpressionStatement && !!receiver && ctx.fn.async)) {
    // Something outside this file that hands back a promise: drawn as a wait, but nothing says it is one.
    ctx.out.push({ kind: 'io', api: api ?? `unknown:${path ? path.join('.') : 'call'}`, latency: COST.ioLatency, awaited, timer: false, uncertain: true, span, label });
    return;
  }
  if (path && path.length === 1) ctx.out.push({ kind: 'call', calleeId: -1, calleeName: path[0], awaited: joins, span, label });
}

/**
 * The segment for a call the knowledge table knows; false when the table's
 * answer adds nothing (a cheap sync call the caller treats as ordinary work).
 */
function pushKnown(state: BuildState, ctx: FnCtx, node: TSESTree.CallExpression | TSESTree.NewExpression, key: string, behaviour: Behaviour, awaited: boolean, parent: TSESTree.Node | null): boolean {
  const span = spanOf(node);
  const label = labelOf(state, node);
  if (behaviour.instance) rememberInstance(state, parent, behaviour.instance);
  switch (behaviour.does) {
    case 'wait':
    case 'yield': {
      const timer = behaviour.does === 'yield' || behaviour.wait === 'timer';
      // A completion callback or a timer callback: the work goes on, and this flow does not wait for it here.
      const waits = awaited && behaviour.returnsPromise && !behaviour.callbackStyle;
      const latency = behaviour.does === 'yield' ? 1 : behaviour.cost ?? COST.ioLatency;
      const segment: Segment = { kind: 'io', api: key, latency, awaited: waits, timer, span, label };
      if (behaviour.wait) segment.wait = behaviour.wait;
      ctx.out.push(segment);
      return true;
    }
    case 'block':
      // One stat of a path takes microseconds: outside a loop it is ordinary work, not a freeze worth drawing.
      if (CHEAP_METADATA.has(key) && ctx.loops.length === 0 && !ctx.repeated) addCpu(ctx, node, COST.statement);
      else ctx.out.push({ kind: 'blocking', api: key, cost: behaviour.cost ?? COST.blocking, span, label });
      return true;
    case 'compute':
      addCpu(ctx, node, behaviour.cost ?? COST.statement, key, label);
      return true;
    case 'spawn':
      pushSpawn(state, ctx, { kind: 'worker', api: key, cost: COST.heavyLoop / 2, spawns: true, awaited, span, label }, parent);
      return true;
    case 'pool':
      rememberBinding(state.poolNames, parent);
      addCpu(ctx, node, COST.workerStartup);
      return true;
    case 'dispatch': {
      const dot = key.lastIndexOf('#');
      const holder = node.callee.type === T.MemberExpression ? state.text.slice(node.callee.object.range[0], node.callee.object.range[1]) : key.slice(0, dot);
      const method = node.callee.type === T.MemberExpression && node.callee.property.type === T.Identifier ? node.callee.property.name : 'run';
      ctx.out.push({ kind: 'worker', api: `${holder}.${method}`, cost: COST.heavyLoop / 2, spawns: false, awaited, span, label });
      return true;
    }
    case 'limiter':
      rememberBinding(state.limiterNames, parent);
      return true;
    case 'cores':
      rememberBinding(state.coreCountNames, parent);
      return true;
    case 'combinator':
    case 'task':
      return false;
    case 'sync':
    case 'unknown':
      addCpu(ctx, node, COST.statement);
      return true;
  }
}

/** `const pool = new Pool()` or `this.client = axios.create()`: the name now holds an object of that instance type. */
function rememberInstance(state: BuildState, parent: TSESTree.Node | null, instance: string): void {
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) state.instances.set(parent.id.name, instance);
  if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression && parent.left.object.type === T.ThisExpression && parent.left.property.type === T.Identifier) {
    state.instances.set(`this.${parent.left.property.name}`, instance);
  }
}

/** Sync file-system calls that only read a path's metadata: cheap once, a cost when repeated per item. */
const CHEAP_METADATA = new Set(['fs.existsSync', 'fs.statSync', 'fs.lstatSync', 'fs.accessSync', 'fs.realpathSync', 'fs.readlinkSync', 'fs.fstatSync', 'fs-extra.existsSync', 'fs-extra.pathExistsSync', 'fs-extra.statSync']);

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

function isPromiseChain(node: TSESTree.CallExpression): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  const callee = node.callee;
  return callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && CHAIN_METHODS.has(callee.property.name);
}

/**
 * `p.then(f)`: first whatever produces `p` (joined like the chain itself), then
 * `f`, which runs once `p` settles. `.catch`/`.finally` handlers run only on
 * failure or afterwards, so they are built but not put in the flow.
 */
function visitChain(state: BuildState, node: TSESTree.CallExpression & { callee: TSESTree.MemberExpression }, ctx: FnCtx, awaited: boolean, returned: boolean): void {
  const receiver = node.callee.object;
  if (receiver.type === T.CallExpression) visitCall(state, receiver, ctx, awaited, null, returned);
  else if (receiver.type === T.NewExpression) visitNew(state, receiver, ctx, null, awaited);
  else if (receiver.type === T.Identifier && (ctx.deferred.has(receiver.name) || awaited)) state.visitAwaited(state, receiver, ctx);
  else state.visit(state, receiver, ctx, node);
  const method = (node.callee.property as TSESTree.Identifier).name;
  for (const arg of node.arguments) {
    const named = method === 'then' && arg === node.arguments[0] ? referencedFunction(state, arg) : null;
    if (named) {
      // `.then(handle)`: a local function by name runs once the promise settles, like an inline callback.
      ctx.out.push({ kind: 'call', calleeId: -1, calleeName: named.name, awaited, span: spanOf(arg), label: `then(${named.name})` });
      continue;
    }
    if (!isCallable(arg)) {
      state.visit(state, arg, ctx, node);
      continue;
    }
    const id = state.visitFunction(state, arg, callbackName(node, arg), ctx);
    if (method === 'then' && arg === node.arguments[0]) {
      ctx.out.push({ kind: 'call', calleeId: id, calleeName: '<then callback>', awaited, span: spanOf(arg), label: 'then(callback)' });
    }
  }
}

/** Takes `target` out of a segment tree (it moves into a fork); false if it is not there. */
function removeSegment(list: Segment[], target: Segment): boolean {
  const index = list.indexOf(target);
  if (index >= 0) {
    list.splice(index, 1);
    return true;
  }
  return list.some((segment) => segment.kind === 'loop' && removeSegment(segment.body, target));
}

/** `f()` or `this.f()`; the name is resolved (or dropped) once every function is known. */
function localCallName(path: string[], ctx: FnCtx): string | null {
  if (path.length === 1) return path[0];
  if (path.length === 2 && path[0] === 'this' && ctx.className) return `${ctx.className}.${path[1]}`;
  return null;
}

function pushSpawn(state: BuildState, ctx: FnCtx, segment: WorkerSegment, parent: TSESTree.Node | null): void {
  rememberBinding(state.workerNames, parent);
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) state.workerSpawns.set(parent.id.name, segment);
  ctx.out.push(segment);
}

function rememberBinding(names: Set<string>, parent: TSESTree.Node | null): void {
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) names.add(parent.id.name);
  if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression && parent.left.property.type === T.Identifier) {
    const path = memberPath(parent.left);
    if (path) names.add(path.join('.'));
  }
}



/** Promise.all([...]) / Promise.all(xs.map(...)): tasks started together and joined at the slowest. */
function visitCombinator(state: BuildState, node: TSESTree.CallExpression, ctx: FnCtx, combinator: ForkSegment['combinator'], awaited: boolean): void {
  const fork: ForkSegment = { kind: 'fork', combinator, tasks: [], repeat: 1, awaited, span: spanOf(node), label: labelOf(state, node) };
  const arg = node.arguments[0];
  const saved = ctx.out;
  const taskOf = (element: TSESTree.Node) => {
    const task: Segment[] = [];
    ctx.out = task;
    if (element.type === T.Identifier && ctx.deferred.has(element.name)) {
      const deferred = ctx.deferred.get(element.name)!;
      ctx.deferred.delete(element.name);
      ctx.joined.add(element.name);
      if (deferred.inPlace && removeSegment(ctx.fn.segments, deferred.inPlace)) {
        // Joined by the combinator: the call becomes one of its tasks.
        task.push({ ...deferred.inPlace, awaited: true });
      } else if (deferred.inPlace) deferred.inPlace.awaited = true;
      task.push(...deferred.tasks.flat());
      if (deferred.repeat > 1) fork.repeat = deferred.repeat;
    } else if (element.type === T.CallExpression) visitCall(state, element, ctx, true, null);
    else if (element.type !== T.SpreadElement) state.visitAwaited(state, element as TSESTree.Expression, ctx);
    ctx.out = saved;
    fork.tasks.push(task);
  };
  if (arg?.type === T.ArrayExpression) {
    for (const element of arg.elements) if (element) taskOf(element);
  } else if (arg?.type === T.CallExpression && arg.callee.type === T.MemberExpression && arg.callee.property.type === T.Identifier && arg.callee.property.name === 'map' && (isCallable(arg.arguments[0]) || referencedFunction(state, arg.arguments[0]))) {
    ctx.fn.sites.calls.push({ node: arg, api: null, calleeId: null, loops: [...ctx.loops], awaited: false, discarded: false });
    state.visit(state, arg.callee.object, ctx, arg);
    const callback = arg.arguments[0];
    if (isCallable(callback)) state.perItemCallbacks.add(callback);
    // Each item's task is the callback's flow, awaited by the combinator: an inline one, or a local function by name (`xs.map(runChunk)`).
    const task: Segment = isCallable(callback)
      ? { kind: 'call', calleeId: state.visitFunction(state, callback, callbackName(arg, callback), ctx), calleeName: '<map callback>', awaited: true, span: spanOf(callback), label: 'each item' }
      : { kind: 'call', calleeId: -1, calleeName: (callback as TSESTree.Identifier).name, awaited: true, span: spanOf(callback), label: `each item: ${(callback as TSESTree.Identifier).name}` };
    fork.tasks.push([task]);
    fork.repeat = iterationGuess(arg.callee.object);
  } else if (arg) taskOf(arg);
  ctx.out.push(fork);
}

/**
 * `xs.map(cb)`, `xs.forEach(cb)`, ...: the callback runs once per element, now.
 * `callback` is an inline function, or a local function passed by name (resolved by name after the traversal).
 */
function visitIteration(state: BuildState, node: TSESTree.CallExpression, object: TSESTree.Expression, method: string, callback: Callable | { name: string; async: boolean }, ctx: FnCtx): void {
  state.visit(state, object, ctx, node);
  const inline = 'type' in callback;
  if (inline) state.perItemCallbacks.add(callback);
  const id = inline ? state.visitFunction(state, callback, callbackName(node, callback), ctx) : -1;
  for (const extra of node.arguments.slice(1)) state.visit(state, extra, ctx, node);
  const span = spanOf(node);
  const repeat = iterationGuess(object);
  const callbackSpan = spanOf(node.arguments[0]);
  const call: Segment = inline
    ? { kind: 'call', calleeId: id, calleeName: `<${method} callback>`, awaited: false, span: callbackSpan, label: `${method} callback` }
    : { kind: 'call', calleeId: -1, calleeName: callback.name, awaited: false, span: callbackSpan, label: `${method}(${callback.name})` };
  if (callback.async) {
    // Each call starts a promise and returns at its first await: the tasks overlap, and nothing waits for them here.
    ctx.out.push({ kind: 'fork', combinator: 'deferred', tasks: [[{ ...call, awaited: true }]], repeat, awaited: false, span, label: labelOf(state, node) });
    return;
  }
  ctx.out.push({ kind: 'loop', mode: 'sync', iterations: repeat, iterationsGuessed: !(object.type === T.ArrayExpression), body: [call], span, label: labelOf(state, node) });
}

export function visitNew(state: BuildState, node: TSESTree.NewExpression, ctx: FnCtx, parent: TSESTree.Node | null, awaited = false): void {
  const api = qualifiedName(node.callee, state.imports, state.declaredNames);
  const site: CallSite = { node, api, calleeId: null, loops: [...ctx.loops], awaited, discarded: parent?.type === T.ExpressionStatement };
  ctx.fn.sites.calls.push(site);
  const executor = node.arguments[0];
  if (api === 'Promise' && isCallable(executor)) {
    ctx.fn.sites.promiseConstructors.push(node);
    // The executor runs synchronously, right now; what it starts decides whether anything is waited for.
    const id = state.visitFunction(state, executor, callbackName(node, executor), ctx);
    // `new Promise((resolve) => setTimeout(resolve, 50))`: the promise settles when the callback
    // work it starts completes, so whoever awaits it waits for that work.
    for (const segment of state.functions[id].segments) {
      if ((segment.kind === 'io' || segment.kind === 'worker') && !segment.awaited) segment.awaited = true;
    }
    ctx.out.push({ kind: 'call', calleeId: id, calleeName: '<promise executor>', awaited, span: spanOf(executor), label: 'new Promise executor' });
    return;
  }
  for (const arg of node.arguments) state.visit(state, arg, ctx, node);
  const known = knownCall(state, node);
  if (known) site.known = known.key;
  if (known && pushKnown(state, ctx, node, known.key, known.behaviour, awaited, parent)) return;
  addCpu(ctx, node, 1);
}
