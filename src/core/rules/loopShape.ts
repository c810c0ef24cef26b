/**
 * The shape of a loop, read from its syntax: a narrow span for its head (the
 * squiggle should not cover a 30-line body) and its literal trip count, which
 * the model caps so timelines stay drawable.
 */
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { FunctionInfo, LoopNode, LoopSegment, Model, Span } from '../model';

/** Narrow span for a loop: its head (`for (...)`, `while (...)`, `xs.map`), not the whole body. */
export function loopHeadSpan(model: Model, fn: FunctionInfo, seg: LoopSegment, node: LoopNode | undefined): Span {
  if (!node) {
    const call = fn.facts.calls.find((c) => c.node.range[0] === seg.span.start && c.node.range[1] === seg.span.end);
    return call && call.node.callee.type === T.MemberExpression ? spanFrom(model.text, seg.span, call.node.callee.range[1]) : seg.span;
  }
  if (node.type === T.DoWhileStatement) return spanFrom(model.text, seg.span, node.range[0] + 2);
  let end = node.body.range[0];
  while (end > node.range[0] && /\s/.test(model.text[end - 1])) end--;
  return spanFrom(model.text, seg.span, end);
}

const topConsts = new WeakMap<Model, Map<string, number>>();

/** Trip count of `for (let i = 0; i < 1e6; i++)`, also when the bound is a `const N = 1e6` of the file or function. */
export function literalTrips(model: Model, fn: FunctionInfo, node: LoopNode): number {
  if (node.type !== T.ForStatement && node.type !== T.WhileStatement) return 0;
  const test = node.test;
  if (!test || test.type !== T.BinaryExpression) return 0;
  const value = (e: TSESTree.Node): number | null => {
    if (e.type === T.Literal && typeof e.value === 'number') return e.value;
    if (e.type === T.Identifier) return constValue(model, fn, e.name);
    return null;
  };
  if (test.operator === '<' || test.operator === '<=') return Math.max(0, value(test.right) ?? 0);
  if (test.operator === '>' || test.operator === '>=') {
    const init = node.type === T.ForStatement && node.init?.type === T.VariableDeclaration ? node.init.declarations[0]?.init : null;
    return init ? Math.max(0, value(init) ?? 0) : 0;
  }
  return 0;
}

function constValue(model: Model, fn: FunctionInfo, name: string): number | null {
  let top = topConsts.get(model);
  if (!top) topConsts.set(model, (top = numericConsts(model.ast.body)));
  const body = fn.node.type === T.FunctionDeclaration || fn.node.type === T.FunctionExpression || fn.node.type === T.ArrowFunctionExpression ? fn.node.body : null;
  const local = body?.type === T.BlockStatement ? numericConsts(body.body).get(name) : undefined;
  return local ?? top.get(name) ?? null;
}

/** Top-level `const N = 1_000_000` (and the like) by name. */
function numericConsts(statements: readonly TSESTree.Node[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of statements) {
    const s = raw.type === T.ExportNamedDeclaration && raw.declaration ? raw.declaration : raw;
    if (s.type !== T.VariableDeclaration || s.kind !== 'const') continue;
    for (const d of s.declarations) {
      if (d.id.type === T.Identifier && d.init?.type === T.Literal && typeof d.init.value === 'number') out.set(d.id.name, d.init.value);
    }
  }
  return out;
}

function spanFrom(text: string, span: Span, end: number): Span {
  const before = text.slice(span.start, end);
  const lines = before.split('\n');
  const endLine = span.line + lines.length - 1;
  const endColumn = lines.length === 1 ? span.column + before.length : lines[lines.length - 1].length + 1;
  return { line: span.line, column: span.column, endLine, endColumn, start: span.start, end };
}
