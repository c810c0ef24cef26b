/**
 * Shared look-ups for rules that reason about callbacks, call sites and local
 * bindings (worker-oversubscription, async-foreach, sync-promise-executor).
 *
 * Rules must not walk the whole tree again, so everything here is built from
 * the model's facts, from `.parent` (set once by runRules), or from lazy walks
 * of one function's own region (its body minus nested functions).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { CallSite, FunctionInfo, Model } from '../model/types';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export type Callable = TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type AnyFunction = Callable | TSESTree.FunctionDeclaration;

export function isCallable(node: TSESTree.Node | null | undefined): node is Callable {
  return !!node && (node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression);
}

function isFunctionNode(node: TSESTree.Node): node is AnyFunction {
  return isCallable(node) || node.type === T.FunctionDeclaration;
}

/** Strips wrappers that do not change the value: `x as T`, `x!`, `x satisfies T`, `a?.b` chains. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    if (current.type === T.TSAsExpression || current.type === T.TSNonNullExpression || current.type === T.TSSatisfiesExpression || current.type === T.TSTypeAssertion || current.type === T.ChainExpression) {
      current = current.expression;
    } else return current;
  }
}

/** The name of a non-computed member access (`a.b` -> `b`), else null. */
export function propertyName(node: TSESTree.Node): string | null {
  const inner = unwrap(node);
  if (inner.type !== T.MemberExpression || inner.computed || inner.property.type !== T.Identifier) return null;
  return inner.property.name;
}

export interface SiteRef {
  fn: FunctionInfo;
  site: CallSite;
}

/** Where a function literal is used: as an argument (index >= 0) or as the callee of an IIFE (index -1). */
export interface UseAsValue extends SiteRef {
  index: number;
}

interface Index {
  siteByNode: Map<TSESTree.Node, SiteRef>;
  fnByNode: Map<TSESTree.Node, FunctionInfo>;
  usedIn: Map<TSESTree.Node, UseAsValue>;
  /** First function declared under a plain name (how the builder resolves local calls). */
  fnByName: Map<string, FunctionInfo>;
  /** Call sites whose resolved callee is the function. */
  callers: Map<number, SiteRef[]>;
  /** Call sites that pass the function by name as an argument (`items.map(runTask)`). */
  passedByName: Map<number, UseAsValue[]>;
}

const cache = new WeakMap<Model, Index>();

export function modelIndex(model: Model): Index {
  const cached = cache.get(model);
  if (cached) return cached;
  const index: Index = { siteByNode: new Map(), fnByNode: new Map(), usedIn: new Map(), fnByName: new Map(), callers: new Map(), passedByName: new Map() };
  for (const fn of model.functions) {
    index.fnByNode.set(fn.node, fn);
    if (fn.kind !== 'module' && fn.kind !== 'method' && /^[\w$]+$/.test(fn.name) && !index.fnByName.has(fn.name)) index.fnByName.set(fn.name, fn);
  }
  for (const fn of model.functions) {
    for (const site of fn.sites.calls) {
      const ref = { fn, site };
      index.siteByNode.set(site.node, ref);
      if (site.calleeId !== null) push(index.callers, site.calleeId, ref);
      const callee = unwrap(site.node.callee);
      if (isCallable(callee)) index.usedIn.set(callee, { ...ref, index: -1 });
      site.node.arguments.forEach((arg, i) => {
        if (isCallable(arg)) index.usedIn.set(arg, { ...ref, index: i });
        else if (arg.type === T.Identifier) {
          const named = index.fnByName.get(arg.name);
          if (named) push(index.passedByName, named.id, { ...ref, index: i });
        }
      });
    }
  }
  cache.set(model, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function functionOf(model: Model, node: TSESTree.Node): FunctionInfo | undefined {
  return modelIndex(model).fnByNode.get(node);
}

const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

/** Direct child nodes, in source order (type annotations skipped). */
export function childrenOf(node: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) out.push(child);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Visits `root`'s descendants (not `root` itself) with their parent. Nested
 * functions are visited as nodes but not entered unless `intoFunctions`.
 * Returning false from `visit` skips that node's children.
 */
export function walkLocal(root: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node) => boolean | void, intoFunctions = false): void {
  const stack: [TSESTree.Node, TSESTree.Node][] = childrenOf(root).reverse().map((child) => [child, root]);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (visit(node, parent) === false) continue;
    if (!intoFunctions && isFunctionNode(node)) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node]);
  }
}

/** The ancestors of `node`, innermost first, up to the Program (parents are set once before the rules run). */
function* ancestors(node: TSESTree.Node): Generator<TSESTree.Node> {
  for (let parent = node.parent; parent; parent = parent.parent) yield parent;
}

export type BindingKind = 'const' | 'let' | 'var' | 'param' | 'loop' | 'function' | 'import' | 'other';

export interface Binding {
  kind: BindingKind;
  /** Initial value (`const x = init`, a parameter's default). */
  init: TSESTree.Expression | null;
  /** The declared type, if written (`xs: string[]`). */
  type: TSESTree.TypeNode | null;
}

/** Finds the declaration of `name` visible at `from` (in `fn`'s region), by lexical scopes; null when not found. */
export function findBinding(name: string, from: TSESTree.Node): Binding | null {
  for (const scope of ancestors(from)) {
    const found = bindingIn(scope, name);
    if (found) return found;
  }
  return null;
}

function bindingIn(scope: TSESTree.Node, name: string): Binding | null {
  switch (scope.type) {
    case T.Program:
    case T.BlockStatement:
    case T.StaticBlock:
      return bindingInStatements(scope.body, name);
    case T.SwitchCase:
      return bindingInStatements(scope.consequent, name);
    case T.ForStatement:
      return scope.init?.type === T.VariableDeclaration ? bindingInDeclaration(scope.init, name) : null;
    case T.ForOfStatement:
    case T.ForInStatement:
      return scope.left.type === T.VariableDeclaration && declares(scope.left.declarations[0]?.id, name) ? { kind: 'loop', init: null, type: null } : null;
    case T.CatchClause:
      return scope.param && declares(scope.param, name) ? { kind: 'other', init: null, type: null } : null;
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
      for (const param of scope.params) {
        if (param.type === T.Identifier && param.name === name) return { kind: 'param', init: null, type: param.typeAnnotation?.typeAnnotation ?? null };
        if (param.type === T.AssignmentPattern && param.left.type === T.Identifier && param.left.name === name) {
          return { kind: 'param', init: param.right, type: param.left.typeAnnotation?.typeAnnotation ?? null };
        }
        if (declares(param, name)) return { kind: 'param', init: null, type: null };
      }
      if (scope.id?.name === name) return { kind: 'function', init: null, type: null };
      return null;
    default:
      return null;
  }
}

function bindingInStatements(statements: TSESTree.Node[], name: string): Binding | null {
  for (const raw of statements) {
    const statement = raw.type === T.ExportNamedDeclaration && raw.declaration ? raw.declaration : raw;
    if (statement.type === T.VariableDeclaration) {
      const found = bindingInDeclaration(statement, name);
      if (found) return found;
    } else if ((statement.type === T.FunctionDeclaration || statement.type === T.ClassDeclaration) && statement.id?.name === name) {
      return { kind: 'function', init: null, type: null };
    } else if (statement.type === T.ImportDeclaration && statement.specifiers.some((s) => s.local.name === name)) {
      return { kind: 'import', init: null, type: null };
    }
  }
  return null;
}

function bindingInDeclaration(declaration: TSESTree.VariableDeclaration, name: string): Binding | null {
  const kind: BindingKind = declaration.kind === 'const' || declaration.kind === 'let' || declaration.kind === 'var' ? declaration.kind : 'other';
  for (const decl of declaration.declarations) {
    if (decl.id.type === T.Identifier && decl.id.name === name) return { kind, init: decl.init, type: decl.id.typeAnnotation?.typeAnnotation ?? null };
    if (declares(decl.id, name)) return { kind, init: null, type: null };
  }
  return null;
}

/** Whether a binding pattern introduces `name`. */
function declares(pattern: TSESTree.Node | undefined | null, name: string): boolean {
  if (!pattern) return false;
  switch (pattern.type) {
    case T.Identifier:
      return pattern.name === name;
    case T.AssignmentPattern:
      return declares(pattern.left, name);
    case T.RestElement:
      return declares(pattern.argument, name);
    case T.ArrayPattern:
      return pattern.elements.some((element) => declares(element, name));
    case T.ObjectPattern:
      return pattern.properties.some((prop) => (prop.type === T.Property ? declares(prop.value, name) : declares(prop, name)));
    default:
      return false;
  }
}

/** Names bound by a parameter or pattern. */
export function boundNames(pattern: TSESTree.Node): string[] {
  const names: string[] = [];
  walkLocal({ type: T.ExpressionStatement, expression: pattern } as unknown as TSESTree.Node, (node, parent) => {
    if (node.type === T.Identifier && !(parent.type === T.Property && parent.key === node && !parent.shorthand) && !(parent.type === T.AssignmentPattern && parent.right === node)) {
      names.push(node.name);
    }
    // Default values are expressions, not bindings.
    return !(parent.type === T.AssignmentPattern && parent.right === node);
  });
  return names;
}
