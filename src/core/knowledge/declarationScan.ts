/**
 * First pass of the declaration reader: one walk over a `.d.ts` AST that files
 * every value (functions, classes, constants, namespaces) and every type
 * (classes, interfaces, aliases) by its dotted path, with the signature nodes
 * left for the second pass to judge. No judgement happens here, so the order of
 * declarations in the file does not matter.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { addClass, addConstant, addFunction, addMembers, typeEntry } from './declarationEntries';
import { dottedName, emptyScan, GLOBAL_SCOPE, join, type ScopeScan } from './declarationModel';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** Namespaces nested deeper than this are not read (real packages nest two or three levels). */
const MAX_NAMESPACE_DEPTH = 6;

export function scanProgram(program: TSESTree.Program): ScopeScan {
  const script = !program.body.some((s) => s.type === T.ImportDeclaration || s.type === T.ExportNamedDeclaration
    || s.type === T.ExportDefaultDeclaration || s.type === T.ExportAllDeclaration || s.type === T.TSExportAssignment
    || s.type === T.TSImportEqualsDeclaration);
  const scan = emptyScan(script);
  for (const statement of program.body) scanStatement(scan, statement, '', 0, true);
  return scan;
}

function scanStatement(scan: ScopeScan, raw: TSESTree.ProgramStatement, scope: string, depth: number, top: boolean): void {
  if (raw.type === T.ExportNamedDeclaration) {
    if (raw.source) {
      const names = raw.specifiers.map((s): [string, string] => [specifierName(s.local), specifierName(s.exported)]);
      scan.reExports.push({ from: raw.source.value, names });
    } else if (raw.declaration) {
      for (const name of declaredNames(raw.declaration)) if (top) scan.exported.set(name, name);
      scanDeclaration(scan, raw.declaration, scope, depth);
    } else if (top) {
      for (const s of raw.specifiers) scan.exported.set(specifierName(s.exported), specifierName(s.local));
    }
    return;
  }
  if (raw.type === T.ExportDefaultDeclaration) {
    const declaration = raw.declaration;
    if (declaration.type === T.Identifier) scan.exported.set('default', declaration.name);
    else if ((declaration.type === T.FunctionDeclaration || declaration.type === T.TSDeclareFunction || declaration.type === T.ClassDeclaration) && declaration.id) {
      scan.exported.set('default', declaration.id.name);
      scanDeclaration(scan, declaration, scope, depth);
    } else if (declaration.type === T.FunctionDeclaration || declaration.type === T.TSDeclareFunction) {
      addFunction(scan, 'default', scope, declaration);
      scan.exported.set('default', 'default');
    } else if (declaration.type === T.ClassDeclaration) {
      addClass(scan, 'default', scope, declaration);
      scan.exported.set('default', 'default');
    }
    return;
  }
  if (raw.type === T.ExportAllDeclaration) {
    scan.reExports.push(raw.exported ? { from: raw.source.value, as: specifierName(raw.exported) } : { from: raw.source.value });
    return;
  }
  if (raw.type === T.TSExportAssignment) {
    const name = dottedName(raw.expression);
    if (name) scan.exportEquals = name;
    return;
  }
  scanDeclaration(scan, raw, scope, depth);
}

function specifierName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

function declaredNames(declaration: TSESTree.NamedExportDeclarations): string[] {
  if (declaration.type === T.VariableDeclaration) {
    return declaration.declarations.flatMap((d) => (d.id.type === T.Identifier ? [d.id.name] : []));
  }
  if (declaration.type === T.TSModuleDeclaration) {
    const name = dottedName(declaration.id);
    return name ? [name.split('.')[0]] : [];
  }
  return 'id' in declaration && declaration.id && declaration.id.type === T.Identifier ? [declaration.id.name] : [];
}

function scanDeclaration(scan: ScopeScan, node: TSESTree.Node, scope: string, depth: number): void {
  switch (node.type) {
    case T.TSDeclareFunction:
    case T.FunctionDeclaration:
      if (node.id) addFunction(scan, node.id.name, scope, node);
      return;
    case T.ClassDeclaration:
      if (node.id) addClass(scan, node.id.name, scope, node);
      return;
    case T.VariableDeclaration:
      for (const declarator of node.declarations) {
        if (declarator.id.type === T.Identifier) addConstant(scan, join(scope, declarator.id.name), scope, declarator.id.typeAnnotation?.typeAnnotation);
      }
      return;
    case T.TSInterfaceDeclaration: {
      const type = typeEntry(scan, join(scope, node.id.name), 'interface', scope, node.typeParameters);
      for (const heritage of node.extends) {
        const name = dottedName(heritage.expression);
        if (name) type.heritage.push(name);
      }
      addMembers(type, node.body.body);
      return;
    }
    case T.TSTypeAliasDeclaration: {
      const type = typeEntry(scan, join(scope, node.id.name), 'alias', scope, node.typeParameters);
      type.alias = node.typeAnnotation;
      if (node.typeAnnotation.type === T.TSTypeLiteral) addMembers(type, node.typeAnnotation.members);
      return;
    }
    case T.TSModuleDeclaration:
      scanModule(scan, node, scope, depth);
      return;
    default:
  }
}

function scanModule(scan: ScopeScan, node: TSESTree.TSModuleDeclaration, scope: string, depth: number): void {
  if (!node.body || node.body.type !== T.TSModuleBlock) return;
  if (node.id.type === T.Literal || node.kind === 'global') {
    // `declare module 'name' { ... }` describes another module; `declare global { ... }` adds globals.
    if (depth > 0) return;
    const name = node.kind === 'global' ? GLOBAL_SCOPE : String(node.id.type === T.Literal ? node.id.value : GLOBAL_SCOPE);
    const inner = scan.ambient.get(name) ?? emptyScan(true);
    scan.ambient.set(name, inner);
    for (const statement of node.body.body) scanStatement(inner, statement, '', 0, true);
    // Inside an ambient module everything is visible unless it exports explicitly.
    inner.script = inner.exported.size === 0 && inner.exportEquals === undefined;
    return;
  }
  if (depth >= MAX_NAMESPACE_DEPTH) return;
  const name = dottedName(node.id);
  if (!name) return;
  const path = join(scope, name);
  const parts = path.split('.');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    if (!scan.values.has(prefix)) scan.values.set(prefix, { kind: 'namespace', scope: parts.slice(0, i - 1).join('.'), signatures: [] });
  }
  for (const statement of node.body.body) scanStatement(scan, statement, path, depth + 1, false);
}
