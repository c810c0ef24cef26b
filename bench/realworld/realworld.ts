/**
 * `npm run realworld`: today's analyzer on real projects, scored against the judged
 * labels in this folder. A measurement, not a test: it never fails on low numbers.
 *
 *   node dist/realworld.js [--project NAME]... [--no-cache] [--preset NAME] [--list]
 *                          [--sample N [--rule ID]...] [--sample-recall N] [--seed S]
 *
 * The projects are not in the repository; see README.md for how to get them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeProject, type Finding } from './analyzer';
import { findingKey, indexByKey, loopKey, parseLabels, parseRecallLabels, type Label, type RecallLabel } from './labels';
import { countLines, findProject, listSourceFiles, loadProjects, realworldRoot, type Project } from './projects';
import { findAwaitLoops, isFlagged, type LoopNest } from './recall';
import { sampleUnjudged, sourceContext } from './sample';
import { formatPercent, formatTally, tallyStudy, uniqueFindings } from './tally';

const RULES = [
  'async-cpu-bound', 'promise-all-cpu', 'await-in-loop', 'sequential-awaits', 'blocking-call', 'event-loop-hog',
  'worker-oversubscription', 'async-foreach', 'floating-promise', 'async-without-await', 'sync-promise-executor', 'unbounded-fanout',
] as const;

const USAGE = `usage: node dist/realworld.js [--project NAME]... [--no-cache] [--preset NAME] [--list]
                              [--sample N [--rule ID]...] [--sample-recall N] [--seed S]
  --project        only this project (repeatable; default: every project present)
  --no-cache       rerun the analyzer even if a cached result for this build exists
  --preset NAME    run the CLI with this preset (default recommended, what a new user
                   gets; strict reports every rule, the way to judge rules the default
                   turns down)
  --list           print every finding with its verdict and reason (or "unjudged")
  --sample N       print N unjudged findings per rule, in the seeded order, with source
  --rule ID        with --sample: only this rule (repeatable)
  --sample-recall N  print N unjudged loops that ESLint's no-await-in-loop flags and
                   await-in-loop leaves silent
  --seed S         the seed of the sampling order (default 9, the seed of the baseline)
Projects are read from $CL_REALWORLD_DIR, else /work/realworld, else .realworld/.`;

interface Options {
  projects: string[];
  cache: boolean;
  sample: number;
  rules: string[];
  sampleRecall: number;
  seed: number;
  preset: string;
  list: boolean;
}

/** A silent loop nest, with what is needed to judge and to match it. */
interface SilentLoop extends LoopNest {
  project: string;
  path: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { projects: [], cache: true, sample: 0, rules: [], sampleRecall: 0, seed: 9, preset: 'recommended', list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const whole = (v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a}: "${v}" is not a whole number >= 0`);
      return n;
    };
    if (a === '--project') o.projects.push(value());
    else if (a === '--no-cache') o.cache = false;
    else if (a === '--preset') o.preset = value();
    else if (a === '--list') o.list = true;
    else if (a === '--sample') o.sample = whole(value());
    else if (a === '--rule') o.rules.push(value());
    else if (a === '--sample-recall') o.sampleRecall = whole(value());
    else if (a === '--seed') o.seed = whole(value());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  return o;
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  const repoRoot = path.resolve(__dirname, '..');
  const dataDir = path.join(repoRoot, 'bench', 'realworld');
  const cli = path.join(__dirname, 'cli.js');
  const study = loadProjects(path.join(dataDir, 'projects.json'));
  const unknown = options.projects.filter((p) => !study.projects.some((s) => s.name === p));
  if (unknown.length > 0) throw new Error(`--project: no project named ${unknown.join(', ')} in projects.json`);
  const root = realworldRoot(process.env, repoRoot);

  const chosen = study.projects.filter((p) => options.projects.length === 0 || options.projects.includes(p.name));
  const present: { project: Project; dir: string }[] = [];
  for (const project of chosen) {
    const found = findProject(root, project);
    if (found.present) present.push({ project, dir: found.dir });
    else if (found.reason !== 'not present') console.error(`realworld: ${project.name}: left out: ${found.reason}`);
  }
  if (present.length === 0) {
    console.log(`realworld: no study project found in ${root} (set CL_REALWORLD_DIR; see bench/realworld/README.md), nothing to measure`);
    return 0;
  }
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

  const cacheDir = options.cache ? path.join(root, '.cache') : null;
  const findings: Finding[] = [];
  const silent: SilentLoop[] = [];
  let recallNests = 0;
  const texts = new Map<string, string>();
  const readText = (project: string, dir: string, file: string): string => {
    const key = `${project}/${file}`;
    if (!texts.has(key)) texts.set(key, fs.readFileSync(path.join(dir, file), 'utf8'));
    return texts.get(key) as string;
  };
  console.log('project          files     lines  findings  (analysed sub-paths)');
  for (const { project, dir } of present) {
    const files = listSourceFiles(dir, project, study.exclude);
    const lines = files.reduce((sum, f) => sum + countLines(readText(project.name, dir, f)), 0);
    const result = analyzeProject(cli, project, dir, files, cacheDir, options.preset);
    findings.push(...result.findings);
    const drift = lines !== project.lines || files.length !== project.files ? `  [projects.json says ${project.files} files, ${project.lines} lines]` : '';
    console.log(`${project.name.padEnd(14)} ${String(files.length).padStart(7)} ${String(lines).padStart(9)} ${String(result.findings.length).padStart(9)}  (${project.paths.join(', ')})${drift}`);
    for (const note of result.notAnalysed) console.error(`realworld: ${project.name}: ${note}`);

    const flaggedAt = new Map<string, { line: number; column: number }[]>();
    for (const f of result.findings) if (f.rule === 'await-in-loop') flaggedAt.set(f.path, [...(flaggedAt.get(f.path) ?? []), f]);
    for (const file of files) {
      for (const nest of findAwaitLoops(readText(project.name, dir, file), file)) {
        recallNests++;
        if (!isFlagged(nest, flaggedAt.get(file) ?? [])) silent.push({ ...nest, project: project.name, path: file });
      }
    }
  }
  const totalLines = present.reduce((sum, p) => sum + p.project.lines, 0);
  console.log(`analysed ${present.length} of the ${study.projects.length} study projects, from ${root} (${totalLines} lines per projects.json)\n`);

  const commits = new Map(present.map(({ project }) => [project.name, project.commit]));
  const labels = indexByKey<Label>(parseLabels(readData(dataDir, 'labels.csv'), 'labels.csv'), commits, findingKey);
  const recallLabels = indexByKey<RecallLabel>(parseRecallLabels(readData(dataDir, 'recall-labels.csv'), 'recall-labels.csv'), commits, loopKey);
  const unique = uniqueFindings(findings);
  console.log(`preset: ${options.preset}\n`);
  console.log(formatTally(tallyStudy(unique, labels, RULES)));
  console.log(recallSummary(recallNests, silent, recallLabels));

  const dirOf = new Map(present.map(({ project, dir }) => [project.name, dir]));
  const context = (project: string, file: string, line: number): string => sourceContext(readText(project, dirOf.get(project) as string, file), line);
  if (options.list) printFindingList(unique, labels);
  if (options.sample > 0) printFindingSample(unique, labels, options, context);
  if (options.sampleRecall > 0) printRecallSample(silent, recallLabels, options, context);
  return 0;
}

function readData(dataDir: string, file: string): string {
  const full = path.join(dataDir, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
}

function recallSummary(nests: number, silent: SilentLoop[], labels: Map<string, RecallLabel>): string {
  let right = 0;
  let missed = 0;
  for (const loop of silent) {
    const label = labels.get(loopKey(loop));
    if (label?.verdict === 'rightly-silent') right++;
    else if (label?.verdict === 'missed') missed++;
  }
  const judged = right + missed;
  return [
    `recall: ${nests} loop nests with an await that ESLint's no-await-in-loop reports; await-in-loop flags ${nests - silent.length}, leaves ${silent.length} silent`,
    `  silent loops judged: ${judged} (${right} rightly silent, ${missed} missed), rightly-silent share ${formatPercent(judged === 0 ? null : right / judged)}, ${silent.length - judged} unlabeled`,
    '',
  ].join('\n');
}

function printFindingList(unique: Finding[], labels: Map<string, Label>): void {
  for (const f of unique) {
    const label = labels.get(findingKey(f));
    const verdict = label === undefined ? 'unjudged' : `${label.verdict}: ${label.reason}`;
    console.log(`${f.rule} ${f.severity} ${f.project} ${f.path}:${f.line}  ${verdict}`);
  }
  console.log('');
}

function printFindingSample(unique: Finding[], labels: Map<string, Label>, options: Options, context: (p: string, f: string, l: number) => string): void {
  const rules = options.rules.length > 0 ? options.rules : [...RULES];
  for (const rule of rules) {
    const ofRule = unique.filter((f) => f.rule === rule);
    const picked = sampleUnjudged(ofRule, findingKey, (f) => labels.has(findingKey(f)), options.sample, options.seed);
    console.log(`=== ${rule}: ${picked.length} unjudged of ${ofRule.length} (seed ${options.seed})`);
    for (const { item: f, rank } of picked) {
      console.log(`\n#${rank} ${f.project} ${f.path}:${f.line}:${f.column} ${f.severity}\n  ${f.message}`);
      console.log(context(f.project, f.path, f.line));
    }
    console.log('');
  }
}

function printRecallSample(silent: SilentLoop[], labels: Map<string, RecallLabel>, options: Options, context: (p: string, f: string, l: number) => string): void {
  const picked = sampleUnjudged(silent, loopKey, (l) => labels.has(loopKey(l)), options.sampleRecall, options.seed);
  console.log(`=== silent loops: ${picked.length} unjudged of ${silent.length} (seed ${options.seed})`);
  for (const { item: loop, rank } of picked) {
    const awaits = loop.awaits.map((a) => `${a.line}:${a.column}`).join(', ');
    console.log(`\n#${rank} ${loop.project} ${loop.path}:${loop.line} ${loop.kind}, awaits at ${awaits}`);
    console.log(context(loop.project, loop.path, loop.line));
  }
  console.log('');
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`realworld: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
