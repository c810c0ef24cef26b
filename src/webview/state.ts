/**
 * What the page remembers while hidden (vscode.getState/setState): the payload
 * and the user's choices. The stored value is re-validated on load, like any
 * message: an old or damaged state must not break the page.
 */
import { isExtensionToWebview, type TimelinePayload } from '../protocol';

export interface ViewState {
  version: 1;
  payload: TimelinePayload | null;
  /** The reason shown when there is nothing to draw. */
  emptyReason: string | null;
  functionId: number;
  /** The slider's value: the core count shared with the other view. */
  cores: number;
  /** fixKey of the before/after shown, or null. */
  fix: string | null;
}

export const INITIAL_STATE: ViewState = { version: 1, payload: null, emptyReason: null, functionId: 0, cores: 4, fix: null };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4096;

export function restoreState(raw: unknown): ViewState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.version !== 1) return null;
  const payload = r.payload === null ? null : isExtensionToWebview({ type: 'show', payload: r.payload }) ? (r.payload as TimelinePayload) : undefined;
  if (payload === undefined) return null;
  return {
    version: 1,
    payload,
    emptyReason: typeof r.emptyReason === 'string' ? r.emptyReason : null,
    functionId: isCount(r.functionId) ? r.functionId : (payload?.selectedFunctionId ?? 0),
    cores: isCount(r.cores) && r.cores >= 1 ? r.cores : (payload?.cores ?? 4),
    fix: typeof r.fix === 'string' ? r.fix : null,
  };
}
