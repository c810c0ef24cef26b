/**
 * What makes an `ignore` pattern of the configuration file unusable. The `ignore`
 * library (gitignore semantics) quietly drops a pattern it cannot compile, so a typo
 * would leave files in without a word; these checks say so instead.
 */

/** Why the pattern cannot work, as the end of a sentence ("... is empty"), or null when it is fine. */
export function ignorePatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'is empty';
  if (/[\r\n]/.test(pattern)) return 'contains a line break: give one pattern per entry';
  if (pattern.includes('\u0000')) return 'contains a NUL character';
  if (pattern.startsWith('#')) return 'starts with "#", which gitignore reads as a comment (write "\\#" to match a name starting with #)';
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (/^[A-Za-z]:[\\/]/.test(body) || body.startsWith('\\\\')) return 'is an absolute path: patterns are relative to the folder of the configuration file';
  if (/(^|\/)\.\.(\/|$)/.test(body)) return 'goes up with "..": patterns only match inside the folder of the configuration file';
  return bracketProblem(body);
}

/** Unfinished escapes and character classes, and ranges written backwards (`[z-a]`). */
function bracketProblem(pattern: string): string | null {
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '\\') {
      if (at === pattern.length - 1) return 'ends with a lone backslash';
      at++;
      continue;
    }
    if (char !== '[') continue;
    let end = at + 1;
    if (pattern[end] === '!' || pattern[end] === '^') end++;
    // A "]" right after the opening bracket is a member, as in [] ] or [!]].
    if (pattern[end] === ']') end++;
    const members: string[] = [];
    while (end < pattern.length && pattern[end] !== ']') {
      if (pattern[end] === '\\' && end + 1 < pattern.length) end++;
      members.push(pattern[end]);
      end++;
    }
    if (end >= pattern.length) return `has a "[" at position ${at + 1} that is never closed with "]"`;
    for (let m = 1; m + 1 < members.length; m++) {
      if (members[m] === '-' && members[m - 1] > members[m + 1]) return `has a character range written backwards ("${members[m - 1]}-${members[m + 1]}")`;
    }
    at = end;
  }
  return null;
}
