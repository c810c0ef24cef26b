/**
 * Filing declarations: functions (merging overloads), classes (instance members
 * on the type, statics as values), constants (opening object type literals into
 * member values), interfaces' and type literals' members.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { dottedName, join, type RawMember, type RawType, type RawValue, type ScopeScan, type Signature } from './declarationModel';

const T = AST_NODE_TYPES;

interface SignatureNode {
  params: TSESTree.Parameter[];
  returnType?: TSESTree.TSTypeAnnotation;
  async?: boolean;
  typeParameters?: TSESTree.TSTypeParameterDeclaration;
}

function typeParameterNames(declaration: TSESTree.TSTypeParameterDeclaration | undefined): string[] {
  return declaration ? declaration.params.map((p) => p.name.name) : [];
}

function signatureOf(node: SignatureNode): Signature {
  return { params: node.params, returnType: node.returnType?.typeAnnotation, async: !!node.async, typeParameters: typeParameterNames(node.typeParameters) };
}

export function addFunction(scan: ScopeScan, name: string, scope: string, node: TSESTree.TSDeclareFunction | TSESTree.FunctionDeclaration): void {
  const path = join(scope, name);
  const existing = scan.values.get(path);
  if (existing && (existing.kind === 'function' || existing.kind === 'namespace')) {
    existing.kind = 'function';
    existing.signatures.push(signatureOf(node));
  } else {
    scan.values.set(path, { kind: 'function', scope, signatures: [signatureOf(node)] });
  }
}

export function addClass(scan: ScopeScan, name: string, scope: string, node: TSESTree.ClassDeclaration): void {
  const path = join(scope, name);
  const value: RawValue = { kind: 'class', scope, signatures: [] };
  scan.values.set(path, value);
  const type = typeEntry(scan, path, 'class', scope, node.typeParameters);
  if (node.superClass) {
    const superName = dottedName(node.superClass);
    if (superName) type.heritage.push(superName);
  }
  for (const implemented of node.implements) {
    const name = dottedName(implemented.expression);
    if (name) type.heritage.push(name);
  }
  for (const member of node.body.body) {
    if (member.type !== T.MethodDefinition && member.type !== T.TSAbstractMethodDefinition
      && member.type !== T.PropertyDefinition && member.type !== T.TSAbstractPropertyDefinition) continue;
    if (member.computed || member.key.type !== T.Identifier) continue;
    const key = member.key.name;
    if (member.type === T.MethodDefinition || member.type === T.TSAbstractMethodDefinition) {
      if (member.kind === 'constructor') { value.signatures.push(signatureOf(member.value)); continue; }
      const signature = member.kind === 'get' ? null : signatureOf(member.value);
      if (member.static) {
        if (signature) addStatic(scan, `${path}.${key}`, path, signature);
      } else if (member.kind === 'get') {
        memberEntry(type, key).property = member.value.returnType?.typeAnnotation;
      } else if (signature && member.kind === 'method') {
        memberEntry(type, key).signatures.push(signature);
      }
    } else if (member.static) {
      addConstant(scan, `${path}.${key}`, path, member.typeAnnotation?.typeAnnotation);
    } else {
      memberEntry(type, key).property = member.typeAnnotation?.typeAnnotation;
    }
  }
}

function addStatic(scan: ScopeScan, path: string, scope: string, signature: Signature): void {
  const existing = scan.values.get(path);
  if (existing && existing.kind === 'function') existing.signatures.push(signature);
  else scan.values.set(path, { kind: 'function', scope, signatures: [signature] });
}

/** `declare const x: T`; an object type literal is opened up into `x.member` values. */
export function addConstant(scan: ScopeScan, path: string, scope: string, type: TSESTree.TypeNode | undefined): void {
  const value: RawValue = { kind: 'value', scope, signatures: [], valueType: type };
  if (type?.type === T.TSFunctionType) value.signatures.push(signatureOf(type));
  if (type?.type === T.TSTypeLiteral) {
    const literal: RawType = { kind: 'interface', scope, heritage: [], members: new Map(), calls: [], constructs: [], typeParameters: [] };
    addMembers(literal, type.members);
    value.signatures.push(...literal.calls);
    if (literal.constructs.length > 0) value.constructs = literal.constructs;
    for (const [name, member] of literal.members) {
      if (member.signatures.length > 0) scan.values.set(`${path}.${name}`, { kind: 'function', scope: path, signatures: member.signatures });
      else if (member.property) addConstant(scan, `${path}.${name}`, path, member.property);
    }
  }
  if (!scan.values.has(path) || scan.values.get(path)!.kind === 'namespace') scan.values.set(path, value);
}

export function typeEntry(scan: ScopeScan, path: string, kind: RawType['kind'], scope: string, parameters?: TSESTree.TSTypeParameterDeclaration): RawType {
  const existing = scan.types.get(path);
  if (existing) {
    // Declaration merging: an interface and a class (or two interfaces) of one name are one type.
    if (kind === 'class') existing.kind = 'class';
    existing.typeParameters.push(...typeParameterNames(parameters));
    return existing;
  }
  const type: RawType = { kind, scope, heritage: [], members: new Map(), calls: [], constructs: [], typeParameters: typeParameterNames(parameters) };
  scan.types.set(path, type);
  return type;
}

function memberEntry(type: RawType, name: string): RawMember {
  let member = type.members.get(name);
  if (!member) {
    member = { signatures: [] };
    type.members.set(name, member);
  }
  return member;
}

export function addMembers(type: RawType, members: TSESTree.TypeElement[]): void {
  for (const member of members) {
    if (member.type === T.TSCallSignatureDeclaration) type.calls.push(signatureOf(member));
    else if (member.type === T.TSConstructSignatureDeclaration) type.constructs.push(signatureOf(member));
    else if (member.type === T.TSMethodSignature && !member.computed && member.key.type === T.Identifier) {
      if (member.kind === 'get') memberEntry(type, member.key.name).property = member.returnType?.typeAnnotation;
      else if (member.kind === 'method') memberEntry(type, member.key.name).signatures.push(signatureOf(member));
    } else if (member.type === T.TSPropertySignature && !member.computed && member.key.type === T.Identifier) {
      const annotation = member.typeAnnotation?.typeAnnotation;
      if (annotation?.type === T.TSFunctionType) memberEntry(type, member.key.name).signatures.push(signatureOf(annotation));
      else memberEntry(type, member.key.name).property = annotation;
    }
  }
}
