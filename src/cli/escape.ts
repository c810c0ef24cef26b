/**
 * Text that came from the analysed files (names, labels, messages quoting code, paths) is
 * printed to a terminal by the text format and the notes on stderr. A string literal holding
 * ESC or BEL would otherwise reach the terminal as a command (colours, a cleared screen, a
 * changed title); so would a file named with them. Control characters are shown as escapes
 * instead, `\x1b`-style, as a programmer would write them.
 */

/**
 * C0 controls and DEL, C1 controls (U+009B is a one-character CSI), the line and paragraph
 * separators, and the bidirectional overrides that can make a line read differently from
 * what it holds. Tab stays: it is harmless and common in code.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Escapes each line of a note but keeps its line ends: notes are built as `…\n` lines. */
export function escapeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeControl(line))
    .join('\n');
}
