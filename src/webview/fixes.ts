/**
 * "What if I fix …": one toggle per finding of the selected function whose rule
 * has a known rewrite. Turning one on shows the after-fix schedule under the
 * current one (main.ts draws the charts).
 */
import type { Finding } from '../core/reportTypes';
import type { AfterFix } from '../core/timeline/types';
import { fill, h } from './dom';
import { percent, units } from './format';

export interface FixItem {
  key: string;
  finding: Finding;
  result: AfterFix;
}

export function fixKey(finding: Finding): string {
  return `${finding.rule}@${finding.line}:${finding.column}`;
}

export function renderFixes(container: HTMLElement, items: readonly FixItem[], active: string | null, onToggle: (key: string | null) => void, onDocs: (rule: string) => void): void {
  container.hidden = items.length === 0;
  if (items.length === 0) {
    fill(container);
    return;
  }
  const list = h('ul', { class: 'fix-list' });
  for (const item of items) {
    const pressed = item.key === active;
    const saving = item.result.saving > 0 ? `saves ${percent(item.result.saving)}` : 'no faster';
    const toggle = h(
      'button',
      { class: 'fix-toggle', type: 'button', 'aria-pressed': pressed ? 'true' : 'false', title: item.result.description },
      h('span', { class: 'fix-check', 'aria-hidden': 'true' }, pressed ? '✓' : ''),
      h('span', { class: 'fix-text' }, 'What if I fix ', h('code', undefined, item.finding.rule), ` at line ${item.finding.line}`),
      h('span', { class: item.result.saving > 0 ? 'saving' : 'saving none' }, saving),
    );
    toggle.addEventListener('click', () => onToggle(pressed ? null : item.key));
    const docs = h('button', { class: 'link', type: 'button', title: `Open the documentation of ${item.finding.rule}` }, 'Why?');
    docs.addEventListener('click', () => onDocs(item.finding.rule));
    const detail = h('span', { class: 'fix-totals' }, `${units(item.result.before.total)} → ${units(item.result.after.total)} units`);
    list.appendChild(h('li', { class: pressed ? 'fix active' : 'fix' }, toggle, detail, docs));
  }
  fill(container, h('h2', undefined, 'What if I fix it?'), list);
}
