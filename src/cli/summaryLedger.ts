/**
 * Project mode, the main thread's record of which summaries each worker holds. A worker keeps
 * every summary it is sent or makes for the run (projectTask.ts), so a task carries only the
 * summaries that linking its files' imports reads and its worker does not hold yet. On
 * undici's lib that was 6.9 MB of JSON across 111 tasks, copied on this thread while the worker
 * waited; each summary once is 0.9 MB. A replaced worker has a new thread id, so it starts with nothing held.
 */
import { randomUUID } from 'node:crypto';
import { linkImports } from '../core/project/link';
import type { ModuleSummary } from '../core/project/summaryTypes';
import { reachableFrom, type ProjectFile, type ProjectGraph } from './projectGraph';

export interface Shipment {
  summaries: Record<string, ModuleSummary>;
  resolved: Record<string, Record<string, string>>;
}

export class SummaryLedger {
  /** Names the run to the workers (they drop what they hold when it changes). */
  readonly run = randomUUID();
  /** Every summary made so far, by file. */
  readonly summaries = new Map<string, ModuleSummary>();
  private readonly held = new Map<number, Set<string>>();

  constructor(private readonly graph: ProjectGraph) {}

  /** What a task for `members` on `worker` must carry (held by it once the task is done: see delivered()). */
  shipment(worker: number, members: readonly ProjectFile[]): Shipment {
    const reads = new Set<string>();
    const through = new Set(members.map((file) => file.key));
    if (members.length > 1) {
      // A cycle links itself on every round, reading anything its members reach.
      for (const key of reachableFrom([...through], this.graph.files)) {
        through.add(key);
        if (this.summaries.has(key)) reads.add(key);
      }
    } else {
      // Linked here once with a host that notes what it reads; the worker links again from the same data.
      const recording = {
        resolve: (specifier: string, from: string) => {
          through.add(from);
          return this.graph.files.get(from)?.resolved[specifier] ?? null;
        },
        summaryOf: (key: string) => {
          const summary = this.summaries.get(key);
          if (summary) reads.add(key);
          return summary;
        },
      };
      linkImports(members[0].key, members[0].specifiers, recording);
    }
    const holds = this.heldBy(worker);
    const summaries: Record<string, ModuleSummary> = {};
    for (const key of reads) {
      if (holds.has(key)) continue;
      summaries[key] = this.summaries.get(key)!;
    }
    const resolved: Record<string, Record<string, string>> = {};
    for (const key of through) resolved[key] = this.graph.files.get(key)?.resolved ?? {};
    return { summaries, resolved };
  }

  /**
   * A task came back done: its worker holds what it carried. Not before, and not for a task that
   * failed, which may never have reached the worker (a task that could not be copied); each
   * worker runs one task at a time, so nothing is shipped to it in between.
   */
  delivered(worker: number, keys: Iterable<string>): void {
    const holds = this.heldBy(worker);
    for (const key of keys) holds.add(key);
  }

  /** A worker's task made these summaries: it holds them now. */
  made(worker: number, key: string, summary: ModuleSummary): void {
    this.summaries.set(key, summary);
    this.heldBy(worker).add(key);
  }

  private heldBy(worker: number): Set<string> {
    let holds = this.held.get(worker);
    if (!holds) this.held.set(worker, (holds = new Set()));
    return holds;
  }
}
