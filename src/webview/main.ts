/**
 * The timeline page (webview panel, sidebar view and the CLI's standalone
 * --html page all run this file). It keeps its state in vscode.getState so a
 * hidden view comes back as it was, validates every message it receives, and
 * re-simulates in the page when the core count changes.
 */
import type { Finding, FunctionReport } from '../core/reportTypes';
import type { FixPreview } from '../core/fixPreview';
import { clampCores, simulate } from '../core/simulate';
import type { Timeline, TimelineSegment } from '../core/timeline/types';
import { isExtensionToWebview, type ExtensionToWebview, type TimelinePayload, type WebviewToExtension } from '../protocol';
import { renderChart } from './chart';
import { fill, h } from './dom';
import type { AfterFix } from '../core/timeline/types';
import { fixKey, renderFixes, type FixItem } from './fixes';
import { functionName, percent, units } from './format';
import { Header } from './header';
import { renderLegend, sharedDefs } from './legend';
import { SpeedupControl } from './speedup';
import { INITIAL_STATE, restoreState, type ViewState } from './state';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// VS Code allows one call per page load.
const vscode = acquireVsCodeApi();
let state: ViewState = restoreState(vscode.getState()) ?? { ...INITIAL_STATE };

function post(message: WebviewToExtension): void {
  vscode.postMessage(message);
}

function save(next: Partial<ViewState>): void {
  state = { ...state, ...next };
  vscode.setState(state);
}

// --- the page skeleton, built once -------------------------------------------

const header = new Header((functionId) => {
  save({ functionId, fix: null });
  post({ type: 'selectFunction', functionId });
  render();
});
// Dragging fires many input events; one redraw per frame keeps a big schedule responsive.
let frame = 0;
const speedup = new SpeedupControl((cores) => {
  save({ cores });
  if (frame === 0) {
    frame = requestAnimationFrame(() => {
      frame = 0;
      // One core count for the panel and the sidebar: the extension remembers it and tells the other view.
      post({ type: 'setCores', cores: state.cores });
      render();
    });
  }
});
const charts = h('div', { class: 'charts' });
const chartSection = h('section', { class: 'timeline', 'aria-label': 'Predicted timeline' }, renderLegend(), charts);
const fixes = h('section', { class: 'fixes', 'aria-label': 'What if I fix it', hidden: true });
const notes = h('section', { class: 'notes', 'aria-label': 'Assumptions' });
const view = h('main', { class: 'view' }, header.root, fixes, chartSection, speedup.root, notes);
const empty = h('div', { class: 'empty', role: 'status', hidden: true });
const app = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
fill(app, sharedDefs(), view, empty);

/** What the charts were last drawn from, so a resize redraws without re-simulating. */
let drawn: { timeline: Timeline; fix: FixItem | null } | null = null;

// --- rendering ------------------------------------------------------------------

function render(): void {
  const payload = state.payload;
  if (!payload || payload.functions.length === 0) {
    showEmpty(state.emptyReason ?? (payload ? 'This file has no functions to draw.' : 'Waiting for an analysis…'));
    return;
  }
  try {
    const fn = payload.functions.find((f) => f.id === state.functionId) ?? payload.functions[0];
    const cores = clampCores(state.cores);
    const timeline = simulate(payload, fn.id, { cores });
    const items = fixItems(payload, fn, timeline, cores);
    const active = items.find((item) => item.key === state.fix && item.result !== null) ?? null;
    empty.hidden = true;
    view.hidden = false;
    header.update(payload, fn, timeline);
    speedup.update({ cores, maxCores: Math.max(16, payload.cores), speedup: timeline.speedup, total: timeline.total, totalOnOne: simulate(payload, fn.id, { cores: 1 }).total });
    renderFixes(fixes, items, active?.key ?? null, (key) => { save({ fix: key }); render(); }, (rule) => post({ type: 'openDocs', rule }));
    drawn = { timeline, fix: active };
    drawCharts();
    renderNotes(timeline, active);
  } catch (error) {
    // A report the simulator cannot handle must leave a readable page, not a blank one.
    showEmpty(`Could not draw this timeline: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function showEmpty(reason: string): void {
  drawn = null;
  view.hidden = true;
  empty.hidden = false;
  fill(empty, h('p', { class: 'empty-title' }, 'No timeline to show'), h('p', { class: 'empty-reason' }, reason));
}

/**
 * Previews of the current payload's fixable findings: asked for once each (the
 * extension analyses the rewritten code), forgotten when a new report comes.
 */
const previews = new Map<string, { preview: FixPreview | null; reason: string | null }>();
const asked = new Set<string>();

/** Findings of this function whose quick fix the lightbulb offers, with their before/after schedules when known. */
function fixItems(payload: TimelinePayload, fn: FunctionReport, timeline: Timeline, cores: number): FixItem[] {
  const items: FixItem[] = [];
  for (const finding of payload.findings as unknown[]) {
    if (!isFinding(finding) || finding.functionId !== fn.id || !Array.isArray(finding.fixes) || finding.fixes.length === 0) continue;
    const key = fixKey(finding);
    const known = payload.previews?.[key] ? { preview: payload.previews[key], reason: null } : previews.get(key);
    if (!known && !asked.has(key)) {
      asked.add(key);
      post({ type: 'previewFix', key });
    }
    const preview = known?.preview ?? null;
    let result: AfterFix | null = null;
    if (preview) {
      const after = simulate(preview, preview.functionId, { cores });
      const saving = timeline.total > 0 ? Math.min(1, Math.max(0, (timeline.total - after.total) / timeline.total)) : 0;
      result = { rule: finding.rule, before: timeline, after, saving: Math.round(saving * 10_000) / 10_000, description: `${preview.title}: the timeline of the code this quick fix writes.` };
    }
    items.push({ key, finding, result, reason: known ? (known.reason ?? (preview ? null : 'no preview')) : null });
  }
  return items;
}

function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Finding> | null;
  return typeof f === 'object' && f !== null && typeof f.rule === 'string' && Number.isInteger(f.line) && Number.isInteger(f.column) && Number.isInteger(f.endLine) && Number.isInteger(f.functionId);
}

function drawCharts(): void {
  if (!drawn || !state.payload) return;
  const { timeline, fix } = drawn;
  const width = charts.clientWidth || app.clientWidth || 600;
  const compact = width < 480;
  app.classList.toggle('compact', compact);
  const name = functionName(timeline.name);
  const onReveal = (seg: TimelineSegment) => reveal(seg);
  if (!fix) {
    const caption = `Predicted timeline of ${name} on ${timeline.cores} cores: ${units(timeline.total)} units`;
    fill(charts, renderChart(timeline, { width, domainMax: timeline.total, caption, compact, onReveal }), truncatedNote(timeline));
    return;
  }
  // Before and after share one time axis and are stacked, so the saving is a visible difference in length.
  const { before, after, saving, description } = fix.result!;
  const domainMax = Math.max(before.total, after.total);
  fill(
    charts,
    h('h3', { class: 'chart-title' }, 'Before', h('span', { class: 'chart-total' }, `${units(before.total)} units`)),
    renderChart(before, { width, domainMax, caption: `Before the fix: ${name}, ${units(before.total)} units`, compact, onReveal }),
    h('h3', { class: 'chart-title' }, 'After', h('span', { class: 'chart-total' }, `${units(after.total)} units`), h('span', { class: saving > 0 ? 'saving' : 'saving none' }, saving > 0 ? `−${percent(saving)}` : 'no faster')),
    h('p', { class: 'fix-description' }, description),
    // The after chart is of code not written yet: its segments have no place in the editor to reveal.
    renderChart(after, { width, domainMax, caption: `After the fix: ${name}, ${units(after.total)} units`, compact, onReveal: () => undefined }),
  );
}

function truncatedNote(timeline: Timeline): HTMLElement | null {
  return timeline.truncated ? h('p', { class: 'truncated' }, 'Only the first part of this schedule is drawn: it has too many steps.') : null;
}

function renderNotes(timeline: Timeline, fix: FixItem | null): void {
  const assumptions = [...timeline.assumptions];
  for (const line of fix?.result?.after.assumptions ?? []) if (!assumptions.includes(line)) assumptions.push(line);
  fill(
    notes,
    h('p', { class: 'note-main' }, 'Costs are relative units estimated from the code’s structure, not measurements: compare shapes, not numbers.'),
    h('details', undefined, h('summary', undefined, 'Assumptions'), h('ul', undefined, ...assumptions.map((line) => h('li', undefined, line)))),
  );
}

function reveal(seg: TimelineSegment): void {
  const uri = state.payload?.uri;
  if (!uri) return;
  const n = (v: number | undefined, fallback: number) => Math.max(0, Math.round(Number.isFinite(v) ? (v as number) : fallback));
  const line = n(seg.line, 1);
  const column = n(seg.column, 1);
  post({ type: 'reveal', uri, line, column, endLine: n(seg.endLine, line), endColumn: n(seg.endColumn, column) });
}

// --- messages ----------------------------------------------------------------------

function handle(message: ExtensionToWebview): void {
  switch (message.type) {
    case 'show': {
      const payload = message.payload;
      // A new report: earlier previews describe older code.
      previews.clear();
      asked.clear();
      const previous = state.payload;
      const sameFile = previous !== null && previous.uri === payload.uri;
      const has = (id: number) => payload.functions.some((f) => f.id === id);
      const suggested = has(payload.selectedFunctionId) ? payload.selectedFunctionId : (payload.functions[0]?.id ?? 0);
      // The extension's choice wins when it is news (another file, another function at the cursor, the
      // same function under a new id after an edit); a repeat of the same choice keeps what the user picked.
      const followExtension = !sameFile || previous.selectedFunctionId !== payload.selectedFunctionId || !has(state.functionId);
      const functionId = followExtension ? suggested : state.functionId;
      save({
        payload,
        emptyReason: null,
        functionId,
        cores: payload.cores,
        // A before/after stays only while its finding is still in the new report (fixItems checks that).
        fix: sameFile && functionId === state.functionId ? state.fix : null,
      });
      render();
      return;
    }
    case 'select':
      if (!state.payload?.functions.some((f) => f.id === message.functionId) || message.functionId === state.functionId) return;
      save({ functionId: message.functionId, fix: null });
      render();
      return;
    case 'cores':
      if (message.cores === state.cores) return;
      save({ cores: message.cores });
      render();
      return;
    case 'fixPreview':
      previews.set(message.key, { preview: message.preview, reason: message.reason ?? null });
      // Kept with the payload, so a page shown again (reloaded from its state) need not ask twice.
      if (message.preview && state.payload) save({ payload: { ...state.payload, previews: { ...state.payload.previews, [message.key]: message.preview } } });
      render();
      return;
    case 'empty':
      save({ payload: null, emptyReason: message.reason, fix: null });
      render();
      return;
    default: {
      const unhandled: never = message;
      void unhandled;
    }
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isExtensionToWebview(message)) return; // untrusted: anything malformed is ignored
  handle(message);
});

let lastWidth = 0;
new ResizeObserver(() => {
  const width = charts.clientWidth;
  if (Math.abs(width - lastWidth) < 4) return;
  lastWidth = width;
  drawCharts();
}).observe(charts);

render();
post({ type: 'ready' });
