/**
 * Entry point of dist/cli.js (esbuild adds the shebang): loads the real bundle, cliMain.js
 * (main.ts and everything it imports), with V8's code cache. The bundle is 11 MB, most of it
 * TypeScript; compiling it took ~0.25 s of CPU on every start, once on the main thread and
 * once on each analysis worker (this file is their script too). With the cache it takes
 * ~0.02 s. Node 22 does the same with module.enableCompileCache(); Node 20 has no such call.
 *
 * The cache is one file per user in the temporary folder, named after the V8 version and the
 * bundle's size and time, so a rebuilt bundle or another Node never reads a stale one (V8
 * checks it too and rejects a mismatch; then it is written again). Written once, by the main
 * thread at exit, after the run has compiled the functions it used. Any failure to read or
 * write it only costs the time it would have saved.
 *
 * Before loading the bundle it starts the first analysis worker (pool/earlyWorker.ts).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { ANALYSIS_STACK_MB } from '../core/limits';
import { startEarlyWorker } from './pool/earlyWorker';
import { FILE_WORKER_ROLE } from './workerRole';

const BUNDLE = path.join(__dirname, 'cliMain.js');

function cacheFile(): string | null {
  try {
    const stat = fs.statSync(BUNDLE);
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const dir = path.join(os.tmpdir(), `concurrency-lens-code-cache-${uid ?? os.userInfo().username}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Someone else's folder in a shared /tmp could hand us compiled code: use only our own.
    if (uid !== null && fs.statSync(dir).uid !== uid) return null;
    return path.join(dir, `cliMain-${v8.cachedDataVersionTag()}-${stat.size}-${Math.round(stat.mtimeMs)}.bin`);
  } catch {
    return null;
  }
}

function readCache(file: string | null): Buffer | undefined {
  if (file === null) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, script: vm.Script): void {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    // Renamed into place: a run starting meanwhile reads the old file or the whole new one.
    fs.renameSync(temporary, file);
    // The caches of earlier builds (or another Node) are never read again.
    const dir = path.dirname(file);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('cliMain-') && name.endsWith('.bin') && name !== path.basename(file)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // No cache this time; the next run tries again.
  }
}

// The first analysis worker boots on the other core while this thread loads the bundle (earlyWorker.ts).
if (isMainThread) startEarlyWorker({ file: __filename, workerData: { role: FILE_WORKER_ROLE }, stackSizeMb: ANALYSIS_STACK_MB });

const file = cacheFile();
const cachedData = readCache(file);
// The wrapper Node itself puts around a CommonJS file.
const source = `(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(BUNDLE, 'utf8')}\n})`;
const script = new vm.Script(source, { filename: BUNDLE, cachedData });
if (isMainThread && file !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
  process.once('exit', () => writeCache(file, script));
}
const bundleModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
