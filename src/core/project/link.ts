/**
 * What one file's analysis is given about the files it imports: for each
 * specifier, the module it resolves to with its exports, re-exports followed
 * through barrels (`export * from`, `export { a as b } from`) to the file that
 * defines each symbol; and the summarised functions of every file a timeline
 * may need to draw. Cycles of re-exports end (each file is entered once per
 * chain).
 */
import type { ImportedModule, ImportedSymbol, ModuleSummary, ProjectImports, SummaryFunction } from './summaryTypes';

/** How deep re-export chains and timeline closures are followed. */
const MAX_DEPTH = 16;

export interface LinkHost {
  /** The project file a specifier written in `from` resolves to, or null (a package, a builtin, nothing). */
  resolve(specifier: string, from: string): string | null;
  /** The summary of a project file, when it has been analysed. */
  summaryOf(file: string): ModuleSummary | undefined;
}

export function linkImports(file: string, specifiers: Iterable<string>, host: LinkHost): ProjectImports {
  const modules: Record<string, ImportedModule> = {};
  const files = new Set<string>();
  for (const specifier of specifiers) {
    const target = host.resolve(specifier, file);
    if (!target || target === file) continue;
    const summary = host.summaryOf(target);
    if (!summary) continue;
    const exports = flatten(summary, host, new Set(), 0);
    modules[specifier] = { file: target, exports };
    for (const symbol of Object.values(exports)) files.add(symbol.file);
  }
  return { modules, functions: closure(files, host) };
}

function flatten(summary: ModuleSummary, host: LinkHost, seen: Set<string>, depth: number): Record<string, ImportedSymbol> {
  const out: Record<string, ImportedSymbol> = {};
  for (const [name, symbol] of Object.entries(summary.exports)) out[name] = { ...symbol, file: summary.file };
  if (seen.has(summary.file) || depth >= MAX_DEPTH) return out;
  seen.add(summary.file);
  for (const reexport of summary.reexports) {
    const target = host.resolve(reexport.from, summary.file);
    const inner = target ? host.summaryOf(target) : undefined;
    if (!inner) continue;
    const symbols = flatten(inner, host, seen, depth + 1);
    if (reexport.names === 'all') {
      // `export *` never re-exports a default, and a name the file declares itself wins.
      for (const [name, symbol] of Object.entries(symbols)) if (name !== 'default' && !Object.hasOwn(out, name)) out[name] = symbol;
    } else {
      for (const { imported, exported } of reexport.names) if (symbols[imported]) out[exported] = symbols[imported];
    }
  }
  seen.delete(summary.file);
  return out;
}

/** The summarised functions of `files` and of every file their calls lead into, so calls expand across files. */
function closure(files: Set<string>, host: LinkHost): Record<string, SummaryFunction[]> {
  const out: Record<string, SummaryFunction[]> = {};
  const queue = [...files];
  for (let steps = 0; queue.length > 0 && steps < MAX_DEPTH * 64; steps++) {
    const file = queue.shift()!;
    if (out[file]) continue;
    const summary = host.summaryOf(file);
    if (!summary) continue;
    out[file] = summary.functions;
    for (const fn of summary.functions) for (const next of externalFiles(fn.segments)) if (!out[next]) queue.push(next);
  }
  return out;
}

function externalFiles(segments: SummaryFunction['segments'], found = new Set<string>()): Set<string> {
  for (const seg of segments) {
    if (seg.kind === 'call' && seg.external) found.add(seg.external.file);
    else if (seg.kind === 'loop') externalFiles(seg.body, found);
    else if (seg.kind === 'fork') for (const task of seg.tasks) externalFiles(task, found);
  }
  return found;
}
