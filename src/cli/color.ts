/**
 * ANSI colour for the text format. Colour is a courtesy for people at a terminal,
 * so it is off whenever the output goes to a file, a pipe or a CI log, unless asked for.
 */

export interface ColorEnv {
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/**
 * FORCE_COLOR decides when set (0/false turn colour off, anything else on), as in Node
 * itself; otherwise NO_COLOR (any non-empty value, see no-color.org) and TERM=dumb turn
 * it off, and only then does a TTY turn it on.
 */
export function wantsColor({ isTTY, env }: ColorEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLORS: Paint = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  magenta: wrap(35, 39),
  cyan: wrap(36, 39),
};

const same = (text: string) => text;
export const NO_COLORS: Paint = {
  bold: same,
  dim: same,
  red: same,
  yellow: same,
  blue: same,
  green: same,
  magenta: same,
  cyan: same,
};
