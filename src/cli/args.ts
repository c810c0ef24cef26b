/**
 * Command-line parsing and validation. Everything wrong with the command line is
 * found here, before any file is read, so a typo never produces half a report.
 */
import { availableParallelism } from 'node:os';
import { normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TIME_BUDGET_MS } from '../core/limits';
import { allRules } from '../core/rules/index';
import type { Severity, SeveritySetting } from '../core/reportTypes';
import { isPresetName, PRESET_NAMES, type PresetName } from '../core/presets';

export type OutputFormat = 'text' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
/** `none`: report findings but never fail for them (a first look, or a report-only CI job). */
export type FailOn = Severity | 'none';
const FAIL_ON: readonly FailOn[] = ['info', 'warning', 'error', 'none'];
const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
/** More threads than this only cost memory: each holds its own copy of the parser. */
const MAX_JOBS = 64;
/** A day: anything longer is a typo (milliseconds given as seconds). */
const MAX_BUDGET_SECONDS = 86_400;

export interface CliOptions {
  format: OutputFormat;
  cores: number;
  /** Only the rules named on the command line (applied over the preset and the configuration file). */
  rules: Record<string, SeveritySetting>;
  /** `--preset`, replacing the configuration file's preset; null when not given. */
  preset: PresetName | null;
  /** `--config FILE`; null to look for the nearest configuration file. */
  config: string | null;
  /** Project mode (the default): read what the files import; false with --no-project. */
  project: boolean;
  failOn: FailOn;
  /** Per-function timelines in the text (ASCII charts) or JSON (`timeline` key) output. */
  timeline: boolean;
  /** Where to write the standalone timeline page(s), or null. */
  html: string | null;
  /** Where to write the Chrome trace-event JSON, or null. */
  trace: string | null;
  /** Worker threads analysing files at once (with `jobsGiven` false: at most, see workerCount.ts). */
  jobs: number;
  /** `--jobs` was given: start exactly `jobs` workers (when there are as many files). */
  jobsGiven: boolean;
  /** Wall-clock milliseconds one file may take before it is skipped; null for no limit. */
  timeBudgetMs: number | null;
  paths: string[];
}

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

const OPTIONS = {
  format: { type: 'string' },
  cores: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  timeline: { type: 'boolean' },
  html: { type: 'string' },
  trace: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'time-budget': { type: 'string' },
  config: { type: 'string' },
  preset: { type: 'string' },
  'no-project': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: readonly string[], defaultCores = availableParallelism(), defaultJobs = availableParallelism()): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    return usageError(describeParseError(err));
  }
  const { values, positionals } = parsed;
  // Help and version win over everything else, as users expect from `cmd --help` anywhere.
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const format = values.format ?? 'text';
  if (!isOneOf(format, FORMATS)) return usageError(`unknown --format '${format}' (use ${orList(FORMATS)})`);

  const failOn = values['fail-on'] ?? 'error';
  if (!isOneOf(failOn, FAIL_ON)) return usageError(`unknown --fail-on severity '${failOn}' (use ${orList(FAIL_ON)})`);

  // SARIF has no place for a schedule; accepting the flag and printing nothing would be a
  // silent lie. --html and --trace write their own files, so they go with any format.
  const timeline = values.timeline === true;
  if (timeline && format === 'sarif') {
    return usageError('--timeline applies to the text and json formats (with sarif, use --html FILE or --trace FILE)');
  }
  const html = values.html ?? null;
  const trace = values.trace ?? null;
  for (const [flag, file] of [['--html', html], ['--trace', trace]] as const) {
    if (file !== null && file.trim() === '') return usageError(`${flag} needs a file name`);
  }
  if (html !== null && trace !== null && normalize(html) === normalize(trace)) {
    return usageError(`--html and --trace would both write '${html}'`);
  }

  let cores = defaultCores;
  if (values.cores !== undefined) {
    // A plain decimal integer only: `2.5`, `0x4`, `1e3` and `-1` are typos, not core counts.
    if (!/^\d+$/.test(values.cores) || !Number.isSafeInteger(Number(values.cores)) || Number(values.cores) < 1) {
      return usageError(`--cores must be a positive whole number, got '${values.cores}'`);
    }
    cores = Number(values.cores);
  }

  let jobs = defaultJobs;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1 || Number(values.jobs) > MAX_JOBS) {
      return usageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got '${values.jobs}'`);
    }
    jobs = Number(values.jobs);
  }

  let timeBudgetMs: number | null = DEFAULT_TIME_BUDGET_MS;
  const budget = values['time-budget'];
  if (budget !== undefined) {
    // Seconds, as people say it: `--time-budget 30`, `--time-budget 0.5`; `none` turns it off.
    if (budget === 'none') timeBudgetMs = null;
    else if (!/^\d+(\.\d+)?$/.test(budget) || Number(budget) <= 0 || Number(budget) > MAX_BUDGET_SECONDS) {
      return usageError(`--time-budget must be a number of seconds above 0 and at most ${MAX_BUDGET_SECONDS}, or none, got '${budget}'`);
    } else timeBudgetMs = Math.round(Number(budget) * 1000);
  }

  const rules: Record<string, SeveritySetting> = {};
  for (const entry of values.rule ?? []) {
    const parsedRule = parseRuleSetting(entry);
    if (typeof parsedRule === 'string') return usageError(parsedRule);
    // A later --rule for the same id wins, like a later setting in a config file.
    rules[parsedRule.id] = parsedRule.setting;
  }

  const preset = values.preset ?? null;
  if (preset !== null && !isPresetName(preset)) return usageError(`unknown --preset '${preset}' (use ${orList(PRESET_NAMES)})`);
  const config = values.config ?? null;
  if (config !== null && config.trim() === '') return usageError('--config needs a file name');
  const project = values['no-project'] !== true;

  if (positionals.length === 0) return usageError('no files or folders given');
  return { kind: 'run', options: { format, cores, rules, preset, config, project, failOn, timeline, html, trace, jobs, jobsGiven: values.jobs !== undefined, timeBudgetMs, paths: positionals } };
}

/** `id=severity` -> the pair, or a message saying what is wrong with it. */
function parseRuleSetting(entry: string): { id: string; setting: SeveritySetting } | string {
  const eq = entry.indexOf('=');
  if (eq < 0) return `--rule expects ID=SEVERITY (for example async-foreach=warning), got '${entry}'`;
  const id = entry.slice(0, eq).trim();
  const setting = entry.slice(eq + 1).trim();
  if (!allRules.some((rule) => rule.meta.id === id)) {
    return `unknown rule '${id}' in --rule (known rules: ${allRules.map((rule) => rule.meta.id).join(', ')})`;
  }
  if (!isOneOf(setting, SETTINGS)) return `unknown severity '${setting}' for rule '${id}' (use ${orList(SETTINGS)})`;
  return { id, setting };
}

/** parseArgs messages mention its own internals (`-- "--foo"`); say it our way where we can. */
function describeParseError(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  // "Option '-h, --help' ..." names the short form first; the long one is clearer.
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return `unknown option '${option}' (to analyse a file whose name starts with '-', put it after '--')`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take an argument/.test(message)) return `option '${option}' does not take a value`;
    if (/ambiguous/.test(message)) {
      return `option '${option}' needs a value (for a value starting with '-', write ${option}=VALUE)`;
    }
    return `option '${option}' needs a value`;
  }
  return message;
}

function usageError(message: string): ParsedArgs {
  return { kind: 'usage-error', message };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
