/**
 * What a file exports, read from its top-level statements, in ES module and
 * CommonJS forms: `export function f`, `export const f = () => …`, `export
 * default …`, `export { a as b }`, classes and their methods, exported
 * instances (`export const pool = new Piscina(…)`), re-exports (`export * from`,
 * `export { x as y } from`), `module.exports = { a, b }`, `module.exports = fn`
 * and `exports.x = …`. Each entry names the local binding or the function node
 * that implements it; the summary (./summarize.ts) turns them into effects.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ReExport } from './summaryTypes';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export interface ExportEntry {
  /** The name importers use (`default` for the default export). */
  exported: string;
  /** The local binding it refers to, when it is a name. */
  local: string | null;
  /** The expression or declaration exported, when it is written in place (`export default function () {}`, `module.exports = { run() {} }`). */
  node: TSESTree.Node | null;
}

export interface ModuleExports {
  entries: ExportEntry[];
  reexports: ReExport[];
}

export function readExports(program: TSESTree.Program): ModuleExports {
  const entries: ExportEntry[] = [];
  const reexports: ReExport[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case T.ExportNamedDeclaration:
        if (statement.source) {
          const names = statement.specifiers.map((spec) => ({ imported: nameOf(spec.local), exported: nameOf(spec.exported) }));
          reexports.push({ from: statement.source.value, names });
        } else if (statement.declaration) {
          entries.push(...declared(statement.declaration));
        } else {
          for (const spec of statement.specifiers) entries.push({ exported: nameOf(spec.exported), local: nameOf(spec.local), node: null });
        }
        break;
      case T.ExportAllDeclaration:
        // `export * as ns from` exposes a namespace object: not a callable we can follow.
        if (!statement.exported) reexports.push({ from: statement.source.value, names: 'all' });
        break;
      case T.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        if (declaration.type === T.Identifier) entries.push({ exported: 'default', local: declaration.name, node: null });
        else {
          const id = (declaration.type === T.FunctionDeclaration || declaration.type === T.ClassDeclaration) && declaration.id ? declaration.id.name : null;
          entries.push({ exported: 'default', local: id, node: declaration });
        }
        break;
      }
      case T.ExpressionStatement:
        entries.push(...commonJs(statement.expression));
        break;
      default:
        break;
    }
  }
  return { entries, reexports };
}

function nameOf(node: TSESTree.Node): string {
  return node.type === T.Identifier ? node.name : node.type === T.Literal ? String(node.value) : '';
}

function declared(declaration: TSESTree.NamedExportDeclarations): ExportEntry[] {
  if ((declaration.type === T.FunctionDeclaration || declaration.type === T.ClassDeclaration) && declaration.id) {
    return [{ exported: declaration.id.name, local: declaration.id.name, node: declaration }];
  }
  if (declaration.type === T.VariableDeclaration) {
    return declaration.declarations.flatMap((d) => (d.id.type === T.Identifier ? [{ exported: d.id.name, local: d.id.name, node: d.init }] : []));
  }
  return [];
}

/** `module.exports = …`, `module.exports.x = …`, `exports.x = …`. */
function commonJs(expression: TSESTree.Expression): ExportEntry[] {
  if (expression.type !== T.AssignmentExpression || expression.operator !== '=' || expression.left.type !== T.MemberExpression) return [];
  const target = expression.left;
  const value = expression.right;
  if (isModuleExports(target)) {
    if (value.type === T.ObjectExpression) return objectEntries(value);
    return [{ exported: 'default', local: value.type === T.Identifier ? value.name : null, node: value.type === T.Identifier ? null : value }];
  }
  const name = !target.computed && target.property.type === T.Identifier ? target.property.name : null;
  const owner = target.object;
  if (!name || !(isModuleExports(owner) || (owner.type === T.Identifier && owner.name === 'exports'))) return [];
  return [{ exported: name, local: value.type === T.Identifier ? value.name : null, node: value.type === T.Identifier ? null : value }];
}

function isModuleExports(node: TSESTree.Node): boolean {
  return node.type === T.MemberExpression && !node.computed && node.object.type === T.Identifier && node.object.name === 'module' && node.property.type === T.Identifier && node.property.name === 'exports';
}

/** `{ a, b: c, d() {}, e: () => … }`. */
function objectEntries(object: TSESTree.ObjectExpression): ExportEntry[] {
  const out: ExportEntry[] = [];
  for (const prop of object.properties) {
    if (prop.type !== T.Property || prop.computed) continue;
    const key = prop.key.type === T.Identifier ? prop.key.name : prop.key.type === T.Literal ? String(prop.key.value) : null;
    if (!key) continue;
    const value = prop.value;
    if (value.type === T.Identifier) out.push({ exported: key, local: value.name, node: null });
    else out.push({ exported: key, local: null, node: value });
  }
  return out;
}
