/**
 * Loops: their body becomes a nested segment list repeated `iterations` times.
 * The mode says how the repetition behaves: plain sync work, one wait after
 * another (awaits inside), or hand-offs to workers that run side by side.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { labelOf, type BuildState, type FnCtx } from './buildState';
import { iterationGuess } from './iterations';
import { COST, type LoopNode, type LoopSegment, type Segment } from './types';
import { spanOf } from './spans';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === T.ForStatement ||
    node.type === T.ForOfStatement ||
    node.type === T.ForInStatement ||
    node.type === T.WhileStatement ||
    node.type === T.DoWhileStatement
  );
}

export function visitLoop(state: BuildState, node: LoopNode, ctx: FnCtx): void {
  ctx.fn.sites.loops.push(node);
  // The collection or the initialiser is evaluated once, before the loop.
  if (node.type === T.ForOfStatement || node.type === T.ForInStatement) state.visit(state, node.right, ctx, node);
  if (node.type === T.ForStatement && node.init) state.visit(state, node.init, ctx, node);

  if (isBusyWait(state, node)) {
    ctx.out.push({ kind: 'blocking', api: 'busy-wait', cost: COST.blocking, span: spanOf(node), label: labelOf(state, node) });
    return;
  }
  const { iterations, guessed } = tripCount(node);
  const loop: LoopSegment = { kind: 'loop', mode: 'sync', iterations, iterationsGuessed: guessed, body: [], span: spanOf(node), label: labelOf(state, node) };
  const savedOut = ctx.out;
  ctx.out = loop.body;
  ctx.loops.push(node);
  if (node.type === T.ForOfStatement && node.await) {
    ctx.fn.sites.awaits.push({ node, loops: [...ctx.loops] });
    loop.body.push({ kind: 'io', api: 'async-iterator', latency: COST.ioLatency, awaited: true, timer: false, span: spanOf(node.right), label: `next item of ${labelOf(state, node.right)}` });
  }
  if (node.type === T.ForStatement) {
    if (node.test) state.visit(state, node.test, ctx, node);
    if (node.update) state.visit(state, node.update, ctx, node);
  } else if (node.type === T.WhileStatement || node.type === T.DoWhileStatement) {
    state.visit(state, node.test, ctx, node);
  }
  state.visit(state, node.body, ctx, node);
  if (loop.body.length === 0) loop.body.push({ kind: 'cpu', cost: 1, span: spanOf(node.body), label: 'loop body' });
  ctx.loops.pop();
  ctx.out = savedOut;
  loop.mode = loopMode(loop.body);
  ctx.out.push(loop);
}

/** Awaits anywhere in the body make it sequential; un-awaited hand-offs to workers make it parallel. */
export function loopMode(body: Segment[], callWaits: (calleeId: number) => boolean = () => true): LoopSegment['mode'] {
  let waits = false;
  let dispatches = false;
  for (const segment of body) {
    if ((segment.kind === 'io' || segment.kind === 'fork' || segment.kind === 'worker') && segment.awaited) waits = true;
    if (segment.kind === 'call' && segment.awaited && callWaits(segment.calleeId)) waits = true;
    if (segment.kind === 'loop' && segment.mode === 'sequential') waits = true;
    if (segment.kind === 'worker' && !segment.awaited) dispatches = true;
  }
  if (waits) return 'sequential';
  return dispatches ? 'workers' : 'sync';
}

/** `for (let i = 0; i < 100; i++)` and `for (const x of [a, b, c])` have a known trip count; the rest is a guess. */
function tripCount(node: LoopNode): { iterations: number; guessed: boolean } {
  if (node.type === T.ForOfStatement || node.type === T.ForInStatement) {
    const known = node.right.type === T.ArrayExpression;
    return { iterations: known ? iterationGuess(node.right) : COST.unknownIterations, guessed: !known };
  }
  if (node.type === T.ForStatement && node.test?.type === T.BinaryExpression && (node.test.operator === '<' || node.test.operator === '<=')) {
    const bound = node.test.right;
    const start = node.init?.type === T.VariableDeclaration ? node.init.declarations[0]?.init : null;
    const from = start?.type === T.Literal && typeof start.value === 'number' ? start.value : 0;
    if (bound.type === T.Literal && typeof bound.value === 'number') {
      const count = Math.max(1, bound.value - from + (node.test.operator === '<=' ? 1 : 0));
      return { iterations: Math.min(count, COST.maxIterations), guessed: false };
    }
  }
  // `for (let i = 0; i < xs.length; i += 10)`: one pass per chunk of xs (of its guessed size).
  const step = node.type === T.ForStatement ? chunkStep(node) : null;
  if (step) return { iterations: Math.max(1, Math.ceil(iterationGuess(step.collection) / step.size)), guessed: true };
  if (node.type === T.ForStatement && node.update) return { iterations: COST.unknownIndexedIterations, guessed: true };
  return { iterations: COST.unknownIterations, guessed: true };
}

/** `i < xs.length` with `i += K` (K a literal above 1): the collection and the chunk size. */
function chunkStep(node: TSESTree.ForStatement): { collection: TSESTree.Node; size: number } | null {
  const test = node.test;
  const update = node.update;
  if (test?.type !== T.BinaryExpression || test.operator !== '<' || test.left.type !== T.Identifier) return null;
  if (test.right.type !== T.MemberExpression || test.right.computed || test.right.property.type !== T.Identifier || test.right.property.name !== 'length') return null;
  if (update?.type !== T.AssignmentExpression || update.operator !== '+=' || update.left.type !== T.Identifier || update.left.name !== test.left.name) return null;
  if (update.right.type !== T.Literal || typeof update.right.value !== 'number' || update.right.value <= 1) return null;
  return { collection: test.right.object, size: update.right.value };
}

/** `while (Date.now() < end) {}`: spinning on the clock freezes the thread as surely as sync I/O. */
function isBusyWait(state: BuildState, node: LoopNode): boolean {
  if (node.type !== T.WhileStatement && node.type !== T.DoWhileStatement && node.type !== T.ForStatement) return false;
  const test = node.test ? state.text.slice(node.test.range[0], node.test.range[1]) : '';
  if (!/\b(Date\.now\(\)|performance\.now\(\)|new Date\(\)|process\.hrtime)/.test(test)) return false;
  const body = node.body;
  return body.type === T.EmptyStatement || (body.type === T.BlockStatement && body.body.every((s) => s.type === T.EmptyStatement || (s.type === T.ExpressionStatement && s.expression.type !== T.AwaitExpression && !state.text.slice(s.range[0], s.range[1]).includes('await'))));
}
