/**
 * "What if I fix …": one toggle per finding of the selected function whose
 * quick fix the lightbulb offers. Its after-fix schedule is the analysis of
 * the code that fix produces (computed where the analysis runs, then drawn
 * here); turning a toggle on shows it under the current one (main.ts draws
 * the charts).
 */
import { fixKey } from '../core/fixPreview';
import type { Finding } from '../core/reportTypes';
import type { AfterFix } from '../core/timeline/types';
import { fill, h } from './dom';
import { percent, units } from './format';

export { fixKey };

export interface FixItem {
  key: string;
  finding: Finding;
  /** The before/after pair, once the rewritten code is analysed. */
  result: AfterFix | null;
  /** Why there is no after-fix schedule (null while it is being computed). */
  reason: string | null;
}

export function renderFixes(container: HTMLElement, items: readonly FixItem[], active: string | null, onToggle: (key: string | null) => void, onDocs: (rule: string) => void): void {
  container.hidden = items.length === 0;
  if (items.length === 0) {
    fill(container);
    return;
  }
  const list = h('ul', { class: 'fix-list' });
  for (const item of items) {
    const pressed = item.key === active && item.result !== null;
    const result = item.result;
    const saving = result ? (result.saving > 0 ? `saves ${percent(result.saving)}` : 'no faster') : item.reason ? 'no preview' : 'computing…';
    const toggle = h(
      'button',
      { class: 'fix-toggle', type: 'button', 'aria-pressed': pressed ? 'true' : 'false', title: result?.description ?? item.reason ?? 'Analysing the rewritten code…', disabled: result ? undefined : true },
      h('span', { class: 'fix-check', 'aria-hidden': 'true' }, pressed ? '✓' : ''),
      h('span', { class: 'fix-text' }, 'What if I fix ', h('code', undefined, item.finding.rule), ` at line ${item.finding.line}`),
      h('span', { class: result && result.saving > 0 ? 'saving' : 'saving none' }, saving),
    );
    toggle.addEventListener('click', () => onToggle(pressed ? null : item.key));
    const docs = h('button', { class: 'link', type: 'button', title: `Open the documentation of ${item.finding.rule}` }, 'Why?');
    docs.addEventListener('click', () => onDocs(item.finding.rule));
    const detail = h('span', { class: 'fix-totals' }, result ? `${units(result.before.total)} → ${units(result.after.total)} units` : item.reason ?? '');
    list.appendChild(h('li', { class: pressed ? 'fix active' : 'fix' }, toggle, detail, docs));
  }
  fill(container, h('h2', undefined, 'What if I fix it?'), list);
}
