/**
 * The shape of a loop, read from its syntax: a narrow span for its head (the
 * squiggle should not cover a 30-line body), its literal trip count (which the
 * model caps so timelines stay drawable), and whether a loop inside it
 * multiplies the work (a cross product) or merely walks the current item.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, LoopNode, LoopSegment, Model, Span } from '../model/types';
import { splitLines } from '../lines';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** Narrow span for a loop: its head (`for (...)`, `while (...)`, `xs.map`), not the whole body. */
export function loopHeadSpan(model: Model, fn: FunctionInfo, seg: LoopSegment, node: LoopNode | undefined): Span {
  if (!node) {
    const call = fn.sites.calls.find((c) => c.node.range[0] === seg.span.start && c.node.range[1] === seg.span.end);
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
  const lines = splitLines(before); // the editor's line breaks, a lone \r included
  const endLine = span.line + lines.length - 1;
  const endColumn = lines.length === 1 ? span.column + before.length : lines[lines.length - 1].length + 1;
  return { line: span.line, column: span.column, endLine, endColumn, start: span.start, end };
}

/** Below this many iterations a literal inner loop only multiplies the work by a small constant. */
const SMALL_TRIPS = 32;

/** Names that hold the current item (and per-iteration locals) inside a loop or per-item callback; counters are indexes. */
export interface ItemScope {
  items: ReadonlySet<string>;
  counters: ReadonlySet<string>;
  /** What the enclosing loop iterates over: an inner loop over the same thing pairs it with itself. */
  source: ReadonlySet<string>;
}

export const NO_SCOPE: ItemScope = { items: new Set(), counters: new Set(), source: new Set() };

/** Inside statement loop `node`: its item variables and per-iteration locals are items, a `for`'s own variables counters. */
export function loopScope(node: LoopNode, outer: ItemScope): ItemScope {
  const items = new Set(outer.items);
  const counters = new Set(outer.counters);
  if (node.type === T.ForOfStatement || node.type === T.ForInStatement) {
    const left = node.left.type === T.VariableDeclaration ? node.left.declarations[0]?.id : node.left;
    if (left) patternNames(left, items);
  }
  if (node.type === T.ForStatement && node.init?.type === T.VariableDeclaration) {
    for (const d of node.init.declarations) patternNames(d.id, counters);
  }
  walkLocal(node.body, (n) => {
    if (n.type === T.VariableDeclarator) patternNames(n.id, items);
  });
  return { items, counters, source: sourceOf(node, outer).names };
}

/** Inside an inline per-item callback (`rows.forEach((row, y) => …)`): the first parameter is the item, the rest are indexes. */
export function callbackScope(fn: FunctionInfo, outer: ItemScope): ItemScope {
  const node = fn.node;
  if (node.type !== T.ArrowFunctionExpression && node.type !== T.FunctionExpression) return outer;
  const items = new Set(outer.items);
  const counters = new Set(outer.counters);
  node.params.forEach((param, i) => patternNames(param, i === 0 ? items : counters));
  if (node.body.type === T.BlockStatement) {
    walkLocal(node.body, (n) => {
      if (n.type === T.VariableDeclarator) patternNames(n.id, items);
    });
  }
  return { items, counters, source: new Set() };
}

/**
 * Does `inner` multiply the work of the loop around it (`for b of ys` inside
 * `for a of xs`, `j < n`, the triangle `j < i`), or does it walk the current
 * item (`for cell of row`, `k < row.length`, `grid[i]`), which only flattens
 * data that the outer loop already counts?
 */
export function crossesOuter(model: Model, fn: FunctionInfo, inner: LoopNode, seg: LoopSegment, scope: ItemScope): boolean {
  const literal = literalTrips(model, fn, inner);
  if (literal > 0 ? literal < SMALL_TRIPS : !seg.iterationsGuessed && seg.iterations < SMALL_TRIPS) return false;
  const source = sourceOf(inner, scope);
  const names = [...source.names];
  // `for (x < row.length) for (k < row.length)`: the same collection twice is a product, not a walk.
  if (!source.item && names.length > 0 && names.every((n) => scope.source.has(n))) return true;
  const walksItem = (source.item || names.length > 0) && names.every((n) => scope.items.has(n));
  return !walksItem;
}

/** What a loop iterates over: the names its collection or its test reads, minus its own counter. */
function sourceOf(loop: LoopNode, scope: ItemScope): { names: Set<string>; item: boolean } {
  const source = { names: new Set<string>(), item: false };
  if (loop.type === T.ForOfStatement || loop.type === T.ForInStatement) {
    collectSource(loop.right, scope, source);
    return source;
  }
  if (!loop.test) return source;
  collectSource(loop.test, scope, source);
  const own = new Set<string>();
  if (loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration) for (const d of loop.init.declarations) patternNames(d.id, own);
  walkLocal(loop, (n) => {
    if (n.type === T.UpdateExpression && n.argument.type === T.Identifier) own.add(n.argument.name);
    if (n.type === T.AssignmentExpression && n.left.type === T.Identifier) own.add(n.left.name);
  });
  for (const name of own) source.names.delete(name);
  return source;
}

/** Identifiers an iteration source reads; `xs[i]` with an outer counter `i` is the current item. */
function collectSource(node: TSESTree.Node, scope: ItemScope, out: { names: Set<string>; item: boolean }): void {
  if (node.type === T.Identifier) {
    out.names.add(node.name);
    return;
  }
  if (node.type === T.MemberExpression) {
    if (node.computed && node.property.type === T.Identifier && scope.counters.has(node.property.name)) {
      out.item = true;
      return;
    }
    collectSource(node.object, scope, out);
    if (node.computed) collectSource(node.property, scope, out);
    return;
  }
  walkChildren(node, (child) => collectSource(child, scope, out));
}

function patternNames(node: TSESTree.Node, out: Set<string>): void {
  if (node.type === T.Identifier) out.add(node.name);
  else if (node.type === T.ArrayPattern) node.elements.forEach((e) => e && patternNames(e, out));
  else if (node.type === T.ObjectPattern) node.properties.forEach((p) => patternNames(p.type === T.Property ? p.value : p.argument, out));
  else if (node.type === T.AssignmentPattern) patternNames(node.left, out);
  else if (node.type === T.RestElement) patternNames(node.argument, out);
}

/** Visits a node and its descendants, not entering nested functions (their variables are theirs). */
function walkLocal(node: TSESTree.Node, visit: (n: TSESTree.Node) => void): void {
  visit(node);
  walkChildren(node, (child) => walkLocal(child, visit));
}

function walkChildren(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  for (const key in node) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'typeAnnotation') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child !== 'object' || child === null || typeof (child as { type?: unknown }).type !== 'string') continue;
      const c = child as TSESTree.Node;
      if (c.type === T.FunctionDeclaration || c.type === T.FunctionExpression || c.type === T.ArrowFunctionExpression) continue;
      visit(c);
    }
  }
}
