/**
 * A nesting-depth estimate read from the text before anything is parsed. The parser and the
 * tree converter recurse once per level of the syntax tree, so a deep enough file runs them
 * out of stack; where that happens depends on the stack size and on how warm the JIT is
 * (optimised frames are smaller), so a file could be "too deep" when analysed first and
 * parse after a few hundred others. Deciding from this estimate gives one verdict whatever
 * ran before, on any thread.
 *
 * One linear pass that skips strings, comments, template text, regular expressions and JSX
 * text (as far as a scanner without a grammar can tell them apart), and counts what makes the
 * tree deep:
 * - open brackets: `{` counts 2 (blocks cost the parser the most per level), `(`, `[`, `${`
 *   and a JSX element 1;
 * - chain links within the innermost bracket, since its last `,`, `;` or line break:
 *   operators (`a + b + …`, `a = b = …`, `a ? b : c ? …`, `!!x`, `=>`) and words that nest
 *   what follows (`if`, `else`, `for`, `new`, `await`, …) add up; member accesses and calls
 *   (`a.b.c()`) add up within one operand. Links after a bracket also deepen what it held
 *   (`f(() => { … }).then(…).then(…)` nests the first callback deepest), as in the tree.
 *   A line break ends a chain unless the line ends with an operator or the next starts with one.
 * The estimate errs high; limits.ts says how far it is from where the parser really stops.
 */

const enum Kind {
  Paren,
  Bracket,
  Brace,
  Substitution,
  Template,
  JsxTag,
  JsxChildren,
}

const WEIGHT: Record<Kind, number> = { [Kind.Paren]: 1, [Kind.Bracket]: 1, [Kind.Brace]: 2, [Kind.Substitution]: 1, [Kind.Template]: 0, [Kind.JsxTag]: 1, [Kind.JsxChildren]: 1 };

interface Frame {
  kind: Kind;
  /** A parenthesis that groups rather than calls: its commas form a sequence expression, which nests. */
  grouping: boolean;
  /** Deepest point measured while this frame was open. */
  peak: number;
  /** Links of the current chain (operators, nesting words). */
  run: number;
  /** Member accesses and calls of the current operand. */
  postfix: number;
  /** How far below the chain the deepest bracket closed in it reached. */
  inner: number;
}

export interface DepthEstimate {
  /** The deepest point's estimate (the scan stops once it passes the limit asked for). */
  depth: number;
  /** Offset of the deepest point. */
  offset: number;
}

/** After these words an expression starts: `/` begins a regular expression, `<` a JSX element. */
const EXPRESSION_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);
/** Words that nest what follows them one level deeper. */
const NESTING_WORDS = new Set(['if', 'else', 'for', 'while', 'with', 'do', 'new', 'typeof', 'void', 'delete', 'await', 'yield', 'throw']);
/** Words that continue the previous line's expression. */
const JOINING_WORDS = new Set(['else', 'instanceof', 'in', 'of', 'as', 'satisfies']);

/** ASCII character classes. */
const OTHER = 0;
const SPACE = 1;
const BREAK = 2;
const WORD = 3;
const OPERATOR = 4;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (c === 10 || c === 13) CLASS[c] = BREAK;
  else if (c === 32 || c === 9 || c === 11 || c === 12) CLASS[c] = SPACE;
  else if (/[A-Za-z0-9_$\\]/.test(ch)) CLASS[c] = WORD;
  else if ('+-*%=<>&|^!~?:.'.includes(ch)) CLASS[c] = OPERATOR;
  else CLASS[c] = OTHER;
}

function classOf(code: number): number {
  if (code < 128) return CLASS[code];
  // No-break space, BOM and the separators TypeScript treats as white space; any other non-ASCII is part of a name.
  return code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000 ? SPACE : WORD;
}

/**
 * The estimate for `text`, scanning no further than needed once it exceeds `limit`.
 * `jsx`: the file may hold JSX (its elements then nest; its text is skipped).
 */
export function estimateNesting(text: string, jsx: boolean, limit = Infinity): DepthEstimate {
  return new DepthScanner(text, jsx, limit).scan();
}

class DepthScanner {
  private i = 0;
  private readonly stack: Frame[] = [frame(Kind.Brace, false, 0)];
  /** Sum of open frames' weights, and of their runs and postfixes. */
  private base = 0;
  private links = 0;
  private best: DepthEstimate = { depth: 0, offset: 0 };
  /** The last token ended an operand (name, literal, `)`, `]`): `/` divides, `<` compares, `(` calls. */
  private afterOperand = false;
  /** The last token was an operator or an opener: a line break after it does not end the chain. */
  private afterOperator = false;
  private lineBreak = false;

  constructor(
    private readonly text: string,
    private readonly jsx: boolean,
    private readonly limit: number,
  ) {}

  scan(): DepthEstimate {
    if (this.text.startsWith('#!')) this.skipLine();
    while (this.i < this.text.length && this.best.depth <= this.limit) {
      const kind = this.top.kind;
      if (kind === Kind.Template) this.templateText();
      else if (kind === Kind.JsxChildren) this.jsxText();
      else if (kind === Kind.JsxTag) this.jsxTag();
      else this.code();
    }
    return this.best;
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private measure(): void {
    const top = this.top;
    const depth = this.base + this.links + top.inner;
    if (depth > top.peak) top.peak = depth;
    if (depth > this.best.depth) this.best = { depth, offset: this.i };
  }

  /** An operator or nesting word: the chain grows, the operand's member chain is done. */
  private chainLink(): void {
    const top = this.top;
    this.links += 1 - top.postfix;
    top.postfix = 0;
    top.run++;
    this.measure();
  }

  /** A member access, call or index: the current operand grows. */
  private postfixLink(): void {
    this.top.postfix++;
    this.links++;
    this.measure();
  }

  private endChain(): void {
    const top = this.top;
    this.links -= top.run + top.postfix;
    top.run = 0;
    top.postfix = 0;
    top.inner = 0;
  }

  private push(kind: Kind): void {
    const call = this.afterOperand && (kind === Kind.Paren || kind === Kind.Bracket);
    if (call) this.postfixLink();
    this.stack.push(frame(kind, kind === Kind.Paren && !call, this.base + this.links + this.top.inner));
    this.base += WEIGHT[kind];
    this.measure();
    this.afterOperand = false;
    this.afterOperator = true;
  }

  private pop(): void {
    const closed = this.stack.pop()!;
    this.base -= WEIGHT[closed.kind];
    this.links -= closed.run + closed.postfix;
    const parent = this.top;
    // Measured from the parent's chain as it stands, so links that follow deepen the closed content too.
    parent.inner = Math.max(parent.inner, closed.peak - (this.base + this.links));
    this.measure();
  }

  /** Closes the nearest frame of `kind` (or Substitution) above any template or JSX frame; a stray closer is ignored. */
  private close(kind: Kind): void {
    for (let at = this.stack.length - 1; at > 0; at--) {
      const open = this.stack[at].kind;
      if (open === kind || (kind === Kind.Brace && open === Kind.Substitution)) {
        while (this.stack.length > at) this.pop();
        return;
      }
      if (open === Kind.Template || open === Kind.JsxTag || open === Kind.JsxChildren) return;
    }
  }

  /** A token starts: a line break before it ends the chain unless an operator joins the two lines. */
  private token(joins: boolean): void {
    if (this.lineBreak && !this.afterOperator && !joins) this.endChain();
    this.lineBreak = false;
  }

  private operand(): void {
    this.afterOperand = true;
    this.afterOperator = false;
  }

  private code(): void {
    const { text } = this;
    const code = text.charCodeAt(this.i);
    const cls = classOf(code);
    if (cls === BREAK) {
      this.lineBreak = true;
      this.i++;
      return;
    }
    if (cls === SPACE) {
      this.i++;
      return;
    }
    if (cls === WORD) return this.word();
    const next = text.charCodeAt(this.i + 1);
    switch (code) {
      case 47 /* / */:
        if (next === 47) return this.skipLine();
        if (next === 42) return this.blockComment();
        this.token(this.afterOperand);
        if (!this.afterOperand) {
          this.regex();
          return this.operand();
        }
        this.i += next === 61 ? 2 : 1;
        this.chainLink();
        this.afterOperand = false;
        this.afterOperator = true;
        return;
      case 34 /* " */:
      case 39 /* ' */:
        this.token(false);
        this.quoted(code);
        return this.operand();
      case 96 /* ` */:
        this.token(false);
        this.i++;
        this.stack.push(frame(Kind.Template, false, this.base + this.links + this.top.inner));
        return;
      case 40 /* ( */:
      case 91 /* [ */:
        this.token(true);
        this.i++;
        return this.push(code === 40 ? Kind.Paren : Kind.Bracket);
      case 123 /* { */:
        this.token(false);
        this.i++;
        return this.push(Kind.Brace);
      case 41 /* ) */:
      case 93 /* ] */:
      case 125 /* } */:
        this.token(true);
        this.i++;
        if (code === 125 && this.top.kind === Kind.Substitution) return this.pop(); // back into the template's text
        this.close(code === 41 ? Kind.Paren : code === 93 ? Kind.Bracket : Kind.Brace);
        // After `}` a statement may follow (`} /re/.test(x)`); after `)` and `]` an operand ended.
        this.afterOperand = code !== 125;
        this.afterOperator = false;
        return;
      case 44 /* , */:
      case 59 /* ; */:
        this.token(true);
        this.i++;
        if (code === 44 && this.top.grouping) this.chainLink();
        else this.endChain();
        this.afterOperand = false;
        this.afterOperator = true;
        return;
      case 60 /* < */:
        if (this.jsx && !this.afterOperand && startsTag(next)) {
          this.token(false);
          this.i++;
          return this.push(Kind.JsxTag);
        }
        return this.operator();
      default:
        if (cls === OPERATOR) return this.operator();
        // `#private`, `@decorator` and anything else: part of an operand.
        this.token(false);
        this.i++;
        this.afterOperand = false;
        this.afterOperator = false;
    }
  }

  /** A run of operator characters; `.` alone (or `?.`) is a member access, `.5` a number. */
  private operator(): void {
    const { text } = this;
    const start = this.i;
    if (text.charCodeAt(start) === 46 && classOf(text.charCodeAt(start + 1)) === WORD && /[0-9]/.test(text[start + 1])) {
      this.i++;
      return this.word();
    }
    this.token(true);
    while (this.i < text.length && text.charCodeAt(this.i) < 128 && CLASS[text.charCodeAt(this.i)] === OPERATOR) this.i++;
    const token = text.slice(start, this.i);
    if (token === '.' || token === '?.') this.postfixLink();
    else {
      this.chainLink();
      // `!!!x` nests three times; `===` or `=>` is one operator.
      for (let k = 1; k < token.length; k++) if (token[k] === '!' || token[k] === '~') this.chainLink();
    }
    this.afterOperand = false;
    this.afterOperator = true;
  }

  private word(): void {
    const { text } = this;
    const start = this.i;
    while (this.i < text.length && classOf(text.charCodeAt(this.i)) === WORD) this.i++;
    const word = text.slice(start, this.i);
    this.token(JOINING_WORDS.has(word));
    const nests = NESTING_WORDS.has(word);
    if (nests) this.chainLink();
    if (nests || EXPRESSION_WORDS.has(word)) {
      this.afterOperand = false;
      this.afterOperator = true;
    } else this.operand();
  }

  private skipLine(): void {
    const { text } = this;
    while (this.i < text.length && classOf(text.charCodeAt(this.i)) !== BREAK) this.i++;
  }

  private blockComment(): void {
    const end = this.text.indexOf('*/', this.i + 2);
    const stop = end < 0 ? this.text.length : end + 2;
    for (let k = this.i; k < stop; k++) {
      const code = this.text.charCodeAt(k);
      if (code === 10 || code === 13) {
        this.lineBreak = true;
        break;
      }
    }
    this.i = stop;
  }

  /** A quoted string; an unescaped line break ends it, so a stray quote cannot swallow the file. */
  private quoted(quote: number): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === 92) this.i += 2;
      else if (code === quote) {
        this.i++;
        return;
      } else if (code === 10 || code === 13) return;
      else this.i++;
    }
  }

  /** A regular expression literal: to its closing `/` outside a class, or the end of the line. */
  private regex(): void {
    const { text } = this;
    this.i++;
    let inClass = false;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === 10 || code === 13) return;
      if (code === 92) this.i += 2;
      else {
        this.i++;
        if (code === 91) inClass = true;
        else if (code === 93) inClass = false;
        else if (code === 47 && !inClass) break;
      }
    }
    while (this.i < text.length && classOf(text.charCodeAt(this.i)) === WORD) this.i++;
  }

  private templateText(): void {
    const { text } = this;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === 92) this.i += 2;
      else if (code === 96) {
        this.i++;
        this.pop();
        return this.operand();
      } else if (code === 36 && text.charCodeAt(this.i + 1) === 123) {
        this.i += 2;
        return this.push(Kind.Substitution);
      } else this.i++;
    }
  }

  /** Inside `<tag …`: attributes, strings and `{…}` until `>` (children follow) or `/>`. */
  private jsxTag(): void {
    const { text } = this;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === 34 || code === 39) this.quoted(code);
      else if (code === 123) {
        this.i++;
        return this.push(Kind.Brace);
      } else if (code === 47 && text.charCodeAt(this.i + 1) === 62) {
        this.i += 2;
        this.pop();
        return this.operand();
      } else if (code === 62) {
        this.i++;
        this.top.kind = Kind.JsxChildren;
        return;
      } else this.i++;
    }
  }

  /** Between `<tag>` and `</tag>`: text, `{…}` and child elements. */
  private jsxText(): void {
    const { text } = this;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === 123) {
        this.i++;
        return this.push(Kind.Brace);
      }
      if (code === 60) {
        const next = text.charCodeAt(this.i + 1);
        if (next === 47) {
          const end = text.indexOf('>', this.i);
          this.i = end < 0 ? text.length : end + 1;
          this.pop();
          return this.operand();
        }
        if (startsTag(next)) {
          this.i++;
          return this.push(Kind.JsxTag);
        }
      }
      this.i++;
    }
  }
}

/** `depth`: where the frame opens, its first peak. */
function frame(kind: Kind, grouping: boolean, depth: number): Frame {
  return { kind, grouping, peak: depth, run: 0, postfix: 0, inner: 0 };
}

/** After `<`: a name or `>` (a fragment) starts a JSX element. */
function startsTag(code: number): boolean {
  return code === 62 || (code < 128 ? /[A-Za-z_$]/.test(String.fromCharCode(code)) : !Number.isNaN(code));
}
