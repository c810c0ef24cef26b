/**
 * The rule ids and their default severities, as plain data: what configuration
 * validation and presets need, without loading the rules themselves (they pull
 * in the parser, megabytes the VS Code extension host must not load). A unit
 * test keeps this table equal to the registry's metadata.
 */
import type { SeveritySetting } from './reportTypes';

export const RULE_DEFAULTS: Readonly<Record<string, Exclude<SeveritySetting, 'off'>>> = {
  'async-cpu-bound': 'warning',
  'promise-all-cpu': 'warning',
  'await-in-loop': 'warning',
  'sequential-awaits': 'info',
  'blocking-call': 'error',
  'event-loop-hog': 'warning',
  'worker-oversubscription': 'warning',
  'async-foreach': 'error',
  'floating-promise': 'warning',
  'async-without-await': 'info',
  'sync-promise-executor': 'warning',
  'unbounded-fanout': 'info',
};

export const RULE_IDS: readonly string[] = Object.keys(RULE_DEFAULTS);
