/**
 * Consecutive awaits whose operands do not depend on each other:
 * `const a = await x(); const b = await y();` waits for x, then starts y.
 * Only declarations count (bare `await write(); await rename();` are usually
 * ordered side effects), and only reads: anything that looks like it changes
 * state (save, insert, send, POST...) keeps its place in the order.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, Model } from '../model/types';
import type { QuickFix } from '../reportTypes';
import { defineRule, type RuleContext } from './ruleTypes';
import { overlapEvidence } from '../facts/overlap';
import { actionName, containsNode, hasCommentIn, indentAt, isSleep, patternNames, referencedNames, shortText, unwrap } from '../facts/waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;

interface Step {
  declaration: TSESTree.VariableDeclaration;
  declarator: TSESTree.VariableDeclarator;
  awaitNode: TSESTree.AwaitExpression;
  call: TSESTree.CallExpression;
  names: string[];
}

/** Verbs of calls that change state: their order against other calls matters. camelCase-aware prefixes. */
const MUTATING = /^(save|insert|update|delete|del|remove|rm|rmdir|create|upsert|set|setup|put|post|patch|write|append|mkdir|mkdtemp|unlink|rename|copy|cp|move|mv|chmod|chown|utimes|symlink|link|truncate|send|publish|emit|dispatch|begin|start|commit|rollback|connect|disconnect|close|open|lock|unlock|acquire|release|login|logout|sign|register|init|initialize|migrate|seed|run|exec|execute|spawn|kill|push|pop|shift|unshift|enqueue|dequeue|destroy|drop|clear|reset|flush|sync|install|deploy|upload|incr|increment|decr|decrement|add|apply|submit|approve|cancel|charge|pay|refund|transfer|lpush|rpush|hset|hdel|sadd|srem|zadd|expire|invalidate|revoke|grant|mark|record|track|notify|subscribe|unsubscribe|listen|mount|unmount|ensure|make|prepare|refresh|reload|restart|stop)(?![a-z])/;
/** One-at-a-time by nature: each call takes the next item of a stream, a prompt, a queue. */
const SEQUENTIAL = /^(next|read|readLine|question|prompt|take|receive|recv|pull)$|^(ask|confirm|prompt)(?![a-z])/;
const WRITE_SQL = /^[\s(]*(insert|update|delete|create|drop|alter|begin|start|commit|rollback|truncate|grant|revoke|lock|set|merge|replace|call|exec|do|vacuum|savepoint|release)\b/i;
const AWAIT = new Set<string>([T.AwaitExpression]);

export const sequentialAwaits = defineRule({
  meta: {
    id: 'sequential-awaits',
    description: 'Consecutive awaits whose operands do not depend on each other: the second wait starts only after the first ends.',
    defaultSeverity: 'info',
    docs: 'docs/rules/sequential-awaits.md',
    picture: 'waits that could overlap',
  },
  check(context) {
    const { model } = context;
    for (const fn of model.functions) {
      // Group candidate statements by the statement list they live in.
      const lists = new Map<Node[], Map<Node, Step>>();
      for (const site of fn.sites.awaits) {
        const step = stepOf(model, fn, site.node);
        if (!step) continue;
        const list = statementList(step.declaration);
        if (!list) continue;
        if (!lists.has(list)) lists.set(list, new Map());
        lists.get(list)!.set(step.declaration, step);
      }
      for (const [list, steps] of lists) {
        if (steps.size < 2) continue;
        for (const run of independentRuns(list, steps)) report(context, fn, run);
      }
    }
  },
});

/** `const a = await call();` where the call likely waits on I/O and only reads. */
function stepOf(model: Model, fn: FunctionInfo, node: Node): Step | null {
  if (node.type !== T.AwaitExpression) return null;
  const declarator = node.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== node || declarator.definite) return null;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  if (declaration.declarations.length !== 1 || (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var')) return null;
  const call = unwrap(node.argument);
  if (call.type !== T.CallExpression || containsNode(call, AWAIT)) return null;
  if (isSleep(model, fn, call) || changesState(model, call)) return null;
  // Two file-metadata lookups the OS answers from its caches save microseconds by overlapping: not worth a finding.
  const evidence = overlapEvidence(model, fn, call);
  if (!evidence || evidence.quick) return null;
  return { declaration, declarator, awaitNode: node, call, names: patternNames(declarator.id) };
}

function statementList(statement: Node): Node[] | null {
  const parent = statement.parent;
  if (!parent) return null;
  if (parent.type === T.BlockStatement || parent.type === T.Program || parent.type === T.StaticBlock) return parent.body;
  if (parent.type === T.SwitchCase) return parent.consequent;
  return null;
}

/** Calls whose order matters: writes, sends, locks, transactions, non-GET requests, write SQL. */
function changesState(model: Model, outer: TSESTree.CallExpression): boolean {
  return chain(outer).some((call) => callChangesState(model, call));
}

/** `a.b(x).then(f)` -> [the `.then` call, the `a.b` call]. */
function chain(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const calls = [call];
  for (let node: Node = call.callee; ; ) {
    node = unwrap(node);
    if (node.type === T.MemberExpression) node = node.object;
    else if (node.type === T.CallExpression) {
      calls.push(node);
      node = node.callee;
    } else return calls;
  }
}

function callChangesState(model: Model, call: TSESTree.CallExpression): boolean {
  const name = actionName(call);
  // `pool.run(task)`: a job for a worker pool, not a state change on this side.
  if (name === 'run' && call.callee.type === T.MemberExpression && /pool|piscina|workers?$/i.test(model.text.slice(call.callee.object.range[0], call.callee.object.range[1]))) return false;
  if (!name || MUTATING.test(name) || SEQUENTIAL.test(name)) return true;
  const first = call.arguments[0];
  if (first) {
    const literal = first.type === T.Literal && typeof first.value === 'string' ? first.value : first.type === T.TemplateLiteral ? first.quasis[0].value.cooked ?? '' : null;
    if (literal !== null && WRITE_SQL.test(literal)) return true;
  }
  // fetch(url, { method: 'POST' }) and friends.
  for (const arg of call.arguments) {
    if (arg.type !== T.ObjectExpression) continue;
    for (const prop of arg.properties) {
      if (prop.type !== T.Property || prop.key.type !== T.Identifier || prop.key.name !== 'method') continue;
      const value = prop.value;
      if (!(value.type === T.Literal && typeof value.value === 'string' && /^(get|head|options)$/i.test(value.value))) return true;
    }
  }
  return /\b(transaction|tx|trx|session|lock|mutex)\b/i.test(model.text.slice(call.callee.range[0], call.callee.range[1]));
}

/** Maximal runs (2 or more) of consecutive candidate statements where no operand reads a name bound earlier in the run. */
function independentRuns(list: Node[], steps: Map<Node, Step>): Step[][] {
  const runs: Step[][] = [];
  let run: Step[] = [];
  let bound = new Set<string>();
  const close = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
    bound = new Set();
  };
  for (const statement of list) {
    const step = steps.get(statement);
    if (!step) {
      close();
      continue;
    }
    const reads = referencedNames(step.call);
    if ([...reads].some((name) => bound.has(name))) close(); // needs an earlier result: a new run may start here
    run.push(step);
    step.names.forEach((name) => bound.add(name));
  }
  close();
  return runs;
}

function report(context: RuleContext, fn: FunctionInfo, run: Step[]): void {
  const { model } = context;
  // Name each by its first call: `readFile(p).then(JSON.parse)` is a readFile.
  const names = run.map((s) => { const calls = chain(s.call); return `\`${shortText(model, calls[calls.length - 1].callee, 30)}\``; });
  const listed = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  context.report({
    fn,
    span: context.spanOf(run[0].awaitNode),
    message: `${listed} do not use each other's results, yet each await waits for the previous one to finish before the next starts: the waits run end to end instead of overlapping. Start them together with Promise.all.`,
    related: run.slice(1).map((s) => ({ span: context.spanOf(s.awaitNode), message: 'starts only after the wait above, although it does not need its result' })),
    fixes: fixFor(context, run),
  });
}

/** `const a = await x(); const b = await y();` -> `const [a, b] = await Promise.all([x(), y()]);` */
function fixFor(context: RuleContext, run: Step[]): QuickFix[] {
  const { model } = context;
  const text = model.text;
  const kind = run[0].declaration.kind;
  if (run.some((s) => s.declaration.kind !== kind)) return [];
  const first = run[0].declaration;
  const last = run[run.length - 1].declaration;
  if (hasCommentIn(model, first.range[0], last.range[1])) return [];
  const annotated = run.filter((s) => s.declarator.id.typeAnnotation);
  if (annotated.length !== 0 && annotated.length !== run.length) return []; // a tuple type needs every element
  const targets: string[] = [];
  const types: string[] = [];
  const operands: string[] = [];
  for (const step of run) {
    const id = step.declarator.id;
    const annotation = id.typeAnnotation;
    if (id.type === T.Identifier && id.optional) return [];
    targets.push(text.slice(id.range[0], annotation ? annotation.range[0] : id.range[1]).trimEnd());
    if (annotation) types.push(text.slice(annotation.typeAnnotation.range[0], annotation.typeAnnotation.range[1]));
    const argument = step.awaitNode.argument;
    if (argument.type === T.SequenceExpression) return [];
    operands.push(text.slice(argument.range[0], argument.range[1]));
  }
  const semicolon = text[last.range[1] - 1] === ';' ? ';' : '';
  const head = `${kind} [${targets.join(', ')}]${types.length ? `: [${types.join(', ')}]` : ''} = await Promise.all(`;
  let newText = `${head}[${operands.join(', ')}])${semicolon}`;
  const indent = indentAt(text, first.range[0]);
  if ((newText.length + (indent?.length ?? 0) > 100 || operands.some((o) => o.includes('\n'))) && indent !== null) {
    const inner = `${indent}  `;
    newText = `${head}[\n${operands.map((o) => `${inner}${o},`).join('\n')}\n${indent}])${semicolon}`;
  }
  return [{ title: 'Start these waits together with Promise.all', isPreferred: true, edits: [{ start: first.range[0], end: last.range[1], newText }] }];
}
