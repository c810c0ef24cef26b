/**
 * The worker script of the CLI's pool when it runs from compiled sources (the tests). The
 * bundle dist/cli.js is its own worker script instead: main.ts serves the same tasks when it
 * finds itself on a worker thread.
 */
import { runWorkerTask } from './workerTasks';
import { serveTasks } from './pool/serveTasks';

serveTasks(runWorkerTask);
