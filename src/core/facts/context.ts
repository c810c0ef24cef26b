/**
 * Where each function runs, decided once per file from evidence: is its thread
 * serving other work while it runs (hot), does it run once while nothing else
 * waits (one-shot), does it run on a worker thread, or is there no evidence
 * either way (unknown: an exported function whose callers live elsewhere).
 * Blocking calls and heavy loops matter where the context is hot.
 *
 * A function's own evidence comes first (a handler registration, a test
 * callback, the module top level, the kind of file it is in). Without any, it
 * takes the strongest context among its callers in this file: a helper called
 * by a request handler is hot; one only called from start-up code is one-shot.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, Model, Span } from '../model/types';
import { spanOf } from '../model/spans';
import { isContextName } from '../naming';
import { modelIndex } from './callbacks';
import { callTaking, exported, fileIndex, isTestCallback, isWorkerFile, namedHandlers, oneShot, onProcess, ancestors } from './threadContext';
import { resolvedCallee } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export type ContextKind = 'hot' | 'one-shot' | 'worker' | 'unknown';

export interface ContextFact {
  kind: ContextKind;
  /** Plain words for hovers and messages: "handles requests (app.get)", "a test callback", "called by `handle` (line 12), which handles requests". */
  why: string;
  /** Set when the context comes from a caller: the call (or the place the callback is passed) that makes it so. */
  from?: { fnId: number; span: Span };
}

/** Files that run once and exit, or exist to be run by a tool: nothing else waits for their thread. */
const TEST_FILE = /(^|[\\/])(__tests__|__mocks__|tests?|spec|e2e|fixtures?)[\\/]|\.(test|spec|e2e)\.[cm]?[jt]sx?$/i;
const SCRIPT_FILE = /(^|[\\/])(scripts?|bin|cli|tools?|migrations?|seeds?|benchmarks?|bench)[\\/]|(^|[\\/._-])(config|conf|setup|install|postinstall|preinstall|build|gulpfile|gruntfile|jakefile|webpack|rollup|vite|esbuild|karma|jest|vitest|babel|eslint|prettier|tsup)\.[^\\/]*$/i;
/** Decorators that make a class method a request, message or job handler (NestJS and friends). */
const HANDLER_DECORATORS = /^(Get|Post|Put|Patch|Delete|All|Options|Head|MessagePattern|EventPattern|SubscribeMessage|Process|Processor|OnEvent|OnQueueActive|Cron|Interval|Timeout|Query|Mutation|Subscription|ResolveField)$/;

const RANK: Record<ContextKind, number> = { 'one-shot': 0, unknown: 1, hot: 2, worker: 3 };

const cache = new WeakMap<Model, ContextFact[]>();

/** The context of every function of the model, by id. */
export function contextsOf(model: Model): readonly ContextFact[] {
  let contexts = cache.get(model);
  if (!contexts) {
    contexts = computeContexts(model);
    cache.set(model, contexts);
  }
  return contexts;
}

export function contextOf(model: Model, fn: FunctionInfo): ContextFact {
  return contextsOf(model)[fn.id];
}

function computeContexts(model: Model): ContextFact[] {
  const file = fileContext(model);
  // A worker entry file or a test file decides for everything in it.
  if (file && (file.kind === 'worker' || file.why.startsWith('a test'))) return model.functions.map(() => file);
  const handlers = namedHandlers(model);
  const value: (ContextFact | undefined)[] = model.functions.map((fn) => ownEvidence(model, fn, handlers, file) ?? undefined);
  // A file that runs once and exits (a script, a CLI, a migration) runs everything in it that way, exports included,
  // unless a function shows its own evidence (a server the script starts is still hot).
  if (file?.kind === 'one-shot') for (const fn of model.functions) value[fn.id] ??= file;
  const open = value.map((v) => v === undefined);
  // An exported function may also be called from other files: that caller is unknown.
  for (const fn of model.functions) if (open[fn.id] && isExported(model, fn)) value[fn.id] = { kind: 'unknown', why: 'exported: where it runs depends on callers in other files' };
  const out = new Map<number, Edge[]>();
  for (const edge of callEdges(model)) {
    const list = out.get(edge.from);
    if (list) list.push(edge);
    else out.set(edge.from, [edge]);
  }
  // Contexts only rise (one-shot < unknown < hot), so the worklist ends: each function changes at most twice.
  const work = value.flatMap((v, id) => (v ? [id] : []));
  while (work.length > 0) {
    const from = work.pop()!;
    for (const edge of out.get(from) ?? []) {
      if (!open[edge.to]) continue;
      const current = value[edge.to];
      const offered = value[from]!;
      if (current && RANK[offered.kind] <= RANK[current.kind]) continue;
      value[edge.to] = inherited(model, offered, edge);
      work.push(edge.to);
    }
  }
  return value.map((v) => v ?? { kind: 'unknown', why: 'nothing in this file calls it, so where it runs is not known' });
}

function isExported(model: Model, fn: FunctionInfo): boolean {
  if (fn.kind === 'module') return false;
  const chain = ancestors(model.ast, fn.node);
  const own = fn.name.replace(/^.*\./, '');
  return exported(model, chain, own) || (fn.kind === 'method' && exported(model, chain, fn.name.split('.')[0]));
}

interface Edge {
  from: number;
  to: number;
  span: Span;
  /** The callee is a callback written inside the caller (it runs as part of the caller's work). */
  nested: boolean;
}

/** Who can run whom: local calls, functions passed by name, and callbacks written inside a function. */
function callEdges(model: Model): Edge[] {
  const edges: Edge[] = [];
  const index = modelIndex(model);
  for (const fn of model.functions) {
    for (const site of fn.sites.calls) {
      const callee = resolvedCallee(model, fn, site);
      if (callee && callee.id !== fn.id) edges.push({ from: fn.id, to: callee.id, span: spanOf(site.node), nested: false });
    }
    // A callback written inside a function and handed to a call (`.map(cb)`, `.then(cb)`, an IIFE) runs as part of its work;
    // a nested declaration or `const f = () => …` runs only when called (those calls are edges of their own).
    for (const childId of fn.childIds) {
      const child = model.functions[childId];
      if (index.usedIn.has(child.node)) edges.push({ from: fn.id, to: childId, span: child.headSpan, nested: true });
    }
  }
  for (const [fnId, uses] of index.passedByName) {
    for (const use of uses) if (use.fn.id !== fnId) edges.push({ from: use.fn.id, to: fnId, span: spanOf(use.site.node), nested: false });
  }
  return edges;
}

function inherited(model: Model, caller: ContextFact, edge: Edge): ContextFact {
  const from = model.functions[edge.from];
  const who = from.kind === 'module' ? 'the module top level' : isContextName(from.name) ? 'a callback' : `\`${from.name}\``;
  const how = edge.nested ? `runs inside ${who}` : `called by ${who} (line ${edge.span.line})`;
  const what: Record<ContextKind, string> = {
    hot: 'which serves other work on this thread',
    'one-shot': 'which runs once',
    worker: 'which runs on a worker thread',
    unknown: 'whose callers are not known',
  };
  return { kind: caller.kind, why: `${how}, ${what[caller.kind]}`, from: { fnId: edge.from, span: edge.span } };
}

/** What the file itself says about how it runs. */
function fileContext(model: Model): ContextFact | null {
  if (isWorkerFile(model)) return { kind: 'worker', why: 'runs on a worker thread (this is a worker entry file)' };
  if (TEST_FILE.test(model.fileName)) return { kind: 'one-shot', why: 'a test file: blocking only delays the test' };
  if (/^#!/.test(model.text)) return { kind: 'one-shot', why: 'a command-line script (it starts with a shebang)' };
  if (/(^|[\\/])migrations?[\\/]/i.test(model.fileName) || (/\bexport\s+(async\s+)?function\s+up\b/.test(model.text) && /\bexport\s+(async\s+)?function\s+down\b/.test(model.text))) {
    return { kind: 'one-shot', why: 'a migration: it runs once, before the application serves anything' };
  }
  if (SCRIPT_FILE.test(model.fileName)) return { kind: 'one-shot', why: 'a script, build or configuration file: it runs once and exits' };
  if (/\bprocess\.argv\b/.test(model.text)) return { kind: 'one-shot', why: 'a command-line program (it reads process.argv)' };
  return null;
}

/** Evidence a function carries by itself, or null when only its callers can tell. */
function ownEvidence(model: Model, fn: FunctionInfo, handlers: ReadonlySet<number>, file: ContextFact | null): ContextFact | null {
  if (fn.kind === 'module') return file ?? { kind: 'one-shot', why: 'module start-up: it runs once, when the file is loaded' };
  const registration = fn.isHandler ? callTaking(model, fn.node) : null;
  if (fn.isHandler && registration && !onProcess(registration) && !oneShot(registration)) {
    return { kind: 'hot', why: `handles requests or events (${registrationText(model, registration)})` };
  }
  if (handlers.has(fn.id)) return { kind: 'hot', why: 'handles requests or events (registered by name)' };
  const decorator = handlerDecorator(fn);
  if (decorator) return { kind: 'hot', why: `handles requests, messages or jobs (@${decorator})` };
  if (fn.isHandler && registration) return { kind: 'one-shot', why: onProcess(registration) ? 'a process shutdown or signal handler' : 'a handler of an event that fires once' };
  if (isTestCallback(model, fn)) return { kind: 'one-shot', why: 'a test callback: blocking only delays the test' };
  if (fn.parentId === 0 && fileIndex(model).topLevelIifes.has(fn.node.range[0])) return { kind: 'one-shot', why: 'runs once at start-up (called right where it is written, at the top level)' };
  return null;
}

/** `app.get('/users', …)` shortened for a sentence. */
function registrationText(model: Model, call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const callee = model.text.slice(call.callee.range[0], call.callee.range[1]);
  const first = call.arguments[0];
  const route = first && first.type === T.Literal && typeof first.value === 'string' ? `'${first.value.slice(0, 40)}'` : '';
  return `${callee.length > 40 ? `${callee.slice(0, 39)}…` : callee}(${route}${route ? ', ' : ''}…)`;
}

function handlerDecorator(fn: FunctionInfo): string | null {
  if (fn.kind !== 'method') return null;
  const method = fn.node.parent;
  if (!method || (method.type !== T.MethodDefinition && method.type !== T.PropertyDefinition)) return null;
  for (const decorator of method.decorators ?? []) {
    const expression = decorator.expression.type === T.CallExpression ? decorator.expression.callee : decorator.expression;
    if (expression.type === T.Identifier && HANDLER_DECORATORS.test(expression.name)) return expression.name;
  }
  return null;
}
