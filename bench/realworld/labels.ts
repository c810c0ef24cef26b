/**
 * The judged verdicts, kept as CSV in the repository: labels.csv for findings and
 * recall-labels.csv for loops the analyzer left silent. Pure functions, so the
 * matching can be tested without any project on disk.
 */

export type Verdict = 'real' | 'false';
export type RecallVerdict = 'rightly-silent' | 'missed';

export interface Label {
  project: string;
  commit: string;
  path: string;
  line: number;
  rule: string;
  verdict: Verdict;
  reason: string;
}

export interface RecallLabel {
  project: string;
  commit: string;
  path: string;
  line: number;
  verdict: RecallVerdict;
  reason: string;
}

export const LABEL_COLUMNS = ['project', 'commit', 'path', 'line', 'rule', 'verdict', 'reason'] as const;
export const RECALL_COLUMNS = ['project', 'commit', 'path', 'line', 'verdict', 'reason'] as const;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, a
 * quote or a line break, a quote inside doubled. Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field at the end of the file');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: (string | number)[]): string {
  return values.map(csvField).join(',');
}

/** Rows as objects by the header, checked: the file name goes into every message. */
function records(text: string, columns: readonly string[], file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== columns.join(',')) throw new Error(`${file}: the header must be ${columns.join(',')}`);
  return rows.map((cells, index) => {
    if (cells.length !== columns.length) throw new Error(`${file}:${index + 2}: ${cells.length} fields, expected ${columns.length}`);
    const record: Record<string, string> = {};
    columns.forEach((column, i) => (record[column] = cells[i].trim()));
    const line = Number(record.line);
    if (!Number.isInteger(line) || line < 1) throw new Error(`${file}:${index + 2}: line must be a positive whole number, not "${record.line}"`);
    return record;
  });
}

export function parseLabels(text: string, file = 'labels.csv'): Label[] {
  return records(text, LABEL_COLUMNS, file).map((r, index) => {
    if (r.verdict !== 'real' && r.verdict !== 'false') throw new Error(`${file}:${index + 2}: verdict must be real or false, not "${r.verdict}"`);
    return { project: r.project, commit: r.commit, path: r.path, line: Number(r.line), rule: r.rule, verdict: r.verdict, reason: r.reason };
  });
}

export function parseRecallLabels(text: string, file = 'recall-labels.csv'): RecallLabel[] {
  return records(text, RECALL_COLUMNS, file).map((r, index) => {
    if (r.verdict !== 'rightly-silent' && r.verdict !== 'missed') {
      throw new Error(`${file}:${index + 2}: verdict must be rightly-silent or missed, not "${r.verdict}"`);
    }
    return { project: r.project, commit: r.commit, path: r.path, line: Number(r.line), verdict: r.verdict, reason: r.reason };
  });
}

/**
 * A label judges every finding of its rule on its line of its file at its commit. Two
 * findings of one rule on one line are one item to judge (and are counted once).
 */
export function findingKey(f: { project: string; path: string; line: number; rule: string }): string {
  return `${f.project}\u0000${f.path}\u0000${f.line}\u0000${f.rule}`;
}

export function loopKey(l: { project: string; path: string; line: number }): string {
  return `${l.project}\u0000${l.path}\u0000${l.line}`;
}

/**
 * Labels by key, for the given pinned commits only (a label made at another commit
 * points at other lines). A key judged twice keeps the last verdict: the file is
 * append-only, so a later line is a re-judgement.
 */
export function indexByKey<T extends { project: string; commit: string }>(
  labels: T[],
  commits: Map<string, string>,
  key: (label: T) => string,
): Map<string, T> {
  const index = new Map<string, T>();
  for (const label of labels) {
    if (commits.get(label.project) === label.commit) index.set(key(label), label);
  }
  return index;
}
