/**
 * The editor's side of the project row (issue 8): the extension's project index over the
 * same copy of undici/lib, built and used in this process with the extension's own code
 * (ProjectWorkerState, the worker's side; SummaryIndex, the host's side; neither needs VS Code).
 *
 * - Index memory: the heap the host's SummaryIndex holds for every file's entry (summary,
 *   hashes, imports) after a garbage collection, and the size of the index as saved to disk.
 *   The worker keeps its own copy of the entries too (its cache), about the same again.
 * - Incremental re-analysis: the file with 10 direct importers (or the nearest count) is edited
 *   (lines inserted at the top, so every span moves and its summary changes) and re-analysed
 *   the way the extension does it after a keystroke: with its imports taken from the index,
 *   and the index told what changed. Compared with analysing the same file alone, without the
 *   project. The importers' re-analysis (the extension does it later, debounced, and only for
 *   open documents) is timed too, as a separate figure.
 *
 * Warm timings (the editor's worker is warm): medians after warm-up runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { analyze } from '../src/core/report';
import { ProjectWorkerState } from '../src/extension/projectWorker';
import { SummaryIndex } from '../src/extension/summaryIndex';
import type { IndexEntry, ProjectContext } from '../src/extension/workerProtocol';
import { median } from './stats';

export interface IndexFigures {
  /** Files with an entry in the index. */
  entries: number;
  /** Heap held by the host's index of the whole project, bytes (after GC). */
  heapBytes: number;
  /** The index as the extension saves it (JSON), bytes. */
  storedBytes: number;
  /** The edited file, relative to the project, and how many files import it directly. */
  edited: string;
  importers: number;
  lines: number;
  /** Analysing the edited file alone (no project), ms (median). */
  singleMs: number;
  /** Re-analysing it after the edit with the project index, ms (median). */
  incrementalMs: number;
  /** incrementalMs / singleMs; the target is at most 2. */
  ratio: number;
  /** Re-analysing its direct importers after that (the extension does so for open ones), ms (median). */
  importersMs: number;
  runs: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function measureIndex(dir: string, files: readonly string[], runs: number): IndexFigures | { skipped: string } {
  if (!gc) return { skipped: 'run with node --expose-gc (npm run bench does)' };
  const root = toPosix(dir);
  const keys = files.map(toPosix);
  const state = new ProjectWorkerState();
  const index = new SummaryIndex();
  const texts = new Map(keys.map((key, i) => [key, fs.readFileSync(files[i], 'utf8')]));
  const request = (key: string, text: string, overlays: ProjectContext['overlays'] = {}) =>
    state.analyze(text, path.posix.relative(root, key), {}, { ...contextFor(index, key, root), overlays });
  // The background index: every file once, each request reusing what earlier ones summarised.
  for (const key of keys) index.absorb(request(key, texts.get(key)!).entries);

  const entries = keys.map((key) => index.get(key)).filter((entry): entry is IndexEntry => entry !== undefined);
  const heapBytes = heldBytes(v8.serialize(entries));
  const storedBytes = Buffer.byteLength(JSON.stringify(index.toStored()));

  const importersOf = new Map<string, string[]>();
  for (const entry of entries) for (const target of entry.imports) importersOf.set(target, [...(importersOf.get(target) ?? []), entry.path]);
  const [edited, importers] = [...importersOf].sort((a, b) => Math.abs(a[1].length - 10) - Math.abs(b[1].length - 10) || compare(a[0], b[0]))[0];
  const original = texts.get(edited)!;
  const fileName = path.posix.relative(root, edited);

  const single: number[] = [];
  const incremental: number[] = [];
  const dependents: number[] = [];
  const warmup = 3;
  for (let i = 0; i < warmup + runs; i++) {
    let start = performance.now();
    analyze(original, { fileName });
    const singleMs = performance.now() - start;
    // One or two lines more at the top, in turn: every edit moves the spans, so the summary changes each time.
    const text = '// edited\n'.repeat(1 + (i % 2)) + original;
    start = performance.now();
    const changed = index.absorb(request(edited, text).entries);
    const incrementalMs = performance.now() - start;
    if (!changed.includes(edited)) throw new Error(`the edit did not change the summary of ${fileName}`);
    start = performance.now();
    // The edit is unsaved: the importers read the edited file's text from the editor, not the disk.
    const overlays = { [edited]: { text, version: i + 1 } };
    for (const importer of importers) index.absorb(request(importer, texts.get(importer)!, overlays).entries);
    const importersMs = performance.now() - start;
    if (i < warmup) continue;
    single.push(singleMs);
    incremental.push(incrementalMs);
    dependents.push(importersMs);
  }
  const singleMs = median(single);
  const incrementalMs = median(incremental);
  return {
    entries: entries.length,
    heapBytes,
    storedBytes,
    edited: fileName,
    importers: importers.length,
    lines: original.split('\n').length,
    singleMs,
    incrementalMs,
    ratio: incrementalMs / singleMs,
    importersMs: median(dependents),
    runs,
  };
}

/** What the host sends with a request: the entries it knows for what the file reaches (projectIndex.ts). */
function contextFor(index: SummaryIndex, key: string, root: string): ProjectContext {
  return { path: key, roots: [root], overlays: {}, known: index.reachableFrom(key), epoch: 0, maxFiles: 200, importBudgetMs: 5000 };
}

/** Heap used by a host-side SummaryIndex holding a fresh copy of `serialized` (the entries as they arrive from a worker). */
function heldBytes(serialized: Buffer): number {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const held = new SummaryIndex();
  held.absorb(v8.deserialize(serialized) as IndexEntry[]);
  gc!();
  const after = process.memoryUsage().heapUsed;
  // Still in use here, so the collection above could not take it.
  if (held.size === 0) return 0;
  return after - before;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
