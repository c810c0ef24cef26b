/**
 * Code shapes the benchmark generator stitches together. Each template is a
 * small, plausible piece of a Node service: I/O loops, fan-outs, classes, CPU
 * kernels, handlers, workers, helpers. The mix matters more than any one
 * shape: build/classify/rules each have their own slow paths (deep loops,
 * cross-function summaries, many awaits), and timing one shape would hide the others.
 *
 * Every declared name carries the section id, so a 50k-line file never
 * redeclares anything (a redeclaration would change what the analyser resolves).
 */

export interface Rng {
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** What one template contributes to a section. */
export interface Piece {
  /** Section-local namespace imports (`import * as x from 'y'`), deduplicated by the section. */
  imports: string[];
  body: string[];
}

export interface Ctx {
  r: Rng;
  /** Unique per template use; suffixes every declared name. */
  id: number;
  /** Sync helpers declared in earlier sections: later code calls them, like a real file does. */
  cpuHelpers: string[];
  /** Async helpers declared in earlier sections. */
  asyncHelpers: string[];
}

export type Template = (c: Ctx) => Piece;

const NOUNS = ['Order', 'Invoice', 'User', 'Session', 'Report', 'Metric', 'Image', 'Chunk', 'Token', 'Route',
  'Asset', 'Ledger', 'Sample', 'Frame', 'Packet', 'Record', 'Job', 'Event', 'Bucket', 'Shard'];

const piece = (body: string[], imports: string[] = []): Piece => ({ imports, body });

/** An earlier sync helper if there is one, so call graphs span the file (callee summaries matter). */
function callCpu(c: Ctx, arg: string): string {
  return c.cpuHelpers.length > 0 && c.r.chance(0.6) ? `${c.r.pick(c.cpuHelpers)}(${arg})` : `${arg}.length`;
}

/** Sequential awaits over a list: the await-in-loop shape, sometimes with a real dependency. */
const asyncLoop: Template = (c) => {
  const n = c.r.pick(NOUNS);
  const dependent = c.r.chance(0.3);
  return piece([
    `export interface ${n}${c.id} {`, '  id: string;', '  size: number;', '  tags: string[];', '}', '',
    `function parse${n}${c.id}(text: string): ${n}${c.id} {`,
    `  const [id, size, ...tags] = text.split(',');`,
    `  return { id, size: Number(size) || 0, tags };`, '}', '',
    `/** Loads ${n.toLowerCase()} files ${dependent ? 'in order: each one names the next' : 'one after another'}. */`,
    `export async function load${n}s${c.id}(paths: string[]): Promise<${n}${c.id}[]> {`,
    `  const out: ${n}${c.id}[] = [];`,
    dependent ? '  let next = paths[0];' : '  for (const p of paths) {',
    dependent ? '  while (next) {' : `    const text = await readFile(p, 'utf8');`,
    dependent ? `    const text = await readFile(next, 'utf8');` : `    out.push(parse${n}${c.id}(text));`,
    dependent ? `    const item = parse${n}${c.id}(text);` : '  }',
    dependent ? '    out.push(item);' : `  // the report lists the ${c.r.int(2, 9)} smallest first`,
    dependent ? '    next = item.tags[0];' : '  out.sort((a, b) => a.size - b.size);',
    dependent ? '  }' : '',
    '  return out;', '}', '',
  ]);
};

/** Promise.all over a map: the fan-out shape (unbounded when the list comes from outside). */
const fanOut: Template = (c) => {
  const n = c.r.pick(NOUNS);
  return piece([
    `export async function sizeOf${n}s${c.id}(ids: readonly string[]): Promise<number> {`,
    '  const sizes = await Promise.all(',
    '    ids.map(async (id) => {',
    `      const st = await stat(join('/var/data/${n.toLowerCase()}', id));`,
    `      return st.isFile() ? st.size : ${c.r.int(0, 4)};`,
    '    }),', '  );',
    '  let total = 0;', '  for (const s of sizes) total += s;',
    '  return total;', '}', '',
    `export const ${n.toLowerCase()}Digests${c.id} = async (files: string[]) =>`,
    `  Promise.all(files.map((f) => readFile(f).then((buf) => createHash('sha1').update(buf).digest('hex'))));`, '',
  ]);
};

/** A class with state, sync and async methods, try/catch. */
const store: Template = (c) => {
  const n = c.r.pick(NOUNS);
  const ns = `fsp${c.id}`;
  return piece([
    `/** In-memory ${n.toLowerCase()} cache backed by a directory of JSON files. */`,
    `export class ${n}Store${c.id} {`,
    `  private readonly items = new Map<string, { size: number; seen: number }>();`,
    '  private hits = 0;', '',
    '  constructor(private readonly dir: string, private readonly limit = ' + c.r.int(50, 500) + ') {}', '',
    '  get(key: string): number | undefined {', '    this.hits++;',
    '    return this.items.get(key)?.size;', '  }', '',
    '  async refresh(): Promise<number> {', '    let loaded = 0;', '    try {',
    `      const names = await ${ns}.readdir(this.dir);`,
    '      for (const name of names.slice(0, this.limit)) {',
    `        const raw = await ${ns}.readFile(this.dir + '/' + name, 'utf8');`,
    '        this.items.set(name, { size: raw.length, seen: Date.now() });', '        loaded++;', '      }',
    '    } catch (err) {',
    `      console.warn('${n} refresh failed after', loaded, 'files', err);`, '    }',
    '    return loaded;', '  }', '',
    '  summary(): string {', '    let total = 0;',
    '    for (const v of this.items.values()) total += v.size;',
    "    return this.items.size + ' items, ' + total + ' bytes, ' + this.hits + ' hits';", '  }', '}', '',
  ], [`import * as ${ns} from 'fs/promises';`]);
};

/** Nested CPU loops: the shapes that make a function CPU-bound. */
const cpuKernel: Template = (c) => {
  const k = c.r.int(0, 2);
  const name = ['matmul', 'blur', 'editDistance'][k] + c.id;
  c.cpuHelpers.push(name);
  if (k === 0) return piece([
    `/** Dense ${c.r.int(8, 64)}x${c.r.int(8, 64)} multiply; called per frame. */`,
    `export function ${name}(a: number[][], b: number[][] = a): number {`,
    '  const n = a.length;', '  let acc = 0;',
    '  for (let i = 0; i < n; i++) {', '    for (let j = 0; j < n; j++) {', '      let sum = 0;',
    '      for (let k = 0; k < n; k++) sum += a[i][k] * b[k][j];',
    '      acc += sum;', '    }', '  }', '  return acc;', '}', '',
  ]);
  if (k === 1) return piece([
    `export function ${name}(px: number[], width = ${c.r.int(64, 1024)}): number {`,
    '  const out = new Array<number>(px.length).fill(0);',
    '  for (let y = 1; y < px.length / width - 1; y++) {',
    '    for (let x = 1; x < width - 1; x++) {', '      let s = 0;',
    '      for (let dy = -1; dy <= 1; dy++) {',
    '        for (let dx = -1; dx <= 1; dx++) s += px[(y + dy) * width + x + dx];', '      }',
    '      out[y * width + x] = s / 9;', '    }', '  }',
    '  return out.reduce((m, v) => Math.max(m, v), 0);', '}', '',
  ]);
  return piece([
    `export function ${name}(a: string, b = 'kitten'): number {`,
    '  const dp: number[][] = [];',
    '  for (let i = 0; i <= a.length; i++) {', '    dp.push([i]);',
    '    for (let j = 1; j <= b.length; j++) {',
    '      if (i === 0) { dp[i][j] = j; continue; }',
    '      const cost = a[i - 1] === b[j - 1] ? 0 : 1;',
    '      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + cost);',
    '    }', '  }', '  return dp[a.length][b.length];', '}', '',
  ]);
};

/** Small helpers that call each other (and earlier sections' helpers). */
const helpers: Template = (c) => {
  const lo = c.r.int(0, 10);
  const body = [
    `function clamp${c.id}(v: number, lo = ${lo}, hi = ${lo + c.r.int(10, 100)}): number {`,
    '  return v < lo ? lo : v > hi ? hi : v;', '}', '',
    `// Scores are normalised before ranking so outliers do not dominate.`,
    `function normalise${c.id}(xs: number[]): number[] {`,
    '  const max = Math.max(1, ...xs);',
    `  return xs.map((x) => clamp${c.id}(x / max * 100));`, '}', '',
    `export function score${c.id}(xs: number[]): number {`,
    `  const ns = normalise${c.id}(xs);`,
    `  return ns.reduce((a, b) => a + b, 0) + ${callCpu(c, 'xs')};`, '}', '',
  ];
  c.cpuHelpers.push(`score${c.id}`);
  return piece(body);
};

/** HTTP request handler; some do heavy CPU or sync I/O inline (the event-loop-hog shapes). */
const handler: Template = (c) => {
  const srv = `server${c.id}`;
  const variant = c.r.int(0, 2);
  const work = variant === 0
    ? [`    const body = await readFile('/srv/static' + (req.url ?? '/index.html'));`, '    res.end(body);']
    : variant === 1
      ? ['    let h = 0;', `    for (let i = 0; i < ${c.r.int(1, 9)}e6; i++) h = (h * 31 + i) | 0;`, '    res.end(String(h));']
      : [`    const cfg = readFileSync('/etc/app${c.id}.json', 'utf8');`, '    res.end(cfg);'];
  const helper = c.asyncHelpers.length > 0 && c.r.chance(0.5) ? [`    await ${c.r.pick(c.asyncHelpers)}([]);`] : [];
  return piece([
    `const ${srv} = createServer();`, '',
    `${srv}.on('request', async (req, res) => {`, '  try {', ...helper, ...work,
    '  } catch (err) {', '    res.statusCode = 500;', "    res.end('internal error');", '  }', '});', '',
    `${srv}.on('error', (err) => console.error('server ${c.id}', err));`,
    `${srv}.listen(${3000 + (c.id % 5000)});`, '',
  ]);
};

/** worker_threads and child_process: parallel work, sometimes one worker per item. */
const workers: Template = (c) => {
  const name = `runInWorker${c.id}`;
  c.asyncHelpers.push(name);
  const cp = `cp${c.id}`;
  const perItem = c.r.chance(0.4);
  return piece([
    `/** Runs the heavy part off the main thread${perItem ? ', one worker per chunk' : ''}. */`,
    `export function ${name}(chunks: number[][]): Promise<number[]> {`,
    perItem ? '  return Promise.all(chunks.map((chunk) => new Promise<number>((resolve, reject) => {'
      : '  return new Promise<number[]>((resolve, reject) => {',
    `    const w = new Worker(__filename, { workerData: ${perItem ? 'chunk' : 'chunks'} });`,
    "    w.once('message', resolve);", "    w.once('error', reject);",
    perItem ? '  })));' : '  });', '}', '',
    `export async function gitRev${c.id}(cwd: string): Promise<string> {`,
    `  const out = ${c.r.chance(0.5) ? `${cp}.execSync('git rev-parse HEAD', { cwd })` : `await execFileAsync('git', ['rev-parse', 'HEAD'], { cwd })`};`,
    '  return String(out).trim();', '}', '',
  ], [`import * as ${cp} from 'child_process';`]);
};

/** crypto: async and sync variants, sync ones inside async functions. */
const hashing: Template = (c) => {
  const name = `hashAll${c.id}`;
  c.asyncHelpers.push(name);
  const sync = c.r.chance(0.5);
  return piece([
    `export async function ${name}(secrets: string[]): Promise<string[]> {`, '  const out: string[] = [];',
    '  for (const s of secrets) {',
    sync ? `    out.push(pbkdf2Sync(s, 'salt', ${c.r.int(1, 20)}000, 64, 'sha512').toString('hex'));`
      : `    out.push(createHash('sha256').update(s + randomBytes(${c.r.int(8, 32)}).toString('hex')).digest('hex'));`,
    '  }',
    '  return out;', '}', '',
  ]);
};

/** Arrow-function utilities and a retry loop with try/catch and back-off. */
const arrows: Template = (c) => {
  const n = c.r.pick(NOUNS).toLowerCase();
  return piece([
    `type Item${c.id} = { key: string; weight: number };`, '',
    `export const heaviest${c.id} = (xs: Item${c.id}[], k = ${c.r.int(3, 20)}) =>`,
    '  xs.filter((x) => x.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, k).map((x) => x.key);', '',
    `const sleep${c.id} = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));`, '',
    `/* Retries ${n} uploads: the service drops about 1 in ${c.r.int(20, 200)} requests. */`,
    `export async function withRetry${c.id}<T>(fn: () => Promise<T>, attempts = ${c.r.int(2, 6)}): Promise<T> {`,
    '  let last: unknown;',
    '  for (let i = 0; i < attempts; i++) {',
    '    try {', '      return await fn();', '    } catch (err) {', '      last = err;',
    `      await sleep${c.id}(2 ** i * ${c.r.int(10, 100)});`, '    }', '  }', '  throw last;', '}', '',
  ]);
};

/** Misconception shapes the rules look for: sequential awaits, async forEach, sync executors. */
const misc: Template = (c) => {
  const body = [
    `export async function dashboard${c.id}(userId: string) {`,
    `  const profile = await readFile('/data/users/' + userId + '.json', 'utf8');`,
    `  const orders = await readFile('/data/orders/' + userId + '.json', 'utf8');`,
    '  const stats = existsSync(\'/data/stats\') ? statSync(\'/data/stats\').size : 0;',
    '  return { profile, orders, stats };', '}', '',
    `export function touchAll${c.id}(paths: string[]): void {`,
    "  paths.forEach(async (p) => { await writeFile(p, ''); });", '}', '',
    `export const total${c.id} = (xs: number[]) => new Promise<number>((resolve) => {`,
    '  let t = 0;', '  for (const x of xs) t += x;', '  resolve(t);', '});', '',
  ];
  c.asyncHelpers.push(`dashboard${c.id}`);
  return piece(body);
};

/** Templates with weights (repeated entries): I/O and helpers are what most files are made of. */
export const TEMPLATES: readonly Template[] = [
  asyncLoop, asyncLoop, fanOut, store, store, cpuKernel, helpers, helpers, helpers,
  handler, workers, hashing, arrows, arrows, misc,
];

/** The one shared import block at the top of the file (plain names, as people write them). */
export const FILE_HEADER = [
  '/* Generated by bench/generate.ts: a realistic mix of service code for timing the analyser. */',
  "import { readFile, writeFile, stat } from 'fs/promises';",
  "import { readFileSync, existsSync, statSync } from 'node:fs';",
  "import { Worker } from 'worker_threads';",
  "import { execFile } from 'child_process';",
  "import { createHash, pbkdf2Sync, randomBytes } from 'crypto';",
  "import { createServer } from 'node:http';",
  "import { join } from 'node:path';",
  "import { promisify } from 'node:util';", '',
  'const execFileAsync = promisify(execFile);', '',
];
