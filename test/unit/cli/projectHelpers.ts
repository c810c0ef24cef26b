/** Shared by the project-mode and configuration tests of the CLI: an in-process run and a small project. */
import * as path from 'node:path';
import type { JsonOutput } from '../../../src/cli/formatJson';
import { runCli, type CliIo } from '../../../src/cli/run';
import { REPO_ROOT } from './helpers';

export const PROJECTS = path.join(REPO_ROOT, 'test', 'fixtures', 'projects');

export async function runIn(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdoutIsTTY: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), defaultCores: 2, defaultJobs: 2 };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

export function json(stdout: string): JsonOutput {
  return JSON.parse(stdout) as JsonOutput;
}

/** A route that calls a helper of another file that blocks the event loop. */
export const BLOCKING_PROJECT = {
  'package.json': '{"name":"app"}',
  'src/hash.ts': `import { pbkdf2Sync } from 'node:crypto';\nexport function hash(password: string) {\n  return pbkdf2Sync(password, 'salt', 100000, 64, 'sha512');\n}\n`,
  'src/server.ts': `import http from 'node:http';\nimport { hash } from './hash';\nexport const server = http.createServer((req, res) => {\n  res.end(hash(String(req.url)));\n});\n`,
};

