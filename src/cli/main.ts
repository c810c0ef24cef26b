/**
 * Entry point of the bundle dist/cliMain.js, which dist/cli.js (launch.ts) loads. Only process
 * glue lives here; the run itself is in run.ts so tests can drive it without spawning. The
 * bundle is also the script of its own analysis workers: on a worker thread it serves file
 * tasks instead.
 */
import * as path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { FILE_WORKER_ROLE } from './workerRole';
import { serveTasks } from './pool/serveTasks';
import { runCli } from './run';
import { runWorkerTask } from './workerTasks';

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === FILE_WORKER_ROLE) {
  serveTasks(runWorkerTask);
} else {
  // `concurrency-lens src | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  // exitCode rather than exit(): exit() could cut off output still being flushed to a pipe.
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // The launcher beside this bundle, so the workers load it with the code cache too.
    workerFile: path.join(__dirname, 'cli.js'),
  }).then((code) => {
    process.exitCode = code;
  });
}
