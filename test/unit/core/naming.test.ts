/**
 * Names of functions that have none of their own, taken from their context
 * (src/core/naming.ts), as the model reports them: the CLI, the hovers and
 * the timeline views all show these names.
 */
import * as assert from 'assert';
import { calleeText, isContextName } from '../../../src/core/naming';
import { parseSource } from '../../../src/core/parse';
import { analyze } from '../../../src/core/report';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** `name@line` of every function but the module, in report order. */
function names(code: string, fileName = 'n.ts'): string[] {
  const report = analyze(code, { fileName });
  assert.strictEqual(report.parseError, null);
  return report.functions.filter((f) => f.name !== '<module>').map((f) => `${f.name}@${f.line}`);
}

describe('naming: functions named from their context', () => {
  const table: { name: string; code: string; expected: string[]; fileName?: string }[] = [
    {
      name: 'express routes by verb and path',
      code: [
        "declare const app: any;",
        "app.post('/signup', async (req: any, res: any) => { res.end(); });",
        'app.get(`/users/:id`, (req: any, res: any) => res.end());',
        "app.delete('*', (req: any, res: any) => res.end());",
      ].join('\n'),
      expected: ['POST /signup handler@2', 'GET /users/:id handler@3', 'DELETE * handler@4'],
    },
    {
      name: 'a route whose path is not a literal, and app.use with a mount path',
      code: "declare const router: any; declare const paths: any;\nrouter.get(paths.home, (req: any) => req);\nrouter.use('/api', (req: any, res: any, next: any) => next());",
      expected: ['router.get handler@2', "router.use('/api') handler@3"],
    },
    {
      name: 'event handlers by their event',
      code: "import http from 'http';\nconst server = http.createServer();\nserver.on('request', async (req, res) => { res.end(); });\nprocess.once('exit', () => {});\nwindow.addEventListener('load', () => {});",
      expected: ["server.on('request') handler@3", "process.once('exit') handler@4", "window.addEventListener('load') handler@5"],
    },
    {
      name: 'server factories',
      code: "import http from 'http';\nimport { createServer } from 'node:net';\nhttp.createServer((req, res) => res.end('ok')).listen(8080);\ncreateServer((socket) => socket.end());",
      expected: ['http.createServer handler@3', 'createServer handler@4'],
    },
    {
      name: 'timers, iteration, promise chains and combinators',
      code: [
        'export async function crawl(urls: string[]) {',
        '  setInterval(() => console.log(urls.length), 1000);',
        '  urls.forEach((u) => console.log(u));',
        '  await fetch(urls[0]).then((r) => r.json());',
        '  return Promise.all(urls.map(async (u) => fetch(u)));',
        '}',
      ].join('\n'),
      expected: ['crawl@1', 'setInterval callback@2', 'urls.forEach callback@3', 'fetch(…).then callback@4', 'urls.map callback@5'],
    },
    {
      name: 'test suites',
      code: "declare const describe: any, it: any;\ndescribe('parser', () => {\n  it('parses', async () => {});\n});",
      expected: ['describe callback@2', 'it callback@3'],
    },
    {
      name: 'promise executors, other constructors and immediately invoked functions',
      code: [
        'declare class Emitter { constructor(f: () => void) }',
        'export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
        'new Emitter(() => {});',
        '(async () => { await wait(1); })();',
        '(function main() {})();',
      ].join('\n'),
      expected: ['wait@2', 'new Promise executor@2', 'new Emitter callback@3', 'immediately invoked function@4', 'main@5'],
    },
    {
      name: 'member assignments, literal keys and the default export',
      code: "exports.handler = async () => {};\nmodule.exports.run = function () {};\nconst routes = { 'GET /': () => 1, 42: () => 2 };\nexport default async function () {}",
      expected: ['exports.handler@1', 'module.exports.run@2', 'GET /@3', '42@3', 'default export@4'],
    },
    {
      name: 'receivers that are not plain names',
      code: "class Shop {\n  items: number[] = [];\n  total() { return this.items.filter((x) => x > 0).length; }\n}\n[1, 2].map((x) => x);\n'a,b'.split(',').map((x) => x);",
      expected: ['Shop.total@3', 'this.items.filter callback@3', '[…].map callback@5', '"a,b".split(…).map callback@6'],
    },
    {
      name: 'named function expressions keep their own name, like every named function',
      code: "setTimeout(function tick() {}, 10);\nconst f = function inner() {};\nfunction decl() {}\nconst arrow = () => 1;\nconst api = { list() {} };",
      expected: ['tick@1', 'inner@2', 'decl@3', 'arrow@4', 'list@5'],
    },
    {
      name: 'nothing to go on: the placeholder stays',
      code: 'export const pair = [() => 1, () => 2];',
      expected: ['<anonymous>@1', '<anonymous>@1'],
    },
    {
      name: 'JavaScript files are named the same way',
      code: "const express = require('express');\nconst app = express();\napp.put('/items/:id', function (req, res) { res.end(); });",
      expected: ['PUT /items/:id handler@3'],
      fileName: 'routes.js',
    },
  ];
  for (const row of table) {
    it(row.name, () => assert.deepStrictEqual(names(row.code, row.fileName), row.expected));
  }

  it('a long callee keeps its end, where the method is', () => {
    const parsed = parseSource('this.services.accounts.repository.cache.entries.values.map(f);');
    assert.ok(parsed.ok);
    const call = (parsed.ast.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    const text = calleeText(call.callee);
    assert.strictEqual(text, '….repository.cache.entries.values.map');
    assert.ok(text.length <= 40, text);
  });

  it('a long route path or event name is cut with an ellipsis', () => {
    const path = `/${'segment/'.repeat(6)}`;
    assert.deepStrictEqual(names(`declare const app: any;\napp.get('${path}', () => 1);`), [`GET ${path.slice(0, 31)}… handler@2`]);
  });

  it('tells context names from names the user wrote', () => {
    assert.deepStrictEqual(
      ['urls.map callback', 'POST /signup handler', '<anonymous>', 'loadUsers', 'Shop.checkout', 'exports.handler', '<module>'].map(isContextName),
      [true, true, true, false, false, false, false],
    );
  });
});
