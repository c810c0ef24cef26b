/**
 * Messages between the extension and the timeline webview, both ways, as
 * discriminated unions. Each side validates what it receives: a webview is a
 * separate page and its messages are untrusted input.
 */
import type { FixPreview } from './core/fixPreview';
import type { Finding, FunctionReport } from './core/reportTypes';

/** Everything the page needs to draw (and re-simulate) a file's timelines. */
export interface TimelinePayload {
  /** Shown in the header; the page never uses it as a path. */
  fileName: string;
  uri: string;
  functions: FunctionReport[];
  findings: Finding[];
  /** Function to show first (the one at the cursor, or the one asked for). */
  selectedFunctionId: number;
  /** The core count shared by the panel and the sidebar (the slider starts here). */
  cores: number;
  /** Why the report may be out of date, or null. */
  stale: string | null;
  /** Something the reader should know about the choice of function (the one asked for is gone), or null. */
  notice?: string | null;
  /** Functions of other files of the project that calls reach (the timeline expands calls into them). */
  imported?: FunctionReport[];
  /** After-fix previews computed ahead (the CLI's standalone page); in the editor the page asks for them. */
  previews?: Record<string, FixPreview>;
}

export type ExtensionToWebview =
  | { type: 'show'; payload: TimelinePayload }
  | { type: 'select'; functionId: number }
  /** The shared core count changed (the other view's slider, or the setting). */
  | { type: 'cores'; cores: number }
  /** The analysis of the code a finding's quick fix would produce, or why there is none. */
  | { type: 'fixPreview'; key: string; preview: FixPreview | null; reason?: string }
  | { type: 'empty'; reason: string };

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; line: number; column: number; endLine: number; endColumn: number }
  | { type: 'selectFunction'; functionId: number }
  /** The user moved the slider: every view and the workspace remember it. */
  | { type: 'setCores'; cores: number }
  /** Wants the after-fix schedule of a finding (by fixKey) of the shown report. */
  | { type: 'previewFix'; key: string }
  | { type: 'openDocs'; rule: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPositiveInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e9;
/** The same range as the `concurrencyLens.cores` setting (the simulator clamps to what it can draw). */
const isCoreCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1024;

export function isWebviewToExtension(value: unknown): value is WebviewToExtension {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  const message = value as { type: WebviewToExtension['type'] } & Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return true;
    case 'reveal':
      return typeof message.uri === 'string' && [message.line, message.column, message.endLine, message.endColumn].every(isPositiveInt);
    case 'selectFunction':
      return isPositiveInt(message.functionId);
    case 'setCores':
      return isCoreCount(message.cores);
    case 'previewFix':
      return isFixKey(message.key);
    case 'openDocs':
      return typeof message.rule === 'string' && /^[a-z-]{1,40}$/.test(message.rule);
    default: {
      const unknownType: never = message.type;
      void unknownType;
      return false;
    }
  }
}

export function isExtensionToWebview(value: unknown): value is ExtensionToWebview {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  const message = value as { type: ExtensionToWebview['type'] } & Record<string, unknown>;
  switch (message.type) {
    case 'show':
      return isPayload(message.payload);
    case 'select':
      return isPositiveInt(message.functionId);
    case 'cores':
      return isCoreCount(message.cores);
    case 'fixPreview':
      return isFixKey(message.key) && (message.preview === null || isPreview(message.preview)) && (message.reason === undefined || typeof message.reason === 'string');
    case 'empty':
      return typeof message.reason === 'string';
    default: {
      const unknownType: never = message.type;
      void unknownType;
      return false;
    }
  }
}

/** `rule@line:column` (fixKey). */
const isFixKey = (value: unknown): value is string => typeof value === 'string' && /^[a-z-]{1,40}@\d{1,9}:\d{1,9}$/.test(value);

const isFunctionList = (value: unknown): value is FunctionReport[] =>
  Array.isArray(value) && value.every((fn) => isObject(fn) && isPositiveInt(fn.id) && typeof fn.name === 'string' && Array.isArray(fn.segments));

function isPreview(value: unknown): value is FixPreview {
  return (
    isObject(value) &&
    isFixKey(value.key) &&
    typeof value.title === 'string' &&
    isPositiveInt(value.functionId) &&
    isFunctionList(value.functions) &&
    (value.imported === undefined || isFunctionList(value.imported)) &&
    Array.isArray(value.findings)
  );
}

function isPayload(value: unknown): value is TimelinePayload {
  return (
    isObject(value) &&
    typeof value.fileName === 'string' &&
    typeof value.uri === 'string' &&
    isFunctionList(value.functions) &&
    (value.imported === undefined || isFunctionList(value.imported)) &&
    (value.previews === undefined || (isObject(value.previews) && Object.values(value.previews).every(isPreview))) &&
    Array.isArray(value.findings) &&
    isPositiveInt(value.selectedFunctionId) &&
    isPositiveInt(value.cores) &&
    (value.stale === null || typeof value.stale === 'string') &&
    (value.notice === undefined || value.notice === null || typeof value.notice === 'string')
  );
}
