/**
 * Import and require bindings, and the resolution of a callee expression to a
 * qualified API name (see apis.ts). Only the program's top-level statements are
 * read for bindings: that is where imports live, and it keeps this a cheap pass.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { normaliseModule, normaliseQualified } from './names';
import type { ImportBinding } from './types';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export function readImports(program: TSESTree.Program): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const statement of program.body) {
    if (statement.type === T.ImportDeclaration) {
      const module = normaliseModule(statement.source.value);
      for (const spec of statement.specifiers) {
        if (spec.type === T.ImportDefaultSpecifier) bindings.set(spec.local.name, { module, imported: 'default' });
        else if (spec.type === T.ImportNamespaceSpecifier) bindings.set(spec.local.name, { module, imported: '*' });
        else {
          const imported = spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value;
          bindings.set(spec.local.name, { module, imported });
        }
      }
    } else if (statement.type === T.VariableDeclaration) {
      for (const decl of statement.declarations) readRequire(decl, bindings);
    } else if (statement.type === T.TSImportEqualsDeclaration && statement.moduleReference.type === T.TSExternalModuleReference) {
      const arg = statement.moduleReference.expression;
      if (arg.type === T.Literal && typeof arg.value === 'string') {
        bindings.set(statement.id.name, { module: normaliseModule(arg.value), imported: '*' });
      }
    }
  }
  return bindings;
}

/** `const x = require('m')`, `const { a, b: c } = require('m')`, `const p = require('fs').promises`. */
function readRequire(decl: TSESTree.VariableDeclarator, bindings: Map<string, ImportBinding>): void {
  if (!decl.init) return;
  const target = requireTarget(decl.init);
  if (!target) return;
  if (decl.id.type === T.Identifier) {
    bindings.set(decl.id.name, target.member ? { module: target.module, imported: target.member } : { module: target.module, imported: '*' });
  } else if (decl.id.type === T.ObjectPattern) {
    for (const prop of decl.id.properties) {
      if (prop.type !== T.Property || prop.key.type !== T.Identifier) continue;
      const local = prop.value.type === T.Identifier ? prop.value : prop.value.type === T.AssignmentPattern && prop.value.left.type === T.Identifier ? prop.value.left : null;
      if (!local) continue;
      const imported = target.member ? `${target.member}.${prop.key.name}` : prop.key.name;
      bindings.set(local.name, { module: target.module, imported });
    }
  }
}

function requireTarget(init: TSESTree.Expression): { module: string; member: string | null } | null {
  let node: TSESTree.Expression = init;
  if (node.type === T.AwaitExpression) node = node.argument; // await import('m')
  const module = requiredModule(node);
  if (module) return { module, member: null };
  if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier) {
    const inner = requiredModule(node.object);
    if (inner) return { module: inner, member: node.property.name };
  }
  return null;
}

/** The module of `require('m')` or `import('m')`, else null. */
export function requiredModule(node: TSESTree.Node): string | null {
  if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require') {
    const arg = node.arguments[0];
    if (arg && arg.type === T.Literal && typeof arg.value === 'string') return normaliseModule(arg.value);
  }
  if (node.type === T.ImportExpression && node.source.type === T.Literal && typeof node.source.value === 'string') {
    return normaliseModule(node.source.value);
  }
  return null;
}

/**
 * The dotted path of a callee: `a.b.c` -> ['a','b','c']; `this.x.y` -> ['this','x','y'];
 * `require('fs').readFileSync` -> ['require:fs','readFileSync']. Null for anything computed.
 */
export function memberPath(node: TSESTree.Node): string[] | null {
  const parts: string[] = [];
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === T.ChainExpression) current = current.expression;
    else if (current.type === T.TSNonNullExpression || current.type === T.TSAsExpression) current = current.expression;
    else if (current.type === T.MemberExpression) {
      if (current.computed || current.property.type !== T.Identifier) return null;
      parts.unshift(current.property.name);
      current = current.object;
    } else if (current.type === T.Identifier) {
      parts.unshift(current.name);
      return parts;
    } else if (current.type === T.ThisExpression) {
      parts.unshift('this');
      return parts;
    } else {
      const module = requiredModule(current);
      if (!module) return null;
      parts.unshift(`require:${module}`);
      return parts;
    }
  }
}

/**
 * Qualified API name of a callee, or null when its base is not an import, a
 * require or a known global. `shadowed` holds local names that hide a global.
 */
export function qualifiedName(callee: TSESTree.Node, imports: Map<string, ImportBinding>, shadowed: { has(name: string): boolean }): string | null {
  const path = memberPath(callee);
  if (!path) return null;
  const [base, ...rest] = path;
  let head: string;
  if (base.startsWith('require:')) head = base.slice('require:'.length);
  else {
    const binding = imports.get(base);
    if (binding) head = binding.imported === '*' || binding.imported === 'default' ? binding.module : `${binding.module}.${binding.imported}`;
    else if (shadowed.has(base) || base === 'this') return null;
    else head = base; // a global: fetch, setTimeout, Promise, Atomics, Worker, JSON, ...
  }
  return normaliseQualified([head, ...rest].join('.'));
}

/**
 * Top-level functions by name (declarations, and consts holding a function or
 * arrow), with whether they are async: a reference such as `.map(runChunk)` is
 * built like an inline callback, and an async one starts a promise per item.
 */
export function readTopLevelFunctions(program: TSESTree.Program): Map<string, { async: boolean }> {
  const functions = new Map<string, { async: boolean }>();
  for (const raw of program.body) {
    const statement = raw.type === T.ExportNamedDeclaration || raw.type === T.ExportDefaultDeclaration ? raw.declaration : raw;
    if (!statement) continue;
    if (statement.type === T.FunctionDeclaration && statement.id) functions.set(statement.id.name, { async: statement.async });
    if (statement.type === T.VariableDeclaration) {
      for (const decl of statement.declarations) {
        const init = decl.init;
        if (decl.id.type === T.Identifier && init && (init.type === T.ArrowFunctionExpression || init.type === T.FunctionExpression)) functions.set(decl.id.name, { async: init.async });
      }
    }
  }
  return functions;
}

/** Top-level declared names (functions, classes, variables that are not requires): they hide globals like `fetch`. */
export function readDeclaredNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const raw of program.body) {
    const statement = raw.type === T.ExportNamedDeclaration || raw.type === T.ExportDefaultDeclaration ? raw.declaration : raw;
    if (!statement) continue;
    if ((statement.type === T.FunctionDeclaration || statement.type === T.ClassDeclaration) && statement.id) names.add(statement.id.name);
    if (statement.type === T.VariableDeclaration) {
      for (const decl of statement.declarations) {
        if (decl.id.type === T.Identifier && !(decl.init && requireTarget(decl.init))) names.add(decl.id.name);
      }
    }
  }
  return names;
}
