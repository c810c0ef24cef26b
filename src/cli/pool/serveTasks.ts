/**
 * The worker side of TaskPool: call `serveTasks(handler)` once, at the top level of the
 * worker script, after everything the handler needs is loaded. The pool starts timing a
 * task only from then on. A handler that throws (or rejects) fails that task only.
 */
import { parentPort } from 'node:worker_threads';
import { READY, type FromWorker, type ToWorker } from './messages';

export function serveTasks<T, R>(handler: (task: T) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks() must run in a worker thread');
  port.on('message', async ({ id, task }: ToWorker<T>) => {
    let reply: FromWorker<R>;
    try {
      reply = { type: 'result', id, ok: true, value: await handler(task) };
    } catch (err) {
      reply = { type: 'result', id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    try {
      port.postMessage(reply);
    } catch (err) {
      // The answer could not be sent (too large or too deeply nested to copy): that task fails, the worker lives on.
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      port.postMessage({ type: 'result', id, ok: false, message: `the result could not be sent back from the worker (${why})` } satisfies FromWorker<R>);
    }
  });
  port.postMessage({ type: READY } satisfies FromWorker<R>);
}
