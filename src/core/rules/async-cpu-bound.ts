/**
 * An async function whose work is CPU-bound and never really waits: `async`
 * only changes what it returns, the computation still runs on the caller's
 * thread, start to finish, before anything else can. Also catches an async
 * function whose only awaits are on such local functions.
 */
import { cpuWork, type HeavySite } from '../facts/cpuWork';
import { ancestors, asyncHeadSpan, exported } from '../facts/threadContext';
import type { FunctionInfo, Model } from '../model/types';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { defineRule, type RelatedSpan } from './ruleTypes';
import { isContextName } from '../naming';

export const asyncCpuBound = defineRule({
  meta: {
    id: 'async-cpu-bound',
    description: 'An async function whose work is CPU-bound and never waits: async adds no speed, the computation still runs on this thread.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/async-cpu-bound.md',
    picture: 'async adds no speed to computation',
  },
  check(context) {
    const work = cpuWork(context.model);
    for (const fn of context.model.functions) {
      const site = work.asyncCpuBoundSite(fn);
      if (!site) continue;
      const name = isContextName(fn.name) ? 'This function' : `\`${fn.name}\``;
      const helper = displayName(site);
      const through = site.via.length === 0 ? '' : helper ? ` (through \`${helper}\`)` : ' (through a callback)';
      context.report({
        fn,
        span: asyncHeadSpan(context.model, fn),
        message:
          `${name} is async but only computes${through}: async does not make computation faster, it still runs on this thread and holds it until done. ` +
          'Move the work to a worker (worker_threads, piscina) to use another core, or drop `async`.',
        related: related(site),
        // An exported function or a public method may be async by contract (an interface, a base class, callers that
        // expect a promise): then `async` is not the belief this rule is about, and the verdict is only likely.
        lowerSeverity: heldToContract(context.model, fn),
      });
    }
  },
});

function displayName(site: HeavySite): string | null {
  return site.via.find((f) => !isContextName(f.name))?.name ?? null;
}

/** The call that leads to the work (when it is in a helper), then the work itself. */
function related(site: HeavySite): RelatedSpan[] {
  const out: RelatedSpan[] = [];
  if (site.via.length > 0) out.push({ span: site.span, message: `calls ${displayName(site) ?? 'a callback'}, which does CPU work on this thread` });
  out.push({ span: site.origin.span, message: `CPU-bound work: ${site.origin.label}` });
  return out;
}

/** Public to code this file cannot see: an exported function, or a method that is not private. */
function heldToContract(model: Model, fn: FunctionInfo): boolean {
  const method = fn.node.parent;
  if (method?.type === T.MethodDefinition) return method.accessibility !== 'private' && method.key.type !== T.PrivateIdentifier;
  return exported(model, ancestors(model.ast, fn.node), fn.name.replace(/^.*\./, ''));
}
