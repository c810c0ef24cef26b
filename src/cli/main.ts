/**
 * Entry point of dist/cli.js (esbuild adds the shebang). Only process glue lives here;
 * the run itself is in run.ts so tests can drive it without spawning.
 */
import { runCli } from './run';

// `concurrency-lens src | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// exitCode rather than exit(): exit() could cut off output still being flushed to a pipe.
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
