/**
 * Whole-project analysis, in one thread: the files asked for and every
 * project file they import (even when not asked for), each parsed once and
 * analysed after the files it imports, so each analysis reads its imports'
 * summaries. Files that import each other (a cycle) are analysed together,
 * again and again on the same trees, until their summaries stop changing or a
 * fixed number of rounds has run: it always ends.
 *
 * File access is injected (a ProjectHost for resolution, `read` for sources),
 * so the same code runs in the CLI, the extension's workers and the tests.
 */
import * as ts from 'typescript';
import { parseSource } from '../parse';
import { analyzeModule, analyzeParsed, type ModuleAnalysis } from '../report';
import type { AnalyzeOptions } from '../reportTypes';
import type { ProjectHost } from './host';
import { linkImports } from './link';
import { createResolver, type Resolver } from './resolve';
import type { ModuleSummary } from './summaryTypes';
import { stronglyConnected } from './components';

/** Rounds of a cycle's fixpoint; summaries only gain facts, so a few rounds settle any real cycle. */
export const MAX_CYCLE_ROUNDS = 4;

export type ReadSource = (path: string) => { text: string } | { problem: string };

export interface ProjectAnalysis {
  /** Every analysed file (asked for or imported), by path. */
  results: Map<string, ModuleAnalysis>;
  /** Files that could not be read, with the reason. */
  problems: Map<string, string>;
  /** Dependency order: every file after the files it imports (cycle members together). */
  order: string[];
}

export interface ProjectOptions extends Omit<AnalyzeOptions, 'fileName' | 'imports'> {
  /** The report's file name for a path (the CLI prints paths relative to where it runs). */
  displayName?: (path: string) => string;
  /** Follow imports into files that were not asked for (default true). */
  followImports?: boolean;
}

/** The import specifiers a file writes, keyed the way the model keys its bindings (`node:` dropped). */
export function importSpecifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const out = new Set<string>();
  for (const ref of info.importedFiles) out.add(ref.fileName.startsWith('node:') ? ref.fileName.slice(5) : ref.fileName);
  return [...out];
}

export function analyzeProject(host: ProjectHost, files: readonly string[], read: ReadSource, options: ProjectOptions = {}, resolver: Resolver = createResolver(host)): ProjectAnalysis {
  const graph = discover(files, read, resolver, options.followImports ?? true);
  const order: string[] = [];
  const results = new Map<string, ModuleAnalysis>();
  const summaries = new Map<string, ModuleSummary>();
  const link = {
    resolve: (specifier: string, from: string) => graph.resolved.get(from)?.get(specifier) ?? resolveSource(resolver, specifier, from),
    summaryOf: (file: string) => summaries.get(file),
  };
  const analyzeOne = (file: string): ModuleAnalysis => {
    const text = graph.texts.get(file)!;
    const imports = linkImports(file, graph.specifiers.get(file) ?? [], link);
    return analyzeModule(text, { ...options, fileName: options.displayName?.(file) ?? file, imports }, file);
  };
  for (const component of components(graph)) {
    order.push(...component);
    if (component.length === 1 && !graph.edges.get(component[0])?.has(component[0])) {
      const analysis = analyzeOne(component[0]);
      results.set(component[0], analysis);
      if (analysis.summary) summaries.set(component[0], analysis.summary);
      continue;
    }
    settleCycle(component, graph, options, link, results, summaries);
  }
  return { results, problems: graph.problems, order };
}

interface Graph {
  texts: Map<string, string>;
  specifiers: Map<string, string[]>;
  /** file -> specifier -> the project file it resolves to. */
  resolved: Map<string, Map<string, string>>;
  edges: Map<string, Set<string>>;
  problems: Map<string, string>;
  /** Files in the order they were first seen (asked for first), for a stable result. */
  seen: string[];
}

function resolveSource(resolver: Resolver, specifier: string, from: string): string | null {
  const resolution = resolver.resolve(specifier, from);
  return resolution.kind === 'source' ? resolution.file : null;
}

function discover(files: readonly string[], read: ReadSource, resolver: Resolver, follow: boolean): Graph {
  const graph: Graph = { texts: new Map(), specifiers: new Map(), resolved: new Map(), edges: new Map(), problems: new Map(), seen: [] };
  const asked = new Set(files);
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (graph.texts.has(file) || graph.problems.has(file)) continue;
    const source = read(file);
    if ('problem' in source) {
      graph.problems.set(file, source.problem);
      continue;
    }
    graph.texts.set(file, source.text);
    graph.seen.push(file);
    const specifiers = importSpecifiers(source.text);
    graph.specifiers.set(file, specifiers);
    const targets = new Map<string, string>();
    const edges = new Set<string>();
    for (const specifier of specifiers) {
      const target = resolveSource(resolver, specifier, file);
      if (!target) continue;
      targets.set(specifier, target);
      edges.add(target);
      if ((follow || asked.has(target)) && !graph.texts.has(target)) queue.push(target);
    }
    graph.resolved.set(file, targets);
    graph.edges.set(file, edges);
  }
  return graph;
}

/** The graph's components, dependencies first (see components.ts). */
function components(graph: Graph): string[][] {
  return stronglyConnected(graph.seen, (file) => [...(graph.edges.get(file) ?? [])].filter((t) => graph.texts.has(t)));
}

/** A cycle: parse each member once, then analyse them all in rounds until their summaries are the same twice. */
function settleCycle(
  members: string[],
  graph: Graph,
  options: ProjectOptions,
  link: { resolve(s: string, f: string): string | null; summaryOf(f: string): ModuleSummary | undefined },
  results: Map<string, ModuleAnalysis>,
  summaries: Map<string, ModuleSummary>,
): void {
  const trees = new Map(members.map((file) => [file, parseSource(graph.texts.get(file)!, options.displayName?.(file) ?? file)]));
  let previous = '';
  for (let round = 0; round < MAX_CYCLE_ROUNDS; round++) {
    for (const file of members) {
      const parsed = trees.get(file)!;
      const fileName = options.displayName?.(file) ?? file;
      const imports = linkImports(file, graph.specifiers.get(file) ?? [], link);
      const analysis = parsed.ok
        ? analyzeParsed(parsed.ast, graph.texts.get(file)!, { ...options, fileName, imports }, file)
        : analyzeModule(graph.texts.get(file)!, { ...options, fileName, imports }, file);
      results.set(file, analysis);
      if (analysis.summary) summaries.set(file, analysis.summary);
    }
    const now = JSON.stringify(members.map((file) => summaries.get(file) ?? null));
    if (now === previous) return;
    previous = now;
  }
}
