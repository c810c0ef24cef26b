/**
 * The configuration file shared by the CLI and the extension: pure validation and
 * merging, no file access (callers read the text and pass it in).
 *
 * A project carries it as `concurrency-lens.config.json` at its root, or as a
 * `concurrencyLens` key in package.json:
 *
 * ```json
 * {
 *   "preset": "recommended",
 *   "rules": { "await-in-loop": "error", "async-without-await": "off" },
 *   "ignore": ["generated/**", "*.min.js"]
 * }
 * ```
 *
 * Usage:
 *
 * ```ts
 * const loaded = loadConfig(text, '/app/concurrency-lens.config.json');
 * if (loaded.kind === 'invalid') show(loaded.problems.map((p) => p.message));
 * else {
 *   const config = loaded.kind === 'config' ? loaded.config : null;   // 'none': package.json without the key
 *   const { rules, strict } = resolveSettings({ config, cliPreset, cliRules });
 *   const ignored = createIgnoreFilter(config?.ignore ?? []);  // paths relative to the config's folder
 * }
 * ```
 *
 * Precedence: the preset (`--preset`, else the file's `preset`, else `recommended`),
 * then the file's `rules`, then `--rule` flags (or, in the editor, nothing more: the
 * file wins over the settings for its project).
 */
import ignore from 'ignore';
import { RULE_DEFAULTS, RULE_IDS } from './ruleCatalog';
import { DEFAULT_PRESET, isPresetName, PRESET_NAMES, PRESETS, type PresetName } from './presets';
import type { SeveritySetting } from './reportTypes';
import { ignorePatternProblem } from './configPatterns';

export const CONFIG_FILE_NAME = 'concurrency-lens.config.json';
export const PACKAGE_JSON_KEY = 'concurrencyLens';

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
/** `$schema` is accepted (and ignored) so editors can offer completion from a JSON schema. */
const KNOWN_KEYS = ['preset', 'rules', 'ignore', '$schema'] as const;

export interface LensConfig {
  preset?: PresetName;
  /** Rule id -> severity, only the ids the file names. */
  rules: Record<string, SeveritySetting>;
  /** Gitignore-style patterns, relative to the folder of the file that holds them. */
  ignore: string[];
}

export interface ConfigProblem {
  /** The file the problem is in, as given to loadConfig. */
  file: string;
  /** The key, as a path: `rules.await-in-loop`, `ignore[2]`, `concurrencyLens.preset`; '' for the whole file. */
  key: string;
  /** A full sentence naming the file and the key. */
  message: string;
}

export type ConfigLoad =
  | { kind: 'config'; config: LensConfig }
  /** A package.json without a `concurrencyLens` key: no configuration here. */
  | { kind: 'none' }
  | { kind: 'invalid'; problems: ConfigProblem[] };

/** Whether a file name is one that holds the configuration under a key (package.json) rather than as its whole content. */
export function isPackageJson(fileName: string): boolean {
  return /(^|[/\\])package\.json$/.test(fileName);
}

/**
 * Reads a configuration from a file's text: the whole file for
 * concurrency-lens.config.json (or any other name, as `--config FILE` gives),
 * the `concurrencyLens` key for a package.json.
 */
export function loadConfig(text: string, fileName: string): ConfigLoad {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return invalid([{ file: fileName, key: '', message: `${fileName}: not valid JSON (${err instanceof Error ? err.message : String(err)})` }]);
  }
  if (!isPackageJson(fileName)) return validateConfig(value, fileName);
  if (!isPlainObject(value) || !(PACKAGE_JSON_KEY in value)) return { kind: 'none' };
  return validateConfig(value[PACKAGE_JSON_KEY], fileName, `${PACKAGE_JSON_KEY}.`);
}

/** Checks an already parsed configuration object; `keyPrefix` is prepended to key names in messages (`concurrencyLens.`). */
export function validateConfig(value: unknown, fileName: string, keyPrefix = ''): ConfigLoad {
  const problems: ConfigProblem[] = [];
  const report = (key: string, text: string) => problems.push({ file: fileName, key: `${keyPrefix}${key}`, message: `${fileName}: ${text}` });
  const whole = keyPrefix === '' ? 'the configuration' : `"${keyPrefix.slice(0, -1)}"`;
  if (!isPlainObject(value)) {
    problems.push({ file: fileName, key: keyPrefix.slice(0, -1), message: `${fileName}: ${whole} must be a JSON object, got ${describe(value)}` });
    return invalid(problems);
  }
  const config: LensConfig = { rules: {}, ignore: [] };
  for (const key of Object.keys(value)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) report(key, `unknown key "${keyPrefix}${key}" (known keys: ${KNOWN_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  if ('preset' in value) {
    if (isPresetName(value.preset)) config.preset = value.preset;
    else report('preset', `"${keyPrefix}preset" must be ${quotedList(PRESET_NAMES)}, got ${describe(value.preset)}`);
  }
  if ('rules' in value) readRules(value.rules, keyPrefix, report, config);
  if ('ignore' in value) readIgnore(value.ignore, keyPrefix, report, config);
  return problems.length > 0 ? invalid(problems) : { kind: 'config', config };
}

function readRules(rules: unknown, prefix: string, report: (key: string, text: string) => void, config: LensConfig): void {
  if (!isPlainObject(rules)) {
    report('rules', `"${prefix}rules" must be an object of rule id to ${quotedList(SETTINGS)}, got ${describe(rules)}`);
    return;
  }
  const known = [...RULE_IDS];
  for (const [id, setting] of Object.entries(rules)) {
    if (!known.includes(id)) report(`rules.${id}`, `unknown rule "${id}" in "${prefix}rules" (known rules: ${known.join(', ')})`);
    else if (typeof setting !== 'string' || !(SETTINGS as readonly string[]).includes(setting)) {
      report(`rules.${id}`, `"${prefix}rules.${id}" must be ${quotedList(SETTINGS)}, got ${describe(setting)}`);
    } else config.rules[id] = setting as SeveritySetting;
  }
}

function readIgnore(patterns: unknown, prefix: string, report: (key: string, text: string) => void, config: LensConfig): void {
  if (!Array.isArray(patterns)) {
    report('ignore', `"${prefix}ignore" must be an array of gitignore-style patterns (strings), got ${describe(patterns)}`);
    return;
  }
  patterns.forEach((pattern: unknown, index) => {
    const key = `ignore[${index}]`;
    if (typeof pattern !== 'string') return report(key, `"${prefix}${key}" must be a string, got ${describe(pattern)}`);
    const problem = ignorePatternProblem(pattern);
    if (problem) report(key, `"${prefix}${key}" (${JSON.stringify(pattern)}) ${problem}`);
    else config.ignore.push(pattern);
  });
}

export interface SettingsInput {
  /** The configuration file's content, or null when there is none. */
  config: LensConfig | null;
  /** `--preset`, which replaces the file's preset. */
  cliPreset?: PresetName | null;
  /** `--rule` flags, applied last. */
  cliRules?: Record<string, SeveritySetting>;
}

export interface ResolvedSettings {
  preset: PresetName;
  /** A severity for every rule id: the preset's, then the file's, then the flags'. */
  rules: Record<string, SeveritySetting>;
  /** AnalyzeOptions.strict: report likely findings too. */
  strict: boolean;
}

export function resolveSettings({ config, cliPreset, cliRules = {} }: SettingsInput): ResolvedSettings {
  const preset = cliPreset ?? config?.preset ?? DEFAULT_PRESET;
  return { preset, rules: { ...PRESETS[preset].rules, ...(config?.rules ?? {}), ...cliRules }, strict: PRESETS[preset].strict };
}

/** The settings that differ from each rule's default severity, sorted by id (what SARIF records as overrides). */
export function nonDefaultRules(rules: Record<string, SeveritySetting>): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const id of [...RULE_IDS].sort()) {
    const setting = rules[id];
    if (setting !== undefined && setting !== RULE_DEFAULTS[id]) out[id] = setting;
  }
  return out;
}

/**
 * A test for paths relative to the configuration file's folder (POSIX, no `./`):
 * true when the patterns leave the file out. Paths outside that folder are never left out.
 */
export function createIgnoreFilter(patterns: readonly string[]): (relativePath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignore().add([...patterns]);
  return (relativePath) => {
    if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..' || relativePath.startsWith('/')) return false;
    return matcher.ignores(relativePath);
  };
}

function invalid(problems: ConfigProblem[]): ConfigLoad {
  return { kind: 'invalid', problems };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function quotedList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
