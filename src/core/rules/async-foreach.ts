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
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { CallSite, FunctionInfo, Model, Span } from '../model/types';
import { findBinding, isCallable, modelIndex, propertyName, unwrap, type Callable } from '../facts/callbacks';
import { collectionKind, STREAM_LIKE } from '../facts/collectionKind';
import { cannotReject } from '../facts/rejection';
import { forEachFixes } from '../fixes/forEachFix';
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
  if (method !== 'forEach' && collectionKind(context.model, receiver) !== 'array') return;
  const flat = receiverText.replace(/\s+/g, ' ');
  const shown = flat.length > 30 ? `${flat.slice(0, 29)}…` : flat;
  const arg = call.arguments[0];
  const what = isCallable(arg) ? 'an async callback' : `the async function \`${(arg as TSESTree.Identifier).name}\``;
  const span = findingSpan(context, call, arg, isCallable(arg));
  if (method === 'forEach') {
    const awaitedNote = site.awaited ? ' (the `await` in front waits for nothing: forEach returns undefined)' : '';
    // A callback that catches every error of its own cannot reject (the test floating-promise reads): only the
    // timing is lost, which is how a deliberate fan-out from a handler nobody waits on looks. Strict only.
    const body = isCallable(arg) ? arg : modelIndex(context.model).fnByName.get((arg as TSESTree.Identifier).name)?.node;
    const errorsCaught = !!body && cannotReject(context.model, body);
    const outcome = errorsCaught ? 'the items run interleaved and nothing after this line waits for them (its errors are caught inside, so only the timing is lost)' : 'the items run interleaved, nothing after this line waits for them, and a rejection goes unhandled';
    context.report({
      fn,
      span,
      message: `\`${shown}.forEach\` drops the promise ${what} returns${awaitedNote}: ${outcome}. Use for…of with await to run them one at a time, or map them to promises and await Promise.all to overlap the waits.`,
      fixes: forEachFixes(context.model, fn, call, arg),
      lowerSeverity: errorsCaught,
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
