/**
 * Where a name is declared, and whether an expression is certainly an array:
 * the look-ups the waits rules use to judge a loop or a fan-out's collection.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { memberPath } from '../model/imports';
import { isFunctionNode, patternNames, unwrap } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;
type Node = TSESTree.Node;

/**
 * Finds the declaration of `name` visible from `from` by looking at the
 * statements of the enclosing blocks and the parameters of enclosing functions.
 * Returns the declarator (its id may be a pattern that binds `name`) or the
 * parameter (an Identifier, or the pattern that binds it), or null.
 */
export function findDeclaration(name: string, from: Node): TSESTree.VariableDeclarator | TSESTree.Parameter | null {
  for (let scope: Node | undefined = from.parent; scope; scope = scope.parent) {
    if (scope.type === T.Program) return topLevelDeclarations(scope).get(name) ?? null;
    let statements: Node[] = [];
    if (scope.type === T.BlockStatement || scope.type === T.StaticBlock) statements = scope.body;
    else if (scope.type === T.SwitchCase) statements = scope.consequent;
    else if (scope.type === T.ForStatement && scope.init) statements = [scope.init];
    else if (scope.type === T.ForOfStatement || scope.type === T.ForInStatement) statements = [scope.left];
    else if (isFunctionNode(scope)) {
      for (const param of scope.params) {
        const id = param.type === T.TSParameterProperty ? param.parameter : param;
        if (patternNames(id).includes(name)) return param;
      }
    }
    for (const raw of statements) {
      const statement = raw.type === T.ExportNamedDeclaration && raw.declaration ? raw.declaration : raw;
      if (statement.type !== T.VariableDeclaration) continue;
      for (const decl of statement.declarations) {
        if (decl.id.type === T.Identifier ? decl.id.name === name : patternNames(decl.id).includes(name)) return decl;
      }
    }
  }
  return null;
}

const topLevelIndex = new WeakMap<Node, Map<string, TSESTree.VariableDeclarator>>();

/**
 * The program's top-level variable declarations by name, built once per file:
 * scanning the whole program body on every lookup made large files quadratic.
 */
function topLevelDeclarations(program: TSESTree.Program): Map<string, TSESTree.VariableDeclarator> {
  let index = topLevelIndex.get(program);
  if (index) return index;
  index = new Map();
  for (const raw of program.body) {
    const statement = raw.type === T.ExportNamedDeclaration && raw.declaration ? raw.declaration : raw;
    if (statement.type !== T.VariableDeclaration) continue;
    for (const decl of statement.declarations) {
      for (const declared of decl.id.type === T.Identifier ? [decl.id.name] : patternNames(decl.id)) {
        if (!index.has(declared)) index.set(declared, decl);
      }
    }
  }
  topLevelIndex.set(program, index);
  return index;
}

/** Whether an expression is certainly an Array (so `.map` exists): literals, array methods, typed parameters. */
export function isKnownArray(expr: Node, depth = 0): boolean {
  const node = unwrap(expr);
  if (node.type === T.ArrayExpression) return true;
  if (node.type === T.CallExpression) {
    const path = memberPath(node.callee);
    if (!path) return false;
    const joined = path.join('.');
    if (/^(Object\.(keys|values|entries)|Array\.(from|of))$/.test(joined)) return true;
    return path.length > 1 && /^(map|filter|slice|concat|flat|flatMap|toSorted|toReversed|split)$/.test(path[path.length - 1]);
  }
  if (node.type === T.Identifier && depth < 3) {
    const decl = findDeclaration(node.name, node);
    if (!decl) return false;
    if (decl.type === T.Identifier) return !!decl.typeAnnotation && isArrayType(decl.typeAnnotation.typeAnnotation);
    if (decl.type !== T.VariableDeclarator || decl.id.type !== T.Identifier) return false;
    if (decl.id.typeAnnotation) return isArrayType(decl.id.typeAnnotation.typeAnnotation);
    return !!decl.init && isKnownArray(decl.init, depth + 1);
  }
  return false;
}

function isArrayType(type: TSESTree.TypeNode): boolean {
  if (type.type === T.TSArrayType) return true;
  if (type.type === T.TSTypeOperator && type.operator === 'readonly' && type.typeAnnotation) return isArrayType(type.typeAnnotation);
  return type.type === T.TSTypeReference && type.typeName.type === T.Identifier && /^(Array|ReadonlyArray)$/.test(type.typeName.name);
}
