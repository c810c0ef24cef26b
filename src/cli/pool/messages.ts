/** What the pool and its workers say to each other (see taskPool.ts and serveTasks.ts). */

/** A worker has loaded its script and takes tasks. */
export const READY = 'ready';

export interface ToWorker<T> {
  id: number;
  task: T;
}

export type FromWorker<R> =
  | { type: typeof READY }
  | { type: 'result'; id: number; ok: true; value: R }
  | { type: 'result'; id: number; ok: false; message: string };
