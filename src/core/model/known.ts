/**
 * What the knowledge table says about a call or an expression, as the model
 * builder sees it: the qualified name of a call (imports, requires, globals),
 * or, for a method of an object the file made from a known API (`const pool =
 * new pg.Pool()`, `this.client = axios.create()`), the instance type's method
 * (`pg.Pool#query`). The table (src/core/knowledge) is the one place that
 * decides what a known API does; this file only finds the right entry.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { behaviourOf, instanceTypeOf, type Behaviour } from '../knowledge';
import type { CallEffect, ImportedSymbol } from '../project/summaryTypes';
import type { BuildState } from './buildState';
import { memberPath, qualifiedName } from './imports';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** How deep an expression is followed to find its instance type (chains are short; this only bounds odd code). */
const MAX_DEPTH = 12;

export interface KnownCall {
  /** The table's key that answered: a qualified name or `Instance#method`. */
  key: string;
  behaviour: Behaviour;
}

/** What the table knows about this call, or null. A completion callback selects the callback form when it differs. */
export function knownCall(state: BuildState, node: TSESTree.CallExpression | TSESTree.NewExpression): KnownCall | null {
  const found = lookupCall(state, node, 0);
  if (!found) return null;
  const last = node.arguments[node.arguments.length - 1];
  const withCallback = !!last && (last.type === T.ArrowFunctionExpression || last.type === T.FunctionExpression);
  return withCallback && found.behaviour.whenCallback ? { key: found.key, behaviour: found.behaviour.whenCallback } : found;
}

function lookupCall(state: BuildState, node: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): KnownCall | null {
  const callee = unwrap(node.callee);
  const promisified = callee.type === T.Identifier ? state.promisified.get(callee.name) : undefined;
  const promised = promisified !== undefined ? behaviourOf(`util.promisify(${promisified})`) : null;
  if (promised) return { key: `util.promisify(${promisified})`, behaviour: promised };
  const api = qualifiedName(callee, state.imports, state.declaredNames);
  if (api) {
    const behaviour = behaviourOf(api);
    if (behaviour) return { key: api, behaviour };
  }
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
    const owner = instanceOf(state, callee.object, depth + 1);
    if (owner) {
      const key = `${owner}#${callee.property.name}`;
      const behaviour = behaviourOf(key);
      if (behaviour) return { key, behaviour };
    }
    return null;
  }
  // Calling an object itself: an axios instance, knex, p-limit's `limit`.
  const self = instanceOf(state, callee, depth + 1);
  const call = self ? instanceTypeOf(self)?.call : undefined;
  return self && call ? { key: self, behaviour: call } : null;
}

export interface ImportedCallee {
  file: string;
  /** How the importing code names it: `hashPassword`, `crypto.hash`, `audit.record`. */
  name: string;
  symbol: ImportedSymbol;
  effect: CallEffect;
  /** The implementing function in its file's model, when known. */
  fnId?: number;
}

/**
 * A callee imported from another file of the project: `f()` (named or default
 * import), `ns.f()` (namespace import), `audit.record()` (an exported instance
 * or class and its method). Null when the file was analysed alone or the
 * export says nothing about calling it.
 */
/**
 * A table entry by name, never an inherited one: code calls exports named
 * `toString` or `constructor`, and Object.prototype's own would pass for them.
 */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function importedCallee(state: BuildState, callee: TSESTree.Node): ImportedCallee | null {
  const path = memberPath(unwrap(callee));
  if (!path || path.length > 3) return null;
  const binding = state.imports.get(path[0]);
  if (!binding) return null;
  const module = own(state.projectImports.modules, binding.module);
  if (!module) return null;
  const rest = path.slice(1);
  const exportName = binding.imported === '*' ? rest.shift() : binding.imported;
  const symbol = exportName !== undefined ? own(module.exports, exportName) : undefined;
  if (!symbol) return null;
  const name = path.join('.');
  if (rest.length === 0) return symbol.call ? { file: symbol.file, name, symbol, effect: symbol.call, fnId: symbol.fnId } : null;
  const member = rest.length === 1 && symbol.members ? own(symbol.members, rest[0]) : undefined;
  return member ? { file: symbol.file, name, symbol, effect: member.call, fnId: member.fnId } : null;
}

/** The instance type an expression evaluates to (or whose promise it resolves to), or null when unknown. */
export function instanceOf(state: BuildState, expression: TSESTree.Node, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(expression);
  switch (node.type) {
    case T.Identifier:
      return state.instances.get(node.name) ?? importedInstance(state, node.name);
    case T.ThisExpression:
      return null;
    case T.AwaitExpression:
      return instanceOf(state, node.argument, depth + 1);
    case T.CallExpression:
    case T.NewExpression:
      return lookupCall(state, node, depth + 1)?.behaviour.instance ?? null;
    case T.MemberExpression: {
      if (node.computed || node.property.type !== T.Identifier) return null;
      if (node.object.type === T.ThisExpression) return state.instances.get(`this.${node.property.name}`) ?? null;
      const owner = instanceOf(state, node.object, depth + 1);
      if (owner) {
        const type = instanceTypeOf(owner);
        const property = type?.properties?.[node.property.name];
        return property ?? type?.otherProperties ?? null;
      }
      // A module's export used as a value (`pg.Pool` is not an instance, `redis.client` might be): ask the table.
      const api = qualifiedName(node, state.imports, state.declaredNames);
      return api && instanceTypeOf(api) ? api : null;
    }
    default:
      return null;
  }
}

/** The table's entry for awaiting a value that is not a call (`await query` where `query` is a knex builder). */
export function thenableWait(state: BuildState, expression: TSESTree.Node): { key: string; behaviour: Behaviour } | null {
  const type = instanceOf(state, expression);
  const thenable = type ? instanceTypeOf(type)?.thenable : undefined;
  return type && thenable ? { key: type, behaviour: { does: 'wait', wait: thenable, returnsPromise: true } } : null;
}

/** `import { pool } from './pool'` where that file exports `new Piscina(…)`: the known type travels with the import. */
function importedInstance(state: BuildState, name: string): string | null {
  const binding = state.imports.get(name);
  if (!binding || binding.imported === '*') return null;
  const module = own(state.projectImports.modules, binding.module);
  return (module && own(module.exports, binding.imported)?.instanceOf) ?? null;
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === T.TSAsExpression || current.type === T.TSNonNullExpression || current.type === T.TSSatisfiesExpression || current.type === T.ChainExpression || current.type === T.TSTypeAssertion) {
    current = current.expression;
  }
  return current;
}
