/**
 * The project index the extension keeps in memory (and on disk between
 * sessions): one entry per file, valid for a content hash. It answers which
 * entries a document's analysis can reuse, which files import a given one
 * (directly or through others), and which summaries changed after a worker
 * answered. Free of `vscode` so it can be tested in plain node.
 */
import { affectsResolution } from '../core/project/host';
import { SUMMARY_VERSION } from '../core/project/summaryTypes';
import type { IndexEntry } from './workerProtocol';

/** Bumped when the stored shape changes; a stored index of another version is ignored. */
export const INDEX_FORMAT = 1;

/** How many entries are sent with one request at most (they are cloned into the worker). */
const MAX_KNOWN = 500;

export interface StoredIndex {
  format: number;
  summaryVersion: number;
  entries: IndexEntry[];
}

export class SummaryIndex {
  private readonly entries = new Map<string, IndexEntry>();
  /** path -> files that import it directly. */
  private readonly importers = new Map<string, Set<string>>();

  get size(): number {
    return this.entries.size;
  }

  get(path: string): IndexEntry | undefined {
    return this.entries.get(path);
  }

  /**
   * Takes a worker's entries; returns the paths whose summary is new or
   * different from the one held before (what importers must be re-analysed for).
   */
  absorb(entries: readonly IndexEntry[]): string[] {
    const changed: string[] = [];
    for (const entry of entries) {
      const previous = this.entries.get(entry.path);
      if (previous && previous.summaryHash !== entry.summaryHash) changed.push(entry.path);
      this.set(entry);
    }
    return changed;
  }

  /** A file changed on disk or went away: its entry is no longer trusted. Returns whether there was one. */
  invalidate(path: string): boolean {
    const entry = this.entries.get(path);
    if (!entry) return false;
    this.unlink(entry);
    this.entries.delete(path);
    return true;
  }

  /** Every file that imports `path`, directly or through other files (never `path` itself). */
  dependentsOf(path: string): Set<string> {
    const out = new Set<string>();
    const queue = [path];
    while (queue.length > 0) {
      for (const importer of this.importers.get(queue.shift()!) ?? []) {
        if (importer === path || out.has(importer)) continue;
        out.add(importer);
        queue.push(importer);
      }
    }
    return out;
  }

  /** The entries of every file `path` reaches through its imports, as last seen (bounded). */
  reachableFrom(path: string): IndexEntry[] {
    const out: IndexEntry[] = [];
    const seen = new Set([path]);
    const queue = [...(this.entries.get(path)?.imports ?? [])];
    while (queue.length > 0 && out.length < MAX_KNOWN) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const entry = this.entries.get(file);
      if (!entry) continue;
      out.push(entry);
      queue.push(...entry.imports);
    }
    return out;
  }

  /**
   * A file changed on disk, appeared or went away: its entry is dropped, and
   * the answer says what follows. When resolution may differ (a file created or
   * deleted, a configuration file changed) the workers' resolution caches must go
   * and every open document is re-analysed; otherwise the file's importers are.
   */
  fileEvent(path: string, change: 'created' | 'changed' | 'deleted'): { resolution: boolean; importers: Set<string> } {
    const importers = this.dependentsOf(path);
    this.invalidate(path);
    return { resolution: affectsResolution(path, change), importers };
  }

  toStored(): StoredIndex {
    return { format: INDEX_FORMAT, summaryVersion: SUMMARY_VERSION, entries: [...this.entries.values()] };
  }

  /** Loads a stored index; anything of another format or summary version, or malformed, is ignored. Returns the entries loaded. */
  load(stored: unknown): number {
    if (!isStoredIndex(stored)) return 0;
    let count = 0;
    for (const entry of stored.entries) {
      if (!isEntry(entry) || this.entries.has(entry.path)) continue;
      this.set(entry);
      count++;
    }
    return count;
  }

  private set(entry: IndexEntry): void {
    const previous = this.entries.get(entry.path);
    if (previous) this.unlink(previous);
    this.entries.set(entry.path, entry);
    for (const target of entry.imports) {
      let set = this.importers.get(target);
      if (!set) this.importers.set(target, (set = new Set()));
      set.add(entry.path);
    }
  }

  private unlink(entry: IndexEntry): void {
    for (const target of entry.imports) this.importers.get(target)?.delete(entry.path);
  }
}

function isStoredIndex(value: unknown): value is StoredIndex {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<StoredIndex>;
  return stored.format === INDEX_FORMAT && stored.summaryVersion === SUMMARY_VERSION && Array.isArray(stored.entries);
}

function isEntry(value: unknown): value is IndexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<IndexEntry>;
  return (
    typeof entry.path === 'string' &&
    typeof entry.hash === 'string' &&
    typeof entry.depsKey === 'string' &&
    typeof entry.summaryHash === 'string' &&
    Array.isArray(entry.imports) &&
    entry.imports.every((file) => typeof file === 'string') &&
    (entry.summary === null || (typeof entry.summary === 'object' && entry.summary !== undefined))
  );
}
