/**
 * A call whose promise is dropped on the floor: not awaited, returned, stored,
 * chained or `void`-ed. Nobody learns when it finishes or whether it failed.
 * Only calls we know return a promise count: local async functions (and async
 * IIFEs) and promise APIs (fetch, fs/promises, timers/promises, HTTP clients).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { apiInfo } from '../knowledge/category';
import type { CallSite, FunctionInfo, Model } from '../model/types';
import type { QuickFix } from '../reportTypes';
import { settlesAtOnce } from '../facts/effects';
import { cannotReject } from '../facts/rejection';
import { outcomeByEvent } from '../facts/outcomeByEvent';
import { defineRule } from './ruleTypes';
import { isFunctionNode, resolvedCallee, shortText, unwrap } from '../facts/waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** Modules whose functions all return promises. */
const PROMISE_MODULES = /^(fs\/promises|dns\/promises|stream\/promises|readline\/promises|timers\/promises|crypto\.subtle)\./;
/** Promise-returning APIs outside those modules (apis.ts names). */
const PROMISE_APIS = /^(fetch|node-fetch|undici\.(fetch|request)|axios(\.\w+)?|got(\.\w+)?|ky(\.\w+)?|events\.once|Promise\.(all|allSettled|race|any))$/;

export const floatingPromise = defineRule({
  meta: {
    id: 'floating-promise',
    description: 'A promise-returning call whose result is ignored: its errors and its ordering are lost.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/floating-promise.md',
    picture: 'errors and ordering lost',
  },
  check(context) {
    const { model } = context;
    for (const fn of model.functions) {
      // Module start-up: an unhandled rejection there stops the program with its error printed, which is the
      // right end for a script's `main()` and for a server that cannot start.
      if (fn.kind === 'module') continue;
      for (const site of fn.sites.calls) {
        if (!site.discarded || site.node.type !== T.CallExpression) continue;
        // `batch.process(items, work, (err) => …)`: a callback is handed the outcome, errors included (the callback
        // form of a promisified API); nothing is left floating however the function also returns a promise.
        if (takesCompletionCallback(site.node)) continue;
        const source = promiseSource(model, fn, site);
        if (!source) continue;
        const callee = unwrap((site.node as TSESTree.CallExpression).callee);
        const call = isFunctionNode(callee) ? `(async ${callee.type === T.ArrowFunctionExpression ? '() => { … }' : 'function () { … }'})()` : shortText(model, site.node);
        context.report({
          fn,
          span: context.spanOf(site.node),
          message: source.byEvent
            ? `\`${call}\` starts ${source.what} and nothing keeps the promise. It hands its outcome to listeners (it ends by emitting an event, or it listens to a stream for as long as it lasts), so running in the background may be intended; but if it fails before that, the rejection goes unhandled. Attach a .catch that reports the error.`
            : `\`${call}\` starts ${source.what} and nothing keeps the promise: the code after it runs before it has finished, and if it fails the rejection goes unhandled. Await it or return it; if running in the background is intended, attach a .catch that handles the error.`,
          fixes: fixFor(fn, site.node),
          // Starting a function that reports by events without keeping its promise is how it is meant to be used;
          // only a failure before its announcement is lost, which is likely rather than certain harm: strict only.
          lowerSeverity: source.byEvent,
        });
      }
    }
  },
});

interface PromiseSource {
  /** What the call starts, for the message. */
  what: string;
  /** The callee hands its outcome to listeners (facts/outcomeByEvent.ts). */
  byEvent: boolean;
}

/** What the call starts, or null when it is not known to return a promise that can reject. */
function promiseSource(model: Model, fn: FunctionInfo, site: CallSite): PromiseSource | null {
  const call = site.node as TSESTree.CallExpression;
  const callee = unwrap(call.callee);
  if (isFunctionNode(callee)) {
    // (async () => { ... })(): an async IIFE.
    // Read from the AST: the model may not build a function for an IIFE's callee.
    return callee.async && !callee.generator && !cannotReject(model, callee) ? { what: 'an async function', byEvent: false } : null;
  }
  if (site.external) {
    const effect = site.external.effect;
    if (!effect.returnsPromise || !effect.canReject || effect.settlesAtOnce) return null;
    return { what: `the async function ${site.external.name} (${site.external.file.slice(site.external.file.lastIndexOf('/') + 1)})`, byEvent: !!effect.outcomeByEvent };
  }
  if (site.calleeId !== null) {
    // Checked: the model matches by name, so `run()` or `this.save()` may name another function.
    const target = resolvedCallee(model, fn, site);
    if (!target || !target.async || target.generator || cannotReject(model, target.node) || settlesAtOnce(target)) return null;
    return { what: `the async function ${target.name.replace(/^.*\./, '')}`, byEvent: outcomeByEvent(target) };
  }
  const api = site.api;
  if (!api || !(PROMISE_MODULES.test(api) || PROMISE_APIS.test(api))) return null;
  const last = call.arguments[call.arguments.length - 1];
  if (last && isFunctionNode(last)) return null; // callback style: no promise
  const category = apiInfo(api)?.category;
  if (category === 'timer') return { what: 'a timer promise', byEvent: false };
  return { what: api.startsWith('Promise.') ? `a ${api} over several promises` : `an asynchronous ${api} call`, byEvent: false };
}

/** Inside an async function, `await` in front of the call is the plain fix. */
function fixFor(fn: FunctionInfo, call: TSESTree.CallExpression): QuickFix[] {
  if (!fn.async || fn.kind === 'module') return [];
  return [{ title: 'Await the promise', isPreferred: true, edits: [{ start: call.range[0], end: call.range[0], newText: 'await ' }] }];
}

/** The last argument is a function literal or a name that reads as a completion callback. */
function takesCompletionCallback(call: TSESTree.CallExpression): boolean {
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return false;
  if (last.type === T.Identifier) return /^(cb|callback|next|done|fn|cb\w+|\w*Callback)$/.test(last.name);
  // A one-argument call with a function is the work itself (`run(async () => …)`), not a completion callback.
  return call.arguments.length >= 2 && isFunctionNode(last) && !(last as { async?: boolean }).async;
}
