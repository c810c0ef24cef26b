/**
 * The one line model of every output: the editor's. `\n`, `\r\n` and a lone `\r` end a
 * line; U+2028 and U+2029 do not (VS Code, GitHub's SARIF viewer and terminals all treat
 * them as ordinary characters). TypeScript's scanner does count them as line breaks, so the
 * parser's `loc` is corrected with this model (see parse.ts) whenever the text has them.
 * Lines are 1-based, columns 0-based UTF-16 code units, offsets 0-based.
 */

export interface LinePosition {
  line: number;
  column: number;
}

/** Characters TypeScript ends a line at that an editor does not. */
const FOREIGN_BREAKS = /[\u2028\u2029]/;

/** Whether the parser's line numbers for this text need correcting. */
export function hasForeignLineBreaks(text: string): boolean {
  return FOREIGN_BREAKS.test(text);
}

/** Splits like the editor does; the breaks themselves are dropped. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Offsets of line starts, for turning offsets into positions and back in O(log lines). */
export class LineIndex {
  /** Offset of the first character of each line; `starts[0]` is 0. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of an offset (clamped into the text). An offset inside `\r\n` stays on that line. */
  position(offset: number): LinePosition {
    const at = Math.max(0, Math.min(this.text.length, offset));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.starts[low] };
  }

  /** The offset of a 1-based line and 0-based column, or null when the line does not exist or is shorter. */
  offsetAt(line: number, column: number): number | null {
    if (!Number.isInteger(line) || line < 1 || line > this.starts.length || column < 0) return null;
    const start = this.starts[line - 1];
    return column <= this.lineLength(line) ? start + column : null;
  }

  /** Length of a line without its break. */
  lineLength(line: number): number {
    const start = this.starts[line - 1];
    let end = line < this.starts.length ? this.starts[line] : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end - start;
  }

  /** A line's text without its break ('' past the end). */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1];
    return this.text.slice(start, start + this.lineLength(line));
  }
}
