/**
 * A file's ModuleSummary: for each export, what calling it does (the facts
 * layer's CallEffect of the function behind it), the methods of exported
 * classes and instances, re-exports as written, and the functions an
 * importer's timeline needs to draw calls into the file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { effectOf } from '../facts/effects';
import type { FunctionInfo, Model, Segment } from '../model/types';
import { readExports, type ExportEntry } from './exports';
import { SUMMARY_VERSION, type ExportedSymbol, type ModuleSummary, type SummaryFunction } from './summaryTypes';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export function summarizeModule(model: Model, file: string): ModuleSummary {
  const index = new FunctionIndex(model);
  const exports: Record<string, ExportedSymbol> = {};
  const { entries, reexports } = readExports(model.ast);
  for (const entry of entries) {
    const symbol = symbolOf(model, index, entry);
    if (symbol) exports[entry.exported] = symbol;
  }
  return { version: SUMMARY_VERSION, file, exports, reexports, functions: reachable(model, exports) };
}

class FunctionIndex {
  readonly byNode = new Map<TSESTree.Node, FunctionInfo>();
  private readonly topLevel = new Map<string, FunctionInfo>();

  constructor(private readonly model: Model) {
    for (const fn of model.functions) {
      this.byNode.set(fn.node, fn);
      if (fn.parentId === 0 && fn.kind !== 'method' && !this.topLevel.has(fn.name)) this.topLevel.set(fn.name, fn);
    }
  }

  named(name: string): FunctionInfo | undefined {
    return this.topLevel.get(name);
  }

  /** Methods of the class the model named `className` (`Repo.load`, `Repo.#flush`), by method name. */
  methods(className: string): Map<string, FunctionInfo> {
    const out = new Map<string, FunctionInfo>();
    for (const fn of this.model.functions) {
      if (fn.kind === 'method' && fn.name.startsWith(`${className}.`)) out.set(fn.name.slice(className.length + 1), fn);
    }
    return out;
  }
}

function symbolOf(model: Model, index: FunctionIndex, entry: ExportEntry): ExportedSymbol | null {
  const node = entry.node ?? declarationOf(model, entry.local);
  const at = node ?? model.ast;
  const base = { local: entry.local ?? entry.exported, line: at.loc.start.line, column: at.loc.start.column + 1 };
  if (node && (node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression)) {
    const fn = index.byNode.get(node);
    return fn ? { kind: 'function', ...base, call: effectOf(model, fn), fnId: fn.id } : null;
  }
  if (node && (node.type === T.ClassDeclaration || node.type === T.ClassExpression)) {
    return { kind: 'class', ...base, members: membersOf(model, index, className(node, entry)) };
  }
  if (node && node.type === T.NewExpression) {
    const known = entry.local ? model.instances.get(entry.local) : undefined;
    if (known) return { kind: 'instance', ...base, instanceOf: known };
    if (node.callee.type === T.Identifier) return { kind: 'instance', ...base, members: membersOf(model, index, node.callee.name) };
    return null;
  }
  if (entry.local) {
    const fn = index.named(entry.local);
    if (fn) return { kind: 'function', ...base, call: effectOf(model, fn), fnId: fn.id };
    const known = model.instances.get(entry.local);
    if (known) return { kind: 'instance', ...base, instanceOf: known };
  }
  return node ? { kind: 'value', ...base } : null;
}

/** The class's name as the model spells its methods: its id, or the variable or export that holds it. */
function className(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, entry: ExportEntry): string {
  if (node.id) return node.id.name;
  const holder = node.parent;
  if (holder?.type === T.VariableDeclarator && holder.id.type === T.Identifier) return holder.id.name;
  return entry.local ?? '<anonymous>';
}

function membersOf(model: Model, index: FunctionIndex, name: string): Record<string, { call: ReturnType<typeof effectOf>; fnId: number }> {
  const members: Record<string, { call: ReturnType<typeof effectOf>; fnId: number }> = {};
  for (const [method, fn] of index.methods(name)) {
    if (method.startsWith('#')) continue; // private: not callable from outside
    members[method] = { call: effectOf(model, fn), fnId: fn.id };
  }
  return members;
}

/** The top-level declaration of a local name: a function, a class, or a variable's initialiser. */
function declarationOf(model: Model, local: string | null): TSESTree.Node | null {
  if (!local) return null;
  for (const raw of model.ast.body) {
    const statement = raw.type === T.ExportNamedDeclaration && raw.declaration ? raw.declaration : raw;
    if ((statement.type === T.FunctionDeclaration || statement.type === T.ClassDeclaration) && statement.id?.name === local) return statement;
    if (statement.type === T.VariableDeclaration) {
      for (const d of statement.declarations) if (d.id.type === T.Identifier && d.id.name === local && d.init) return d.init;
    }
  }
  return null;
}

/** The exported functions, their methods, and every local function they reach through calls. */
function reachable(model: Model, exports: Record<string, ExportedSymbol>): SummaryFunction[] {
  const ids = new Set<number>();
  const queue: number[] = [];
  const add = (id: number | undefined) => {
    if (id === undefined || id < 0 || ids.has(id)) return;
    ids.add(id);
    queue.push(id);
  };
  for (const symbol of Object.values(exports)) {
    add(symbol.fnId);
    for (const member of Object.values(symbol.members ?? {})) add(member.fnId);
  }
  while (queue.length > 0) {
    const fn = model.functions[queue.pop()!];
    visitCalls(fn.segments, add);
  }
  return [...ids].sort((a, b) => a - b).map((id) => {
    const fn = model.functions[id];
    return { id, name: fn.name, async: fn.async, line: fn.span.line, column: fn.span.column, endLine: fn.span.endLine, endColumn: fn.span.endColumn, segments: fn.segments };
  });
}

function visitCalls(list: readonly Segment[], add: (id: number) => void): void {
  for (const seg of list) {
    if (seg.kind === 'call' && !seg.external) add(seg.calleeId);
    else if (seg.kind === 'loop') visitCalls(seg.body, add);
    else if (seg.kind === 'fork') for (const task of seg.tasks) visitCalls(task, add);
  }
}
