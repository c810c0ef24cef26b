/** The declaration reader on declaration snippets written for these tests: what each shape of `.d.ts` says. */
import * as assert from 'assert';
import { declaredFactOf, readDeclarations, type DeclaredCallable } from '../../../src/core/knowledge';

/** A fact with every field, defaults for a synchronous function of one overload. */
function fact(fields: Partial<DeclaredCallable>): DeclaredCallable {
  return { kind: 'function', returnsPromise: false, promise: 'never', newable: false, callbackStyle: false, asyncIterable: false, overloads: 1, ...fields };
}
const promised = (fields: Partial<DeclaredCallable> = {}) => fact({ returnsPromise: true, promise: 'always', ...fields });

const AXIOS_LIKE = `
export interface AxiosRequestConfig { url?: string; timeout?: number }
export interface AxiosResponse<T = any> { data: T; status: number }
export interface AxiosInstance {
  (config: AxiosRequestConfig): Promise<AxiosResponse>;
  get<T = any, R = AxiosResponse<T>>(url: string, config?: AxiosRequestConfig): Promise<R>;
  defaults: AxiosRequestConfig;
}
export interface AxiosStatic extends AxiosInstance {
  create(config?: AxiosRequestConfig): AxiosInstance;
  isCancel(value: any): boolean;
}
declare const axios: AxiosStatic;
export default axios;
`;

const PG_LIKE = `
import events = require('events');
export interface QueryResult<R = any> { rows: R[] }
export type QueryCallback<R> = (err: Error | null, result: QueryResult<R>) => void;
export declare class ClientBase extends events.EventEmitter {
  connect(): Promise<void>;
  connect(callback: (err: Error) => void): void;
  query<R = any>(text: string): Promise<QueryResult<R>>;
  query<R = any>(text: string, callback: QueryCallback<R>): void;
}
export declare class Client extends ClientBase { end(): Promise<void>; }
export interface PoolClient extends ClientBase { release(err?: Error | boolean): void; }
export declare class Pool extends events.EventEmitter {
  constructor(config?: { max?: number });
  connect(): Promise<PoolClient>;
  end(): Promise<void>;
  readonly totalCount: number;
  static defaults: { max: number };
}
`;

const P_LIMIT_LIKE = `
declare function pLimit(concurrency: number): pLimit.Limit;
declare namespace pLimit {
  interface Limit {
    <A extends unknown[], R>(fn: (...a: A) => PromiseLike<R> | R, ...a: A): Promise<R>;
    readonly activeCount: number;
    clearQueue: () => void;
  }
  function of(n: number): Limit;
  namespace inner { function deep(): PromiseLike<string>; }
}
export = pLimit;
`;

const ALIASES_AND_OVERLOADS = `
export type Thenable<T> = PromiseLike<T>;
export type MaybePromise<T> = Promise<T> | T;
export type Callback<T> = (error: Error | null, value?: T) => void;
export interface CancelablePromise<T> extends Promise<T> { cancel(): void }
interface Session { close(): Promise<void> }
export declare function read(path: string): Thenable<Buffer>;
export declare function maybe(): MaybePromise<number>;
export declare function load(path: string, cb: Callback<string>): void;
export declare function load(path: string): Promise<string>;
export declare function cancellable<T>(value: T): CancelablePromise<T>;
export declare function identity<T>(value: T): T;
export declare function later(): Promise<Session> | undefined;
export declare function stream(): AsyncIterable<Buffer>;
export declare const fetchAll: (ids: string[]) => Promise<Map<string, number>>;
export declare const compare: typeof load;
export default function main(): Promise<void>;
`;

describe('declarations: an axios-like default export typed by an interface', () => {
  const d = readDeclarations(AXIOS_LIKE, 'axios.d.ts');

  it('reads the default value, its call signature inherited from AxiosInstance, and the methods', () => {
    assert.strictEqual(d.skipped, undefined);
    assert.deepStrictEqual(d.facts.get('default'), fact({ kind: 'value', returnsPromise: true, promise: 'always', returns: 'AxiosResponse', valueType: 'AxiosStatic' }));
    assert.deepStrictEqual(d.facts.get('AxiosInstance()'), promised({ kind: 'call', returns: 'AxiosResponse' }));
    // R is a type parameter: it names no declared type.
    assert.deepStrictEqual(d.facts.get('AxiosInstance#get'), promised({ kind: 'method' }));
    assert.deepStrictEqual(d.facts.get('AxiosStatic#create'), fact({ kind: 'method', returns: 'AxiosInstance' }));
    assert.deepStrictEqual(d.facts.get('AxiosInstance#defaults'), fact({ kind: 'value', overloads: 0, valueType: 'AxiosRequestConfig' }));
  });

  it('finds `axios.get` through the default value’s type and what it extends', () => {
    assert.strictEqual(declaredFactOf(d, 'get'), d.facts.get('AxiosInstance#get'));
    assert.strictEqual(declaredFactOf(d, 'default.get'), d.facts.get('AxiosInstance#get'));
    assert.strictEqual(declaredFactOf(d, 'create'), d.facts.get('AxiosStatic#create'));
    assert.strictEqual(declaredFactOf(d, ''), d.facts.get('default'));
    assert.strictEqual(declaredFactOf(d, 'AxiosStatic#get'), d.facts.get('AxiosInstance#get'));
    assert.strictEqual(declaredFactOf(d, 'post'), null);
  });

  it('records the types, what they extend and whether they are thenable', () => {
    assert.deepStrictEqual(d.types.get('AxiosStatic'), { kind: 'interface', extends: ['AxiosInstance'], extendsPromise: false, thenable: false });
  });
});

describe('declarations: a pg-like module of classes with callback overloads', () => {
  const d = readDeclarations(PG_LIKE, 'pg.d.ts');

  it('reads classes as constructors of their own type', () => {
    assert.deepStrictEqual(d.facts.get('Pool'), fact({ kind: 'class', newable: true, returns: 'Pool', valueType: 'Pool' }));
    assert.deepStrictEqual(d.facts.get('Pool#connect'), promised({ kind: 'method', returns: 'PoolClient' }));
    assert.deepStrictEqual(d.facts.get('Pool.defaults'), fact({ kind: 'value', overloads: 0 }));
    assert.deepStrictEqual(d.facts.get('Pool#totalCount'), fact({ kind: 'value', overloads: 0 }));
  });

  it('reads a promise overload beside a callback overload as sometimes a promise, callback style', () => {
    const both = { kind: 'method' as const, returnsPromise: true, promise: 'some' as const, callbackStyle: true, overloads: 2 };
    assert.deepStrictEqual(d.facts.get('ClientBase#query'), fact({ ...both, returns: 'QueryResult' }));
    assert.deepStrictEqual(d.facts.get('ClientBase#connect'), fact(both));
  });

  it('finds inherited methods through classes and interfaces', () => {
    assert.strictEqual(declaredFactOf(d, 'PoolClient#query'), d.facts.get('ClientBase#query'));
    assert.strictEqual(declaredFactOf(d, 'Client#connect'), d.facts.get('ClientBase#connect'));
    assert.deepStrictEqual(d.types.get('Pool')?.extends, ['events.EventEmitter']);
    assert.deepStrictEqual(d.types.get('PoolClient')?.extends, ['ClientBase']);
  });
});

describe('declarations: a namespace merged with a function, `export =`', () => {
  const d = readDeclarations(P_LIMIT_LIKE, 'p-limit.d.ts');

  it('makes the function the default and the namespace members the module’s members', () => {
    assert.deepStrictEqual(d.facts.get('default'), fact({ returns: 'Limit' }));
    assert.deepStrictEqual(d.facts.get('of'), fact({ returns: 'Limit' }));
    assert.deepStrictEqual(d.facts.get('inner.deep'), promised());
    assert.deepStrictEqual(d.facts.get('inner'), fact({ kind: 'namespace', overloads: 0 }));
    assert.deepStrictEqual(d.facts.get('Limit()'), promised({ kind: 'call' }));
    assert.deepStrictEqual(d.facts.get('Limit#clearQueue'), fact({ kind: 'method' }));
    assert.strictEqual(d.facts.has('pLimit.Limit()'), false);
  });
});

describe('declarations: aliases, overloads, generics and defaults', () => {
  const d = readDeclarations(ALIASES_AND_OVERLOADS, 'misc.d.ts');

  it('sees promises through local aliases and interfaces that extend Promise', () => {
    assert.deepStrictEqual(d.facts.get('read'), promised({ returns: 'Buffer' }));
    assert.deepStrictEqual(d.facts.get('cancellable'), promised({ returns: 'CancelablePromise' }));
    assert.deepStrictEqual(d.types.get('CancelablePromise'), { kind: 'interface', extends: ['Promise'], extendsPromise: true, thenable: true });
    assert.deepStrictEqual(d.facts.get('later'), promised({ returns: 'Session' }));
  });

  it('tells a maybe-promise and a callback overload from an always-promise', () => {
    assert.deepStrictEqual(d.facts.get('maybe'), fact({ returnsPromise: true, promise: 'some' }));
    assert.deepStrictEqual(d.facts.get('load'), fact({ returnsPromise: true, promise: 'some', callbackStyle: true, overloads: 2 }));
    assert.deepStrictEqual(d.facts.get('compare'), d.facts.get('load'));
  });

  it('reads generics, constants of function type, async iterables and the default export', () => {
    assert.deepStrictEqual(d.facts.get('identity'), fact({}));
    assert.deepStrictEqual(d.facts.get('fetchAll'), promised({ kind: 'value', returns: 'Map' }));
    assert.deepStrictEqual(d.facts.get('stream'), fact({ asyncIterable: true }));
    assert.deepStrictEqual(d.facts.get('default'), promised());
    assert.strictEqual(d.facts.has('main'), false);
    assert.deepStrictEqual(d.facts.get('Session#close'), promised({ kind: 'method' }));
  });

  it('reads `async` functions of a source file as promises', () => {
    const source = readDeclarations('export async function load() { return 1; }\nexport function sync() { return 2; }', 'lib.ts');
    assert.deepStrictEqual(source.facts.get('load'), promised());
    assert.deepStrictEqual(source.facts.get('sync'), fact({}));
  });
});

describe('declarations: exports, ambient modules and globals', () => {
  it('keeps only what is exported, under its exported name', () => {
    const d = readDeclarations('declare function hidden(): Promise<void>;\ndeclare function shown(): Promise<void>;\nexport { shown as visible };', 'x.d.ts');
    assert.deepStrictEqual([...d.facts.keys()], ['visible']);
  });

  it('lists re-exports for the project resolver', () => {
    const d = readDeclarations("export * from './a';\nexport { b as c } from './b';\nexport * as ns from './n';", 'index.d.ts');
    assert.deepStrictEqual(d.reExports, [{ from: './a' }, { from: './b', names: [['b', 'c']] }, { from: './n', as: 'ns' }]);
  });

  it('reads `declare module` blocks as their own modules, merging node: spellings, and `declare global`', () => {
    const d = readDeclarations(`
      declare module 'fs-like' { export function readFile(p: string): Promise<string>; export function readFileSync(p: string): string; }
      declare module 'node:fs-like' { export * from 'fs-like'; }
      declare global { function cloneLike<T>(v: T): T; }
      export {};`, 'ambient.d.ts');
    assert.deepStrictEqual([...d.ambientModules.keys()], ['fs-like', 'globalThis']);
    const fsLike = d.ambientModules.get('fs-like')!;
    assert.deepStrictEqual(fsLike.facts.get('readFile'), promised());
    assert.deepStrictEqual(fsLike.facts.get('readFileSync'), fact({}));
    assert.deepStrictEqual(fsLike.reExports, []);
    assert.deepStrictEqual(d.ambientModules.get('globalThis')!.facts.get('cloneLike'), fact({}));
    assert.strictEqual(d.script, false);
  });

  it('treats a file without imports or exports as globals', () => {
    const d = readDeclarations('declare function sleep(ms: number): Promise<void>;\ndeclare var worker: { new (url: string): Thread };\ninterface Thread {}', 'globals.d.ts');
    assert.strictEqual(d.script, true);
    assert.deepStrictEqual(d.facts.get('sleep'), promised());
    assert.deepStrictEqual(d.facts.get('worker'), fact({ kind: 'value', newable: true, returns: 'Thread', overloads: 0 }));
  });
});

describe('declarations: bad and oversized input', () => {
  it('turns a syntax error into a reason, not an exception', () => {
    const d = readDeclarations('export declare function (: Promise<', 'broken.d.ts');
    assert.match(d.skipped ?? '', /^broken\.d\.ts could not be read: /);
    assert.strictEqual(d.facts.size, 0);
  });

  it('does not parse text over the size limit', () => {
    const d = readDeclarations(`export declare function f(): Promise<void>;${' '.repeat(200)}`, 'big.d.ts', { maxBytes: 100 });
    assert.strictEqual(d.skipped, 'big.d.ts is larger than 100 bytes; its declarations were not read');
    assert.strictEqual(d.facts.size, 0);
  });

  it('reads empty text as no declarations', () => {
    const d = readDeclarations('', 'empty.d.ts');
    assert.strictEqual(d.skipped, undefined);
    assert.strictEqual(d.facts.size, 0);
  });

  it('stops reading namespaces nested past the depth limit', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const text = `${names.map((n) => `export declare namespace ${n} {`).join(' ')} function deep(): Promise<void>; ${names.map(() => '}').join(' ')}`;
    const d = readDeclarations(text, 'deep.d.ts');
    assert.ok(d.facts.has('a.b.c.d.e.f'), 'six levels are read');
    assert.ok(!d.facts.has('a.b.c.d.e.f.g'), 'the seventh is not');
    assert.ok(![...d.facts.keys()].some((k) => k.endsWith('.deep')));
  });
});
