/**
 * An async function that never awaits: its body runs start to finish the
 * moment it is called, exactly like a sync function, and `async` only wraps
 * the result in a promise. The keyword suggests waiting that never happens.
 *
 * Silent where `async` is doing a job: empty stubs, async generators, bodies
 * that return a promise-producing call (the keyword turns a sync throw into a
 * rejection), callbacks handed to other APIs, overrides and interface members,
 * framework entry points (default exports, `exports.x =`), and functions
 * async-cpu-bound or blocking-call already report (their advice, await the
 * async API or move the work, answers this one too).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, Model, Segment } from '../model/types';
import { collectBlocking, IGNORED_BLOCKING } from './blocking-call';
import type { QuickFix } from '../reportTypes';
import { cpuWork } from '../facts/cpuWork';
import { ancestors, asyncHeadSpan, exported, fileIndex } from '../facts/threadContext';
import { defineRule } from './ruleTypes';
import { isContextName } from '../naming';
import { handedOn } from '../facts/valueUses';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export const asyncWithoutAwait = defineRule({
  meta: {
    id: 'async-without-await',
    description: 'An async function that never awaits: it runs synchronously all the same, and async only wraps its result in a promise.',
    defaultSeverity: 'info',
    docs: 'docs/rules/async-without-await.md',
    picture: 'misleading structure',
  },
  check(context) {
    const { model } = context;
    const work = cpuWork(model);
    for (const fn of model.functions) {
      if (!fn.async || fn.generator || fn.kind === 'module' || fn.sites.awaits.length > 0) continue;
      const node = fn.node as FunctionNode;
      if (node.body.type === T.BlockStatement && node.body.body.length === 0) continue; // a stub
      const chain = ancestors(model.ast, node); // outermost first
      if (!promiseContractIsLocal(node, chain)) continue;
      const binding = bindingName(node, chain[chain.length - 1]);
      if (binding !== null && handedOn(model, binding)) continue; // whoever receives it decides what it returns
      // A public method may be held to its class's contract by callers and subclasses this file cannot see,
      // and an exported function is a promise to its callers elsewhere: `async` keeps that promise.
      if (!isPrivate(node) && (fn.kind === 'method' || exported(model, chain, fn.name.replace(/^.*\./, '')))) continue;
      const body = localWalk(node);
      if (body.returnsPromise) continue;
      if (body.throws && onlyThrows(node)) continue; // a stub that refuses: the async signature is the point
      if (work.asyncCpuBoundSite(fn)) continue; // that rule says more about the same function
      if (blocksItself(fn)) continue; // blocking-call's fix (await the async API) answers this one too
      const name = isContextName(fn.name) ? 'This function' : `\`${fn.name.replace(/^<anonymous>\./, '')}\``;
      const fix = body.throws ? null : removeAsyncFix(model, fn, node, chain);
      context.report({
        fn,
        span: asyncHeadSpan(model, fn),
        message:
          `${name} is async but never awaits: its whole body runs synchronously when called, and async only wraps the result in a promise. ` +
          'Remove `async`, or await the asynchronous work it was meant to wait for.',
        fixes: fix ? [fix] : [],
      });
    }
  },
});

/** `private async m()` or `async #m()`: only its own class can call it. */
function isPrivate(node: FunctionNode): boolean {
  const method = node.parent;
  if (method?.type !== T.MethodDefinition) return false;
  return method.accessibility === 'private' || method.key.type === T.PrivateIdentifier;
}

/** A body that is nothing but a `throw` (after optional checks): "not supported here". */
function onlyThrows(node: FunctionNode): boolean {
  if (node.body.type !== T.BlockStatement) return false;
  const statements = node.body.body;
  return statements.length > 0 && statements[statements.length - 1].type === T.ThrowStatement && statements.length <= 2;
}

function blocksItself(fn: FunctionInfo): boolean {
  if (!fn.summary.blocks) return false;
  const found: Extract<Segment, { kind: 'blocking' }>[] = [];
  collectBlocking(fn.segments, found);
  return found.some((seg) => !IGNORED_BLOCKING.has(seg.api));
}

/**
 * False when something outside this function decides that it must return a
 * promise: an API it is passed to, a base class or interface, a framework
 * reading the module's exports, a typed object it is a member of.
 */
function promiseContractIsLocal(node: FunctionNode, chain: readonly TSESTree.Node[]): boolean {
  const up = (k: number): TSESTree.Node | undefined => chain[chain.length - k];
  const parent = up(1);
  if (!parent) return true;
  if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  if (parent.type === T.ExportDefaultDeclaration || up(2)?.type === T.ExportDefaultDeclaration) return false;
  // Stored in a field, or in a variable whose other values (an async branch) share its contract.
  if (parent.type === T.AssignmentExpression) return false;
  // One of the values an expression may take (`options.context ?? (async () => ({}))`, `n ? async () => 1 : given`):
  // a default standing in for a value someone else supplies, held to that value's promise-returning contract.
  if (parent.type === T.LogicalExpression || (parent.type === T.ConditionalExpression && parent.test !== node)) return false;
  // Returned: the enclosing function's callers decide what it must return (`return async () => …`).
  if (parent.type === T.ReturnStatement) return false;
  if (parent.type === T.ArrowFunctionExpression && parent.body === node) return false;
  if (parent.type === T.MethodDefinition || parent.type === T.PropertyDefinition) {
    if (parent.type === T.MethodDefinition && parent.override) return false;
    if (parent.type === T.PropertyDefinition && parent.override) return false;
    const cls = up(3);
    if (cls && (cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) && (cls.superClass || (cls.implements && cls.implements.length > 0))) return false;
    return true;
  }
  if (parent.type === T.Property) {
    // Only a plain, untyped local object: `const helpers = { async f() {} }`.
    const holder = up(2)?.type === T.ObjectExpression ? up(3) : undefined;
    return !!holder && holder.type === T.VariableDeclarator && !holder.id.typeAnnotation && up(5)?.type !== T.ExportNamedDeclaration;
  }
  return true;
}

/** The local name a function is declared or bound under, when it has one (`function f`, `const f = async () => …`). */
function bindingName(node: FunctionNode, parent: TSESTree.Node | undefined): string | null {
  if (node.type === T.FunctionDeclaration) return node.id?.name ?? null;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  return null;
}

interface BodyFacts {
  /** Some `return` hands back what may be a promise (a call, `new`, a variable holding one). */
  returnsPromise: boolean;
  /** An explicit `throw`: without async it would throw at the call site instead of rejecting. */
  throws: boolean;
}

/** One walk of the function's own body (nested functions and classes are theirs, not ours). */
function localWalk(node: FunctionNode): BodyFacts {
  const facts: BodyFacts = { returnsPromise: false, throws: false };
  const started = new Set<string>();
  const returned: TSESTree.Expression[] = [];
  if (node.body.type !== T.BlockStatement) returned.push(node.body);
  const visit = (n: TSESTree.Node): void => {
    switch (n.type) {
      case T.FunctionDeclaration:
      case T.FunctionExpression:
      case T.ArrowFunctionExpression:
      case T.ClassDeclaration:
      case T.ClassExpression:
        return;
      case T.ReturnStatement:
        if (n.argument) returned.push(n.argument);
        break;
      case T.ThrowStatement:
        facts.throws = true;
        break;
      case T.VariableDeclarator:
        if (n.id.type === T.Identifier && n.init && mayBePromise(n.init, started)) started.add(n.id.name);
        break;
    }
    for (const key in n) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const value = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) value.forEach((v) => isNode(v) && visit(v));
      else if (isNode(value)) visit(value);
    }
  };
  if (node.body.type === T.BlockStatement) visit(node.body);
  facts.returnsPromise = returned.some((e) => mayBePromise(e, started));
  return facts;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function mayBePromise(e: TSESTree.Expression, started: ReadonlySet<string>): boolean {
  switch (e.type) {
    case T.CallExpression:
    case T.NewExpression:
      return true;
    case T.TSAsExpression:
    case T.TSNonNullExpression:
    case T.TSSatisfiesExpression:
    case T.ChainExpression:
      return mayBePromise(e.expression as TSESTree.Expression, started);
    case T.ConditionalExpression:
      return mayBePromise(e.consequent, started) || mayBePromise(e.alternate, started);
    case T.LogicalExpression:
      return mayBePromise(e.left as TSESTree.Expression, started) || mayBePromise(e.right, started);
    case T.SequenceExpression:
      return mayBePromise(e.expressions[e.expressions.length - 1], started);
    case T.Identifier:
      return started.has(e.name);
    case T.MemberExpression:
      return e.property.type === T.Identifier && /promise|pending|ready|task|job/i.test(e.property.name);
    default:
      return false;
  }
}

/**
 * "Remove async", only when every use of the function is visible and none of
 * them needs a promise: a local name, not exported, every occurrence of the
 * name in the file is the declaration or a call whose value is dropped.
 */
function removeAsyncFix(model: Model, fn: FunctionInfo, node: FunctionNode, chain: readonly TSESTree.Node[]): QuickFix | null {
  const head = asyncKeyword(model, node, chain[chain.length - 1]);
  if (!head || exported(model, chain, head.name)) return null;
  const sites = fileIndex(model).callsTo.get(fn.id) ?? [];
  for (const { site } of sites) {
    if (site.node.type !== T.CallExpression || !site.discarded) return null;
  }
  const occurrences = countName(model, head.name);
  if (occurrences !== 1 + sites.length) return null; // used as a value somewhere, or shadowed: not our call to make
  const edits = [{ start: head.start, end: head.end, newText: '' }];
  const returnType = node.returnType?.typeAnnotation;
  if (returnType) {
    // `Promise<T>` becomes `T`; any other annotation (an alias, a union) we cannot rewrite safely.
    const inner = returnType.type === T.TSTypeReference && returnType.typeName.type === T.Identifier && returnType.typeName.name === 'Promise' ? returnType.typeArguments?.params : undefined;
    if (!inner || inner.length !== 1) return null;
    edits.push({ start: returnType.range[0], end: returnType.range[1], newText: model.text.slice(inner[0].range[0], inner[0].range[1]) });
  }
  return { title: 'Remove async', isPreferred: false, edits };
}

const nameCounts = new WeakMap<Model, Map<string, number>>();

/**
 * Occurrences of an identifier in the text (comments and strings included,
 * which only makes us more careful). One pass over the file counts every
 * name, so many candidates do not mean many scans.
 */
function countName(model: Model, name: string): number {
  let counts = nameCounts.get(model);
  if (!counts) {
    counts = new Map();
    for (const match of model.text.matchAll(/[A-Za-z_$][\w$]*/g)) {
      if (match.index > 0 && model.text[match.index - 1] === '#') continue; // `#name` is a different (private) name
      counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
    nameCounts.set(model, counts);
  }
  return counts.get(name) ?? 0;
}

/** The binding name and the `async ` keyword (with its trailing space) to delete. */
function asyncKeyword(model: Model, node: FunctionNode, parent: TSESTree.Node | undefined): { name: string; start: number; end: number } | null {
  let name: string | null = null;
  let from = node.range[0];
  let to = node.range[0] + 6;
  if (node.type === T.FunctionDeclaration && node.id) name = node.id.name;
  else if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) name = parent.id.name;
  else if (parent?.type === T.PropertyDefinition && !parent.computed && parent.key.type === T.Identifier) name = parent.key.name;
  else if ((parent?.type === T.MethodDefinition || (parent?.type === T.Property && parent.method)) && !parent.computed && parent.key.type === T.Identifier) {
    if (parent.type === T.MethodDefinition && parent.kind !== 'method') return null;
    name = parent.key.name;
    from = parent.range[0];
    to = parent.key.range[0];
  }
  if (!name) return null;
  const match = /\basync(\s+|(?=\())/g;
  let last: RegExpExecArray | null = null;
  const slice = model.text.slice(from, to);
  for (let m = match.exec(slice); m; m = match.exec(slice)) last = m;
  if (!last || (from === node.range[0] && last.index !== 0)) return null;
  return { name, start: from + last.index, end: from + last.index + last[0].length };
}
