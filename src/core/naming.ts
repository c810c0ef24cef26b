/**
 * Names for functions that have none of their own, taken from where they are
 * written: `POST /signup handler`, `urls.map callback`, `setInterval callback`,
 * `http.createServer handler`, `server.on('request') handler`. Every view (the
 * CLI, hovers, the timeline's picker and title) shows these instead of a row of
 * identical "anonymous function" entries.
 *
 * A context name always contains a space, which no identifier or dotted path
 * can: `isContextName` tells them apart from names the user wrote. A name
 * ending in " handler" is a request or event handler; the editor's CodeLens
 * relies on that (it cannot load this file: the parser would come with it).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { HANDLER_METHODS, ROUTE_METHODS } from './model/names';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** What a function is called when nothing around it gives a name. */
export const ANONYMOUS = '<anonymous>';
export const IIFE_NAME = 'immediately invoked function';
export const DEFAULT_EXPORT_NAME = 'default export';

/** HTTP verbs whose first string argument is a route path: `app.post('/signup', …)`. */
const HTTP_VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all']);
/** Receivers that register routes when called with a route method and no literal path. */
const ROUTER_RECEIVER = /^(app|router|server|fastify|api|routes?)$/i;
const SERVER_FACTORY = /(^|\.)(createServer|createSecureServer)$/;
const MAX_CALLEE = 40;
const MAX_LITERAL = 32;

/** True for names made here (and the `<anonymous>` fallback), false for names the user wrote. */
export function isContextName(name: string): boolean {
  return name === ANONYMOUS || name.includes(' ');
}

/**
 * The name of a function passed to `call` (an argument of a call or of `new`):
 * its own name when it has one (`setTimeout(function tick() {…})`), else one
 * from the callee and, for handlers, the route or event it is registered for.
 */
export function callbackName(call: TSESTree.CallExpression | TSESTree.NewExpression, fn?: TSESTree.Node): string {
  if (fn && (fn.type === T.FunctionExpression || fn.type === T.FunctionDeclaration) && fn.id) return fn.id.name;
  const callee = calleeText(call.callee);
  if (call.type === T.NewExpression) return `new ${callee} ${callee === 'Promise' ? 'executor' : 'callback'}`;
  if (isFunction(call.callee)) return `${IIFE_NAME} argument`;
  const method = propertyName(call.callee);
  const receiver = call.callee.type === T.MemberExpression ? calleeText(call.callee.object) : null;
  const first = stringValue(call.arguments[0]);
  if (method && HTTP_VERBS.has(method) && first !== null && /^[/*]/.test(first)) return `${method.toUpperCase()} ${first} handler`;
  if (method && (HANDLER_METHODS.has(method) || method === 'use') && first !== null) return `${callee}('${first}') handler`;
  if (SERVER_FACTORY.test(callee)) return `${callee} handler`;
  if (method && HANDLER_METHODS.has(method)) return `${callee} handler`;
  if (method && ROUTE_METHODS.has(method) && receiver && ROUTER_RECEIVER.test(receiver.split('.').pop()!)) return `${callee} handler`;
  return `${callee} callback`;
}

/** `(async function main() {…})()` keeps its name; `(async () => {…})()` gets one. */
export function iifeName(fn: TSESTree.Node): string {
  return fn.type === T.FunctionExpression && fn.id ? fn.id.name : IIFE_NAME;
}

/**
 * The name of a function from the node that holds it, when that node is not a
 * declaration the model already names (`const f = …`, `{ f() {} }`).
 */
export function contextName(fn: TSESTree.Node, parent: TSESTree.Node): string {
  switch (parent.type) {
    case T.CallExpression:
      return parent.callee === fn ? iifeName(fn) : callbackName(parent, fn);
    case T.NewExpression:
      return callbackName(parent, fn);
    case T.AssignmentExpression:
      // `exports.handler = async () => …`, `module.exports = …`, `this.onTick = …`
      return parent.left.type === T.MemberExpression ? calleeText(parent.left) : ANONYMOUS;
    case T.Property:
    case T.PropertyDefinition: {
      const key = parent.computed ? null : stringValue(parent.key);
      return key ?? ANONYMOUS;
    }
    case T.ExportDefaultDeclaration:
      return DEFAULT_EXPORT_NAME;
    default:
      return ANONYMOUS;
  }
}

/**
 * The callee as the user wrote it, compact: `urls.map`, `this.items.filter`,
 * `fetch(…).then`; a long path keeps its end, where the method is.
 */
export function calleeText(node: TSESTree.Node): string {
  const text = describe(node, 0);
  if (text.length <= MAX_CALLEE) return text;
  const parts = text.split('.');
  while (parts.length > 1 && `….${parts.join('.')}`.length > MAX_CALLEE) parts.shift();
  const tail = parts.join('.');
  return tail.length + 2 <= MAX_CALLEE ? `….${tail}` : `…${tail.slice(-(MAX_CALLEE - 1))}`;
}

function describe(node: TSESTree.Node, depth: number): string {
  if (depth > 8) return '…';
  switch (node.type) {
    case T.Identifier:
      return node.name;
    case T.PrivateIdentifier:
      return `#${node.name}`;
    case T.ThisExpression:
      return 'this';
    case T.Super:
      return 'super';
    case T.MemberExpression: {
      const object = describe(node.object, depth + 1);
      if (!node.computed) return `${object}.${describe(node.property, depth + 1)}`;
      const key = stringValue(node.property);
      return key === null ? `${object}[…]` : `${object}[${JSON.stringify(key)}]`;
    }
    case T.CallExpression:
      return `${describe(node.callee, depth + 1)}(…)`;
    case T.NewExpression:
      return `new ${describe(node.callee, depth + 1)}(…)`;
    case T.ChainExpression:
    case T.TSNonNullExpression:
    case T.TSAsExpression:
      return describe(node.expression, depth + 1);
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
      return 'function';
    case T.ArrayExpression:
      return '[…]';
    case T.ObjectExpression:
      return '{…}';
    case T.Literal:
    case T.TemplateLiteral: {
      const value = stringValue(node);
      return value !== null && value.length <= 12 ? JSON.stringify(value) : '"…"';
    }
    default:
      return '…';
  }
}

function propertyName(callee: TSESTree.Node): string | null {
  let node = callee;
  if (node.type === T.ChainExpression) node = node.expression;
  if (node.type !== T.MemberExpression || node.computed || node.property.type !== T.Identifier) return null;
  return node.property.name;
}

/** The text of a string (or plain template) literal, one line, short and without backticks, else null. */
function stringValue(node: TSESTree.Node | undefined): string | null {
  let value: string | null = null;
  if (node?.type === T.Literal && (typeof node.value === 'string' || typeof node.value === 'number')) value = String(node.value);
  else if (node?.type === T.TemplateLiteral && node.expressions.length === 0) value = node.quasis[0]?.value.cooked ?? null;
  if (value === null) return null;
  // Names end up inside Markdown code spans (hovers, summaries): a backtick would end one early.
  const line = value.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return line.length > MAX_LITERAL ? `${line.slice(0, MAX_LITERAL - 1)}…` : line;
}

function isFunction(node: TSESTree.Node): boolean {
  return node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}
