/**
 * The package version, read from package.json at build time (esbuild inlines the
 * one field; tsc copies the file next to the compiled tests), so SARIF's
 * semanticVersion and --version can never drift from what was published.
 */
import { version } from '../../package.json';

export const TOOL_NAME = 'concurrency-lens';
export const TOOL_VERSION: string = version;
export const TOOL_URI = 'https://github.com/concurrency-lens/concurrency-lens';

/** Where each rule's page lives once the repository is published. */
export function ruleHelpUri(ruleId: string): string {
  return `${TOOL_URI}/blob/main/docs/rules/${ruleId}.md`;
}
