/**
 * A small, lazy pool of analysis worker threads. No worker starts until the
 * first request (activation stays cheap), the pool never grows past `size`,
 * a queued request is replaced by a newer one for the same key (last request
 * wins while typing), background requests (the project index) wait behind every
 * other request, and a worker stuck past the time budget is replaced while
 * its file is reported as skipped, with the reason. Free of `vscode` so it can be
 * tested in plain node.
 */
import { Worker } from 'worker_threads';
import { ANALYSIS_STACK_MB, EDITOR_TIME_BUDGET_MS, overBudgetReason, skippedReport } from '../core/limits';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './workerProtocol';

/** What the pool tells its owner (the extension logs it): a worker started, or one was thrown away. */
export type PoolEvent = { kind: 'started'; workers: number } | { kind: 'replaced'; reason: string };

type Job = {
  key: string;
  request: Omit<WorkerRequest, 'id'>;
  resolve(result: WorkerResult | undefined): void;
  reject(error: Error): void;
  background: boolean;
};

interface Slot {
  worker: Worker;
  job: Job | null;
  id: number;
  timer: NodeJS.Timeout | null;
}

export class AnalysisPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly size: number,
    private readonly timeoutMs = EDITOR_TIME_BUDGET_MS,
    private readonly onEvent?: (event: PoolEvent) => void,
  ) {}

  /**
   * Resolves with the report, or `undefined` when a newer request for the same key replaced this one.
   * A `background` request is started only when no other request is waiting.
   */
  analyze(key: string, request: Omit<WorkerRequest, 'id'>, background = false): Promise<WorkerResult | undefined> {
    if (this.disposed) return Promise.reject(new Error('analysis pool is disposed'));
    return new Promise((resolve, reject) => {
      const waiting = this.queue.findIndex((job) => job.key === key);
      if (waiting >= 0) this.queue.splice(waiting, 1)[0].resolve(undefined);
      const job = { key, request, resolve, reject, background };
      const firstBackground = background ? -1 : this.queue.findIndex((queued) => queued.background);
      if (firstBackground >= 0) this.queue.splice(firstBackground, 0, job);
      else this.queue.push(job);
      this.pump();
    });
  }

  /** How many workers the pool may run at once. */
  get maxWorkers(): number {
    return this.size;
  }

  get workerCount(): number {
    return this.slots.length;
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    for (const slot of this.slots.splice(0)) this.retire(slot, undefined);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.job === null) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.id = this.nextId++;
      slot.timer = setTimeout(() => this.overBudget(slot), this.timeoutMs);
      try {
        slot.worker.postMessage({ ...job.request, id: slot.id } satisfies WorkerRequest);
      } catch (err) {
        // Not cloneable: this request's fault, not the worker's.
        this.finish(slot).reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  private spawn(): Slot {
    // The same fixed stack as the CLI's workers, so a file gets the same verdict in both.
    const worker = new Worker(this.workerPath, { resourceLimits: { stackSizeMb: ANALYSIS_STACK_MB } });
    const slot: Slot = { worker, job: null, id: 0, timer: null };
    worker.on('message', (response: WorkerResponse) => {
      if (!slot.job || response.id !== slot.id) return;
      const job = this.finish(slot);
      if (response.ok) job.resolve({ report: response.report, exported: response.exported, entries: response.entries });
      else job.reject(new Error(response.error));
      this.pump();
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.fail(slot, new Error(`analysis worker exited with code ${code}`));
    });
    worker.unref();
    this.slots.push(slot);
    this.onEvent?.({ kind: 'started', workers: this.slots.length });
    return slot;
  }

  private finish(slot: Slot): Job {
    const job = slot.job!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    return job;
  }

  /** Over its budget: the file is skipped (not an error), its worker thrown away and replaced on demand. */
  private overBudget(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || !slot.job) return;
    this.slots.splice(index, 1);
    const job = this.finish(slot);
    void slot.worker.terminate();
    job.resolve({ report: skippedReport(job.request.fileName, overBudgetReason(this.timeoutMs)) });
    this.pump();
  }

  /** A crashed or stuck worker is thrown away; the next request starts a fresh one. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.onEvent?.({ kind: 'replaced', reason: error.message });
    this.retire(slot, error);
    this.pump();
  }

  private retire(slot: Slot, error: Error | undefined): void {
    const job = slot.job ? this.finish(slot) : null;
    void slot.worker.terminate();
    if (job) {
      if (error) job.reject(error);
      else job.resolve(undefined);
    }
  }
}
