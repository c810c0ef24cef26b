/**
 * An await inside a loop over independent items: each wait starts only after the
 * previous one ends. The hard part is staying silent on loops that are sequential
 * on purpose (retries, polling, pagination, accumulators, early exits, locks,
 * streams): the checks below each name one such shape.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { AwaitSite, FunctionInfo, LoopNode, Model, Span } from '../model/types';
import { defineRule, type RuleContext } from './ruleTypes';
import { isOrdered, overlapEvidence } from '../facts/overlap';
import { awaitLoopFix } from '../fixes/awaitLoopFix';
import { actionName, containsNode, isFunctionNode, isReference, isSleep, patternNames, shortText, unwrap, walk } from '../facts/waits';
import { splitLines } from '../lines';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;

/** Awaited methods that are one-at-a-time by nature: locks, stream reads, prompts, ordered writes, one browser page, module loading. */
const SEQUENTIAL_METHODS = /^(acquire|lock|runExclusive|read|readLine|readline|next|question|prompt|take|receive|recv|dequeue|write|writeln|appendFile|send|pull|goto|click|dblclick|tap|type|fill|press|hover|select|down|up|move|scroll|drag\w*|waitFor\w*|require\w*|import\w*)$/;
/** Collections whose items are steps of one pipeline, run in order on purpose (the name's last word: `pendingMigrations`, not `webhooks`). */
const ORDERED_COLLECTIONS = /^(migration|step|stage|phase|middleware|hook|plugin|command|seed|script|pipeline|listener|handler|callback|subscriber|interceptor|observer)s?$/i;
const BEGIN_TRANSACTION = /['"`]\s*(BEGIN|START TRANSACTION)\b/i;
const RETRY_COUNTER = /^(attempts?|retr(y|ies)|tries|tr(y|ies)Count|round)$/i;
const MUTATORS = new Set(['push', 'unshift', 'set', 'add', 'delete', 'splice', 'pop', 'shift', 'clear', 'sort', 'reverse', 'fill']);
const EXIT_TYPES = new Set<string>([T.ReturnStatement, T.ThrowStatement, T.YieldExpression]);
const AWAIT = new Set<string>([T.AwaitExpression]);

export const awaitInLoop = defineRule({
  meta: {
    id: 'await-in-loop',
    description: 'An await inside a loop over independent items: each wait starts only after the previous one ends.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/await-in-loop.md',
    picture: 'waits that could overlap',
  },
  check(context) {
    for (const fn of context.model.functions) {
      if (!fn.sites.awaits.some((a) => a.loops.length > 0)) continue;
      const reported: LoopNode[] = [];
      for (const loop of fn.sites.loops) {
        // One finding per loop nest: fixing the outer loop changes the inner one anyway.
        if (reported.some((outer) => outer.range[0] <= loop.range[0] && loop.range[1] <= outer.range[1])) continue;
        const first = firstIndependentAwait(context.model, fn, loop);
        if (!first) continue;
        reported.push(loop);
        const callee = shortText(context.model, unwrap(first.argument));
        context.report({
          fn,
          span: context.spanOf(first),
          message: `\`await ${callee}\` runs once per item and each wait starts only when the previous one ends, although the items are independent: these waits could overlap instead of adding up. Start them together with Promise.all (with a limit such as p-limit for long lists).`,
          related: [{ span: loopHead(context, loop), message: 'the loop that makes these waits happen one after another' }],
          fixes: awaitLoopFix(context.model, fn, loop),
        });
      }
    }
  },
});

/** The loop's head, `for (const x of xs)`, without its body. */
function loopHead(context: RuleContext, loop: LoopNode): Span {
  const whole = context.spanOf(loop);
  let end = loop.body.range[0];
  while (end > loop.range[0] && /\s/.test(context.model.text[end - 1])) end--;
  const before = context.model.text.slice(loop.range[0], end);
  const lines = splitLines(before); // the editor's line breaks, a lone \r included
  const endLine = whole.line + lines.length - 1;
  const endColumn = lines.length === 1 ? whole.column + before.length : lines[lines.length - 1].length + 1;
  return { ...whole, endLine, endColumn, end };
}

/** The first await in the loop's body that waits on I/O, or null when the loop looks sequential on purpose. */
function firstIndependentAwait(model: Model, fn: FunctionInfo, loop: LoopNode): TSESTree.AwaitExpression | null {
  if (loop.type !== T.ForOfStatement && loop.type !== T.ForInStatement && loop.type !== T.ForStatement) return null; // while/do: polling, retries, queues
  if (loop.type === T.ForOfStatement && loop.await) return null;
  const body = loop.body;
  const inside: AwaitSite[] = fn.sites.awaits.filter((a) => a.loops.includes(loop));
  // `for await` inside, or an await in a for's test/update: the loop is driven by the waits.
  if (inside.some((a) => a.node.type !== T.AwaitExpression || !within(a.node, body))) return null;
  const loopVars = loopVariables(loop);
  if (!loopVars) return null;
  if (loop.type === T.ForOfStatement && ORDERED_COLLECTIONS.test(lastWord(collectionName(loop.right)))) return null;

  let first: TSESTree.AwaitExpression | null = null;
  for (const site of inside) {
    const awaitNode = site.node as TSESTree.AwaitExpression;
    const operand = unwrap(awaitNode.argument);
    if (isSleep(model, fn, operand)) return null; // polling or back-off
    if (operand.type !== T.CallExpression) continue; // awaiting a promise started earlier: already overlapping
    const name = actionName(operand);
    if (name && SEQUENTIAL_METHODS.test(name)) return null;
    // One transaction, connection or session runs its queries one at a time anyway; so do hooks and module loading.
    if (isOrdered(model, fn, operand)) return null;
    const path = operand.callee.type === T.MemberExpression ? model.text.slice(operand.callee.range[0], operand.callee.range[1]) : '';
    if (/^Promise\.(all|allSettled|race|any)$/.test(path)) return null; // batches: already chunked on purpose
    // Only a wait something says is real (a known I/O API, or a callee whose summary waits) is worth overlapping,
    // and running the iterations together overlaps every wait of the body: one the analyzer cannot vouch for (an
    // unknown call, a prompt, a read-modify-write of a shared file) leaves the iterations unproven independent.
    if (!overlapEvidence(model, fn, operand)) {
      // `(await fetchOk(url)).text()`: reading what an awaited call returned is part of that wait, judged on its own.
      if (containsNode(operand, AWAIT)) continue;
      return null;
    }
    if (!first || awaitNode.range[0] < first.range[0]) first = awaitNode;
  }
  if (!first) return null;
  if (BEGIN_TRANSACTION.test(model.text.slice(fn.node.range[0], fn.node.range[1]))) return null;
  if (exitsOrRetries(body)) return null;
  if (!usesAny(body, loopVars)) return null; // the same thing N times, not a loop over items
  if (carriesState(loop, body, loopVars)) return null;
  return first;
}

function within(node: Node, container: Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** Names the loop binds per iteration, or null when it is not a loop over items (a retry counter, `for (;;)`). */
function loopVariables(loop: LoopNode): string[] | null {
  if (loop.type === T.ForOfStatement || loop.type === T.ForInStatement) {
    const left = loop.left;
    return left.type === T.VariableDeclaration ? left.declarations.flatMap((d) => patternNames(d.id)) : patternNames(left);
  }
  if (loop.type !== T.ForStatement || !loop.init || !loop.test || !loop.update) return null;
  let index: string | null = null;
  if (loop.init.type === T.VariableDeclaration && loop.init.declarations.length === 1 && loop.init.declarations[0].id.type === T.Identifier) index = loop.init.declarations[0].id.name;
  else if (loop.init.type === T.AssignmentExpression && loop.init.left.type === T.Identifier) index = loop.init.left.name;
  if (!index || RETRY_COUNTER.test(index)) return null;
  const update = loop.update;
  const steps =
    (update.type === T.UpdateExpression && update.argument.type === T.Identifier && update.argument.name === index) ||
    (update.type === T.AssignmentExpression && update.left.type === T.Identifier && update.left.name === index && (update.operator === '+=' || update.operator === '-='));
  return steps && referencedNamesLocal(loop.test).has(index) ? [index] : null;
}

function lastWord(name: string): string {
  const words = name.split(/_|(?=[A-Z])/).filter(Boolean);
  return words.length ? words[words.length - 1] : '';
}

function collectionName(expr: Node): string {
  const node = unwrap(expr);
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.MemberExpression && node.property.type === T.Identifier) return node.property.name;
  if (node.type === T.CallExpression) {
    const callee = node.callee;
    // Object.entries(steps) names `steps`; steps.filter(f) names `steps` too.
    if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && /^(Object|Array)$/.test(callee.object.name) && node.arguments[0]) return collectionName(node.arguments[0]);
    return collectionName(callee.type === T.MemberExpression ? callee.object : callee);
  }
  return '';
}

/**
 * Return, throw, yield, a break out of this loop, or a catch that skips or
 * retries: the loop stops or changes course on what it awaited.
 */
function exitsOrRetries(body: Node): boolean {
  let found = false;
  const visit = (node: Node, breakable: boolean): void => {
    if (found) return;
    if (isFunctionNode(node)) return;
    if (EXIT_TYPES.has(node.type)) { found = true; return; }
    if (node.type === T.BreakStatement && (node.label || !breakable)) { found = true; return; }
    if (node.type === T.TryStatement && node.handler && containsAny(node.handler.body, ['ContinueStatement', 'BreakStatement', 'ReturnStatement', 'ThrowStatement', 'AwaitExpression'])) { found = true; return; }
    const nested = breakable || node.type === T.SwitchStatement || node.type === T.ForStatement || node.type === T.ForOfStatement || node.type === T.ForInStatement || node.type === T.WhileStatement || node.type === T.DoWhileStatement;
    walk(node, (child, parent) => {
      if (parent === null) return true; // the node itself
      visit(child, nested);
      return false;
    }, false);
  };
  visit(body, false);
  return found;
}

function containsAny(node: Node, types: string[]): boolean {
  return containsNode(node, new Set(types));
}

function usesAny(body: Node, names: string[]): boolean {
  const used = referencedNamesLocal(body);
  return names.some((n) => used.has(n));
}

function referencedNamesLocal(node: Node): Set<string> {
  const names = new Set<string>();
  walk(node, (n, parent) => {
    if (n.type === T.Identifier && isReference(n, parent)) names.add(n.name);
  });
  return names;
}

/**
 * Whether one iteration hands state to the next: a variable from outside the
 * loop that is written inside and also read inside (a cursor, `acc = await
 * step(acc)`, a `seen` set), or assigned or accumulated from an awaited value.
 * Only writing (`out.push(x)`, `results[i] = x`, `count++`) is fine.
 */
function carriesState(loop: LoopNode, body: Node, loopVars: string[]): boolean {
  const local = new Set(loopVars);
  walk(body, (n) => {
    if (n.type === T.VariableDeclarator) patternNames(n.id).forEach((name) => local.add(name));
    if (n.type === T.FunctionDeclaration && n.id) local.add(n.id.name);
  });
  // Locals computed from an awaited value carry that wait.
  const awaited = new Set<string>();
  walk(body, (n) => {
    if (n.type === T.VariableDeclarator && n.init && (containsNode(n.init, AWAIT) || mentions(n.init, awaited))) patternNames(n.id).forEach((name) => awaited.add(name));
  }, false);
  const writes = new Map<string, number>(); // outer name -> references that are writes
  let carried = false;
  walk(body, (n) => {
    if (carried) return false;
    if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
      const target = n.type === T.AssignmentExpression ? n.left : n.argument;
      const root = rootName(target);
      if (!root || local.has(root)) return;
      writes.set(root, (writes.get(root) ?? 0) + 1);
      const value = n.type === T.AssignmentExpression ? n.right : null;
      const fromWait = !!value && (containsNode(value, AWAIT) || mentions(value, awaited));
      const direct = target.type === T.Identifier;
      const compound = n.type === T.UpdateExpression || (n.type === T.AssignmentExpression && n.operator !== '=');
      if (fromWait && (direct || compound)) carried = true; // `last = await f()`, `total += await f(x)`, `acc = await step(acc)`
    }
    if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && n.callee.property.type === T.Identifier && MUTATORS.has(n.callee.property.name)) {
      const root = rootName(n.callee.object);
      if (root && !local.has(root)) writes.set(root, (writes.get(root) ?? 0) + 1);
    }
    return true;
  });
  if (carried) return true;
  if (writes.size === 0) return false;
  // A written outer name that is also read elsewhere in the loop: the next iteration sees this one's result.
  const reads = new Map<string, number>();
  // The whole loop: a worklist (`for (const x of queue) queue.push(...)`) reads in the head.
  walk(loop, (n, parent) => {
    if (n.type === T.Identifier && isReference(n, parent) && writes.has(n.name)) reads.set(n.name, (reads.get(n.name) ?? 0) + 1);
  });
  for (const [name, count] of writes) if ((reads.get(name) ?? 0) > count) return true;
  return false;
}

/** `x`, `x.a.b`, `x[i]` -> `x`. */
function rootName(node: Node): string | null {
  let current = unwrap(node);
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  return current.type === T.Identifier ? current.name : null;
}

function mentions(node: Node, names: Set<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  walk(node, (n, parent) => {
    if (n.type === T.Identifier && isReference(n, parent) && names.has(n.name)) found = true;
    return !found;
  });
  return found;
}

