/**
 * forEach (or a predicate API) given an async callback.
 *
 * `forEach` ignores what its callback returns, so the promise of each async
 * call is dropped: the items interleave, nothing after the call waits for them
 * and rejections go unhandled. `filter`/`some`/`every`/`find`/`findIndex` read
 * the return value as a boolean, and a promise is always truthy.
 *
 * The finding spans `items.forEach(async`: from the start of the call through
 * the `async` keyword (or through the function's name when it is passed by
 * reference), so a long callback body is not underlined.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { CallSite, FunctionInfo, Model, Span } from '../model/types';
import type { QuickFix } from '../reportTypes';
import { boundNames, findBinding, isCallable, modelIndex, propertyName, unwrap, walkLocal, type Callable } from '../facts/callbacks';
import { defineRule, type RuleContext } from './ruleTypes';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** What each predicate API turns into when every callback result is a (truthy) promise. */
const PREDICATES: Record<string, string> = {
  filter: 'every item is kept',
  some: 'it is true for any non-empty list',
  every: 'it is always true',
  find: 'it returns the first item, whatever the check says',
  findLast: 'it returns the last item, whatever the check says',
  findIndex: 'it returns 0 for any non-empty list',
  findLastIndex: 'it returns the last index for any non-empty list',
};

/** Node streams' forEach/filter/some/... do await async callbacks, so a receiver that looks like one is left alone. */
const STREAM_LIKE = /stream|readable/i;

export const asyncForeach = defineRule({
  meta: {
    id: 'async-foreach',
    description: 'forEach (or filter/some/every/find) given an async callback: the promises are dropped or read as true.',
    defaultSeverity: 'error',
    docs: 'docs/rules/async-foreach.md',
    picture: 'promises dropped',
  },
  check(context) {
    for (const fn of context.model.functions) {
      for (const site of fn.sites.calls) checkSite(context, fn, site);
    }
  },
});

function checkSite(context: RuleContext, fn: FunctionInfo, site: CallSite): void {
  const call = site.node;
  if (call.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return;
  const method = propertyName(call.callee);
  if (!method || (method !== 'forEach' && !Object.hasOwn(PREDICATES, method))) return;
  const callback = asyncCallback(context.model, call.arguments[0]);
  if (!callback) return;
  const receiver = call.callee.object;
  const receiverText = context.textOf(receiver);
  if (STREAM_LIKE.test(receiverText)) return;
  // `filter`, `some`, `find`… are everyday method names: only an array's own read the callback's result as a boolean.
  if (method !== 'forEach' && knownCollection(context.model, fn, receiver, 0) !== 'array') return;
  const flat = receiverText.replace(/\s+/g, ' ');
  const shown = flat.length > 30 ? `${flat.slice(0, 29)}…` : flat;
  const arg = call.arguments[0];
  const what = isCallable(arg) ? 'an async callback' : `the async function \`${(arg as TSESTree.Identifier).name}\``;
  const span = findingSpan(context, call, arg, isCallable(arg));
  if (method === 'forEach') {
    const awaitedNote = site.awaited ? ' (the `await` in front waits for nothing: forEach returns undefined)' : '';
    context.report({
      fn,
      span,
      message: `\`${shown}.forEach\` drops the promise ${what} returns${awaitedNote}: the items run interleaved, nothing after this line waits for them, and a rejection goes unhandled. Use for…of with await to run them one at a time, or map them to promises and await Promise.all to overlap the waits.`,
      fixes: forEachFixes(context, fn, call, arg),
    });
    return;
  }
  context.report({
    fn,
    span,
    message: `\`${shown}.${method}\` reads its callback's result as true or false, but ${what} returns a promise, which is always truthy: ${PREDICATES[method]}. Await the checks first (const ok = await Promise.all(${shown}.map(check))), then ${method} on ok[i].`,
  });
}

/** An inline async function, or a reference to a local async function (not a parameter that happens to share its name). */
function asyncCallback(model: Model, arg: TSESTree.Node | undefined): Callable | TSESTree.Identifier | null {
  if (!arg) return null;
  if (isCallable(arg)) return arg.async ? arg : null;
  if (arg.type !== T.Identifier) return null;
  const local = modelIndex(model).fnByName.get(arg.name);
  if (!local?.async) return null;
  const binding = findBinding(arg.name, arg);
  const declared = binding && (binding.kind === 'function' || (binding.init !== null && unwrap(binding.init) === local.node));
  return declared ? arg : null;
}

/** `items.forEach(async`: from the call's start to the end of `async` (or of the function's name). */
function findingSpan(context: RuleContext, call: TSESTree.Node, arg: TSESTree.Node, inline: boolean): Span {
  const from = context.spanOf(call);
  const to = context.spanOf(arg);
  if (!inline) return { ...from, endLine: to.endLine, endColumn: to.endColumn, end: to.end };
  const keyword = 'async'.length;
  return { ...from, endLine: to.line, endColumn: to.column + keyword, end: to.start + keyword };
}

/** Quick fixes for a `xs.forEach(cb);` statement inside an async function whose receiver is known to be an array. */
function forEachFixes(context: RuleContext, fn: FunctionInfo, call: TSESTree.CallExpression, arg: TSESTree.Node): QuickFix[] {
  const { model } = context;
  // `await` must stay legal where the rewrite puts it; top-level await depends on the module system, so not there.
  if (!fn.async || fn.kind === 'module' || call.optional || (call.callee as TSESTree.MemberExpression).optional) return [];
  const parent = call.parent;
  const awaitedStatement = parent?.type === T.AwaitExpression ? parent.parent : undefined;
  const statement = parent?.type === T.ExpressionStatement ? parent : awaitedStatement?.type === T.ExpressionStatement ? awaitedStatement : null;
  if (!statement) return [];
  const receiver = (call.callee as TSESTree.MemberExpression).object;
  const kind = knownCollection(model, fn, receiver, 0);
  if (!kind) return [];
  // for…of rebuilds the statement: a comment outside the callback body would be lost (Promise.all only inserts text).
  const body = isCallable(arg) ? arg.body : null;
  const outside = model.comments.some((c) => c.range[0] >= statement.range[0] && c.range[1] <= statement.range[1] && !(body && c.range[0] >= body.range[0] && c.range[1] <= body.range[1]));

  const fixes: QuickFix[] = [];
  const forOf = outside ? null : forOfText(context, statement, receiver, arg);
  if (forOf) fixes.push({ title: 'Rewrite as for…of (one at a time, keeps order)', isPreferred: true, edits: [{ start: statement.range[0], end: statement.range[1], newText: forOf }] });
  if (kind === 'array') {
    const property = (call.callee as TSESTree.MemberExpression).property;
    fixes.push({
      title: 'Rewrite with Promise.all(map) (overlaps the waits)',
      isPreferred: false,
      edits: [
        { start: call.range[0], end: call.range[0], newText: parent?.type === T.AwaitExpression ? 'Promise.all(' : 'await Promise.all(' },
        { start: property.range[0], end: property.range[1], newText: 'map' },
        { start: call.range[1], end: call.range[1], newText: ')' },
      ],
    });
  }
  return fixes;
}

/**
 * `for (const x of xs) { BODY }` for `xs.forEach(async (x) => { BODY })`, or
 * null when the body would change meaning inside a loop: a second parameter, a
 * `return`, `var` or function declarations (their scope changes), `this` or
 * `arguments` of a function expression, or a loop variable the receiver reads.
 */
function forOfText(context: RuleContext, statement: TSESTree.Node, receiver: TSESTree.Expression, arg: TSESTree.Node): string | null {
  if (!isCallable(arg) || arg.generator || arg.params.length !== 1) return null;
  const param = arg.params[0];
  if (param.type !== T.Identifier && param.type !== T.ObjectPattern && param.type !== T.ArrayPattern) return null;
  if (param.type === T.Identifier && param.optional) return null;
  const receiverText = context.textOf(receiver);
  if (boundNames(param).some((name) => new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(receiverText))) return null;
  let unsafe = false;
  walkLocal(arg, (node) => {
    if (node.type === T.ReturnStatement || node.type === T.FunctionDeclaration || (node.type === T.VariableDeclaration && node.kind === 'var')) unsafe = true;
  });
  if (arg.type === T.FunctionExpression) {
    // Its own `this`/`arguments` (also read from nested arrows) would become the enclosing function's.
    walkLocal(arg, (node) => {
      if (node.type === T.ThisExpression || node.type === T.MetaProperty || (node.type === T.Identifier && node.name === 'arguments')) unsafe = true;
      return node.type !== T.FunctionExpression && node.type !== T.FunctionDeclaration;
    }, true);
  }
  if (unsafe) return null;

  const text = context.model.text;
  const paramText = param.typeAnnotation ? text.slice(param.range[0], param.typeAnnotation.range[0]).trimEnd() : context.textOf(param);
  const receiverCode = unwrap(receiver).type === T.SequenceExpression ? `(${receiverText})` : receiverText;
  let bodyText: string;
  if (arg.body.type === T.BlockStatement) bodyText = context.textOf(arg.body);
  else {
    const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, statement.range[0]))![0];
    const unit = indent.includes('\t') ? '\t' : '  ';
    const expr = arg.body;
    const simple = expr.type === T.AwaitExpression || expr.type === T.CallExpression || expr.type === T.Identifier || expr.type === T.MemberExpression || expr.type === T.NewExpression;
    const awaited = expr.type === T.AwaitExpression ? context.textOf(expr) : `await ${simple ? context.textOf(expr) : `(${context.textOf(expr)})`}`;
    bodyText = `{\n${indent}${unit}${awaited};\n${indent}}`;
  }
  return `for (const ${paramText} of ${receiverCode}) ${bodyText}`;
}

type Collection = 'array' | 'set' | 'map';
const ARRAY_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'toSpliced', 'split', 'sort', 'reverse']);
const ARRAY_APIS = new Set(['fs/promises.readdir', 'fs.readdirSync']);

/** What the receiver is, when the syntax (a literal, a constructor, an annotation) says so. */
function knownCollection(model: Model, fn: FunctionInfo, expr: TSESTree.Node, depth: number): Collection | null {
  if (depth > 4) return null;
  const e = unwrap(expr);
  switch (e.type) {
    case T.ArrayExpression:
      return 'array';
    case T.NewExpression:
      if (e.callee.type !== T.Identifier) return null;
      return e.callee.name === 'Array' ? 'array' : e.callee.name === 'Set' ? 'set' : e.callee.name === 'Map' ? 'map' : null;
    case T.AwaitExpression:
    case T.CallExpression: {
      const inner = e.type === T.AwaitExpression ? unwrap(e.argument) : e;
      if (inner.type !== T.CallExpression) return null;
      const api = modelIndex(model).siteByNode.get(inner)?.site.api;
      if (api && ARRAY_APIS.has(api)) return 'array';
      if (e.type === T.AwaitExpression || inner.callee.type !== T.MemberExpression) return null;
      const method = propertyName(inner.callee);
      const object = unwrap(inner.callee.object);
      if (object.type === T.Identifier && ((object.name === 'Array' && (method === 'from' || method === 'of')) || (object.name === 'Object' && /^(keys|values|entries)$/.test(method ?? '')))) return 'array';
      return method && ARRAY_METHODS.has(method) && !STREAM_LIKE.test(model.text.slice(object.range[0], object.range[1])) ? 'array' : null;
    }
    case T.Identifier: {
      const binding = findBinding(e.name, e);
      if (!binding) return null;
      if (binding.type) return typeCollection(binding.type);
      return binding.init ? knownCollection(model, fn, binding.init, depth + 1) : null;
    }
    default:
      return null;
  }
}

function typeCollection(type: TSESTree.TypeNode): Collection | null {
  if (type.type === T.TSArrayType || type.type === T.TSTupleType) return 'array';
  if (type.type === T.TSTypeOperator && type.operator === 'readonly' && type.typeAnnotation) return typeCollection(type.typeAnnotation);
  if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier) {
    const name = type.typeName.name;
    if (name === 'Array' || name === 'ReadonlyArray') return 'array';
    if (name === 'Set' || name === 'ReadonlySet') return 'set';
    if (name === 'Map' || name === 'ReadonlyMap') return 'map';
  }
  return null;
}
