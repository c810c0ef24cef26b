/**
 * One analysis worker started by the launcher (dist/cli.js) before it loads the CLI bundle,
 * and adopted by the first TaskPool that asks for a worker of the same kind.
 *
 * Why: a worker needs ~0.2 s to boot and load the bundle, and the main thread needs ~0.15 s
 * to load the same bundle before it can make its pool. Started first, the worker loads on
 * the other core while the main thread loads, instead of after it; on undici's lib that is
 * a tenth of the whole run. A run that never makes a pool (--help, a configuration error)
 * leaves the worker unreferenced, so it does not keep the process alive.
 *
 * The launcher and the bundle are separate files with separate module state, so the worker
 * is handed over through a global registered under a Symbol.for key.
 */
import { Worker } from 'node:worker_threads';
import { READY } from './messages';

const KEY = Symbol.for('concurrency-lens.early-worker');

export interface WorkerSpec {
  file: string;
  workerData: unknown;
  stackSizeMb: number;
}

interface Parked {
  spec: WorkerSpec;
  worker: Worker;
  ready: boolean;
  /** It stopped before it was adopted: such a worker is never handed over. */
  dead: boolean;
  /** Takes the launcher's listeners off, for the pool's own. */
  release(): void;
}

type Registry = { [KEY]?: Parked };

/** Launcher side: start the worker now and park it until a pool asks. Returns its thread id. */
export function startEarlyWorker(spec: WorkerSpec): number {
  const worker = new Worker(spec.file, { workerData: spec.workerData, resourceLimits: { stackSizeMb: spec.stackSizeMb } });
  const parked: Parked = { spec, worker, ready: false, dead: false, release: () => {} };
  // Messages that arrive with no listener are lost: the READY message is recorded here until a pool adopts the worker.
  const onMessage = (message: { type?: unknown }) => {
    if (message?.type === READY) parked.ready = true;
  };
  const onEnd = () => (parked.dead = true);
  worker.on('message', onMessage);
  worker.on('error', onEnd);
  worker.on('exit', onEnd);
  // After the listeners: adding a 'message' listener refs the worker again.
  worker.unref();
  // Only these listeners: Node keeps listeners of its own on a Worker.
  parked.release = () => {
    worker.off('message', onMessage);
    worker.off('error', onEnd);
    worker.off('exit', onEnd);
  };
  (globalThis as Registry)[KEY] = parked;
  return worker.threadId;
}

/**
 * Pool side: the parked worker if it was started with exactly this spec and is still alive
 * (at most once), with whether it has already said it is ready; otherwise null.
 */
export function adoptEarlyWorker(spec: WorkerSpec): { worker: Worker; ready: boolean } | null {
  const registry = globalThis as Registry;
  const parked = registry[KEY];
  if (!parked || parked.dead || !sameSpec(parked.spec, spec)) return null;
  delete registry[KEY];
  parked.release();
  parked.worker.ref();
  return { worker: parked.worker, ready: parked.ready };
}

function sameSpec(a: WorkerSpec, b: WorkerSpec): boolean {
  return a.file === b.file && a.stackSizeMb === b.stackSizeMb && JSON.stringify(a.workerData) === JSON.stringify(b.workerData);
}
