/**
 * Where a local function is handed on as a value rather than called: `register(fn)`,
 * `{ onLoad: fn }`, `return fn`, `handlers.push(fn)`. Whoever receives it decides what
 * it must return, so facts about its "contract" (must it return a promise?) cannot be
 * read from the function alone. A use as an event listener or timer callback is told
 * apart: those receivers ignore the return value, so the contract stays local.
 *
 * Decided by name, per file, in one walk: a shadowing binding of the same name only
 * makes the answer more cautious (more uses, never fewer).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Model } from '../model/types';
import { memberPath } from '../model/imports';
import { HANDLER_METHODS } from '../model/names';
import { walk } from './waits';

const T = AST_NODE_TYPES;

export type ValueUse =
  /** Passed to an API that calls it and drops what it returns (a listener, a timer). */
  | 'listener'
  /** Anything else: an argument of another call, a property value, returned, stored, exported. */
  | 'handed-on';

/** Receivers that never look at a callback's return value. */
const RETURN_IGNORED_METHODS = new Set([...HANDLER_METHODS, 'off', 'removeListener', 'removeEventListener', 'prependOnceListener']);
const RETURN_IGNORED_CALLS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'process.nextTick']);

const usesByModel = new WeakMap<Model, Map<string, ValueUse[]>>();

/** Every use of `name` in the file other than a call of it or its own declaration. */
export function valueUsesOf(model: Model, name: string): readonly ValueUse[] {
  let uses = usesByModel.get(model);
  if (!uses) {
    uses = collect(model.ast);
    usesByModel.set(model, uses);
  }
  return uses.get(name) ?? [];
}

/** True when some receiver of the function, not the function itself, decides what it returns. */
export function handedOn(model: Model, name: string): boolean {
  return valueUsesOf(model, name).some((use) => use === 'handed-on');
}

function collect(root: TSESTree.Node): Map<string, ValueUse[]> {
  const uses = new Map<string, ValueUse[]>();
  walk(root, (node, parent) => {
    // A destructuring pattern declares names; it reads none worth counting here.
    if (node.type === T.ObjectPattern || node.type === T.ArrayPattern) return false;
    if (node.type !== T.Identifier || !parent || !isValuePosition(node, parent)) return true;
    const use = classify(node, parent);
    const list = uses.get(node.name);
    if (list) list.push(use);
    else uses.set(node.name, [use]);
    return true;
  });
  return uses;
}

/** An identifier read as a value: not a declaration, a key, a member name, or the callee of a call. */
function isValuePosition(id: TSESTree.Identifier, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case T.CallExpression:
    case T.NewExpression:
      return parent.callee !== id;
    case T.MemberExpression:
      // `fn.bind(…)` makes a copy that goes wherever the copy goes; `fn.call(…)`, `fn.length` are not hand-offs.
      return parent.object === id && parent.property.type === T.Identifier && parent.property.name === 'bind';
    case T.VariableDeclarator:
      return parent.init === id;
    case T.Property:
      return parent.value === id;
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
      return parent.body === id;
    case T.ClassDeclaration:
    case T.ClassExpression:
    case T.MethodDefinition:
    case T.PropertyDefinition:
    case T.ImportSpecifier:
    case T.ImportDefaultSpecifier:
    case T.ImportNamespaceSpecifier:
    case T.LabeledStatement:
    case T.BreakStatement:
    case T.ContinueStatement:
    case T.TSTypeReference:
    case T.TSQualifiedName:
      return false;
    case T.ExportSpecifier:
      return parent.local === id;
    case T.AssignmentExpression:
      return parent.right === id;
    default:
      return true;
  }
}

function classify(id: TSESTree.Identifier, parent: TSESTree.Node): ValueUse {
  if (parent.type !== T.CallExpression || !parent.arguments.includes(id)) return 'handed-on';
  const path = memberPath(parent.callee);
  if (!path) return 'handed-on';
  if (RETURN_IGNORED_CALLS.has(path.join('.'))) return 'listener';
  return path.length > 1 && RETURN_IGNORED_METHODS.has(path[path.length - 1]) ? 'listener' : 'handed-on';
}
