/**
 * new Promise whose executor only does synchronous work.
 *
 * The executor runs immediately, on the calling thread, before `new Promise`
 * even returns. When every resolve/reject call sits directly in its body (not
 * in a callback) and neither is handed to anything else, the promise is
 * settled by synchronous work: wrapping did not move that work off the thread.
 *
 * Silent when the executor starts callback or event-based work (resolve or
 * reject passed as a value or called from a nested function, I/O, timers,
 * workers, handlers), when it is async (a different mistake), when it never
 * settles, and when it does nothing but settle with a ready value, after at
 * most plain checks, defaults and throws (`new Promise((r) => r(x))` is a
 * verbose Promise.resolve; a validation whose throw becomes a rejection is not
 * an attempt to offload anything).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { apiInfo } from '../knowledge/category';
import { isPlainValueApi, isPlainValueMethod } from '../knowledge/plainValues';
import type { FunctionInfo, Model, Span } from '../model/types';
import { functionOf, isCallable, modelIndex, propertyName, unwrap, walkLocal, type Callable } from '../facts/callbacks';
import { defineRule, type RuleContext } from './ruleTypes';
import { isContextName } from '../naming';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export const syncPromiseExecutor = defineRule({
  meta: {
    id: 'sync-promise-executor',
    description: 'new Promise whose executor settles it with synchronous work: wrapping is not offloading.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/sync-promise-executor.md',
    picture: 'wrapping is not offloading',
  },
  check(context) {
    for (const fn of context.model.functions) {
      for (const node of fn.sites.promiseConstructors) checkPromise(context, fn, node);
    }
  },
});

function checkPromise(context: RuleContext, fn: FunctionInfo, node: TSESTree.NewExpression): void {
  const executor = node.arguments[0];
  if (!isCallable(executor) || executor.async || executor.generator) return;
  const names = settleNames(executor);
  if (!names) return;
  const info = functionOf(context.model, executor);
  // I/O, timers, workers, handlers: the executor starts something that finishes later.
  if (!info || info.summary.waitsOnIo || info.summary.usesWorkers || info.summary.interleaves) return;
  if (!settlesOnlySynchronously(executor, names)) return;
  if (onlySettles(executor, names)) return;
  // `resolve(nextStep())` adopts whatever nextStep returns: if that may be a promise, the wrapper settles later.
  if (resolvesWithPossiblePromise(context.model, executor)) return;
  const where = fn.kind === 'module' ? 'at the top level' : fn.isHandler ? 'in this handler' : isContextName(fn.name) ? 'in this callback' : `in \`${fn.name}\``;
  const instead = info.summary.blocks ? 'use the non-blocking API instead (fs/promises, async crypto/zlib)' : 'give CPU-heavy work to a worker';
  context.report({
    fn,
    span: headSpan(context, node),
    message: `This \`new Promise\` ${where} is settled by synchronous work: its executor runs right now on this thread, before the promise is even returned, so the wrapper moves nothing off the thread. Return the value (or Promise.resolve(value)) instead, and ${instead}.`,
  });
}

/** The executor's `resolve` and `reject` names; null when they are destructured or missing. */
function settleNames(executor: Callable): Set<string> | null {
  const [resolve, reject] = executor.params;
  if (!resolve || resolve.type !== T.Identifier) return null;
  if (reject && reject.type !== T.Identifier) return null;
  if (executor.params.length > 2) return null;
  return new Set(reject ? [resolve.name, reject.name] : [resolve.name]);
}

/**
 * True when resolve/reject are called at least once directly in the executor's
 * body and never used any other way (passed, stored, bound, or touched inside a
 * nested function, where they would run later).
 */
function settlesOnlySynchronously(executor: Callable, names: Set<string>): boolean {
  let calls = 0;
  let escapes = false;
  walkLocal(executor, (node, parent) => {
    if (node === executor.params[0] || node === executor.params[1]) return false;
    if (node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression || node.type === T.FunctionDeclaration) {
      if (mentions(node, names)) escapes = true;
      return false;
    }
    if (node.type !== T.Identifier || !names.has(node.name) || !isReference(node, parent)) return true;
    if (parent.type === T.CallExpression && parent.callee === node) calls++;
    else escapes = true;
    return true;
  });
  return calls > 0 && !escapes;
}

/** Any reference to one of the names inside `root` (a nested function). */
function mentions(root: TSESTree.Node, names: Set<string>): boolean {
  let found = false;
  walkLocal(root, (node, parent) => {
    if (node.type === T.Identifier && names.has(node.name) && isReference(node, parent)) found = true;
    return !found;
  }, true);
  return found;
}

/** `obj.resolve` and `{ resolve: 1 }` name a property, not the variable. */
function isReference(node: TSESTree.Identifier, parent: TSESTree.Node): boolean {
  if (parent.type === T.MemberExpression && parent.property === node && !parent.computed) return false;
  if ((parent.type === T.Property || parent.type === T.PropertyDefinition || parent.type === T.MethodDefinition) && parent.key === node && !parent.computed) {
    return parent.type === T.Property && parent.shorthand;
  }
  return true;
}

/** The executor does nothing but settle with values that are already there. */
function onlySettles(executor: Callable, names: Set<string>): boolean {
  const settle = (expr: TSESTree.Node | null | undefined): boolean => {
    if (!expr) return true;
    const e = unwrap(expr);
    return e.type === T.CallExpression && e.callee.type === T.Identifier && names.has(e.callee.name) && e.arguments.every(cheap);
  };
  const statement = (s: TSESTree.Statement): boolean => {
    switch (s.type) {
      case T.ExpressionStatement:
        // A default filled in on the way (`params.version ??= '5.1'`, `opts.x = 1`) is no work to move either.
        if (s.expression.type === T.AssignmentExpression) return cheap(s.expression.left) && cheap(s.expression.right);
        return settle(s.expression);
      case T.ThrowStatement:
        // A throw in the executor rejects the promise: a validation that turns its failure into a rejection.
        return cheap(s.argument);
      case T.ReturnStatement:
        return settle(s.argument);
      case T.IfStatement:
        return cheap(s.test) && statement(s.consequent) && (!s.alternate || statement(s.alternate));
      case T.BlockStatement:
        return s.body.every(statement);
      case T.EmptyStatement:
        return true;
      default:
        return false;
    }
  };
  return executor.body.type === T.BlockStatement ? executor.body.body.every(statement) : settle(executor.body);
}

/** A value computed without calling anything (an Error object counts as ready). */
function cheap(expr: TSESTree.Node | null): boolean {
  if (!expr) return true;
  const e = unwrap(expr);
  switch (e.type) {
    case T.Literal:
    case T.Identifier:
    case T.ThisExpression:
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
      return true;
    case T.TemplateLiteral:
      return e.expressions.every(cheap);
    case T.MemberExpression:
      return cheap(e.object) && (!e.computed || cheap(e.property));
    case T.SpreadElement:
      return cheap(e.argument);
    case T.ArrayExpression:
      return e.elements.every(cheap);
    case T.ObjectExpression:
      return e.properties.every((p) => (p.type === T.SpreadElement ? cheap(p.argument) : (!p.computed || cheap(p.key)) && cheap(p.value)));
    case T.UnaryExpression:
      return cheap(e.argument);
    case T.BinaryExpression:
    case T.LogicalExpression:
      return cheap(e.left) && cheap(e.right);
    case T.ConditionalExpression:
      return cheap(e.test) && cheap(e.consequent) && cheap(e.alternate);
    case T.NewExpression: {
      // `new Error(…)`, `new Parse.Error(…)`, `new errors.NotFoundError(…)`.
      const callee = unwrap(e.callee);
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier ? callee.property.name : '';
      return /Error$/.test(name) && e.arguments.every(cheap);
    }
    default:
      return false;
  }
}

/** Some `resolve(x)` whose value may be a promise (a call we cannot prove synchronous, or a variable set from one). */
function resolvesWithPossiblePromise(model: Model, executor: Callable): boolean {
  const resolveName = (executor.params[0] as TSESTree.Identifier).name;
  const initOf = new Map<string, TSESTree.Expression>();
  const values: TSESTree.Node[] = [];
  walkLocal(executor, (node) => {
    if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && node.init) initOf.set(node.id.name, node.init);
    if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === resolveName && node.arguments[0]) values.push(node.arguments[0]);
  });
  const index = modelIndex(model);
  const knownSync = (call: TSESTree.CallExpression | TSESTree.NewExpression): boolean => {
    if (call.type === T.NewExpression) return !(call.callee.type === T.Identifier && call.callee.name === 'Promise');
    const site = index.siteByNode.get(call)?.site;
    const category = apiInfo(site?.api ?? null)?.category;
    if (category === 'heavy' || category === 'blocking' || category === 'cores' || isPlainValueApi(site?.api)) return true;
    if (site?.calleeId != null) {
      const callee = model.functions[site.calleeId];
      return !callee.async && callee.sites.promiseConstructors.length === 0 && !callee.summary.waitsOnIo && !callee.summary.interleaves && !callee.summary.usesWorkers;
    }
    return isPlainValueMethod(propertyName(call.callee));
  };
  const seen = new Set<string>();
  const mayBePromise = (expr: TSESTree.Node): boolean => {
    const e = unwrap(expr);
    if (e.type === T.ConditionalExpression) return mayBePromise(e.consequent) || mayBePromise(e.alternate);
    if (e.type === T.LogicalExpression) return mayBePromise(e.left) || mayBePromise(e.right);
    if (e.type === T.CallExpression || e.type === T.NewExpression) return !knownSync(e);
    if (e.type === T.Identifier && initOf.has(e.name) && !seen.has(e.name)) {
      seen.add(e.name);
      return mayBePromise(initOf.get(e.name)!);
    }
    return false;
  };
  return values.some(mayBePromise);
}

/** `new Promise`: from `new` to the end of `Promise`. */
function headSpan(context: RuleContext, node: TSESTree.NewExpression): Span {
  const start = context.spanOf(node);
  const end = context.spanOf(node.callee);
  return { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn, start: start.start, end: end.end };
}
