/** The table and declaration files together: the table wins, declarations fill in what it lacks. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { behaviourOf, instanceTypeOf, readDeclarations, withDeclarations } from '../../../src/core/knowledge';

const declarationSource = 'declaration' as const;

const SDK = `
export interface Session { close(): Promise<void>; readonly id: string }
export declare class Client {
  constructor(url: string);
  connect(): Promise<Session>;
  ping(callback: (err: Error | null) => void): void;
  version(): string;
  events(): AsyncIterable<string>;
  readonly endpoint: string;
}
export declare function open(url: string): Promise<Client>;
export declare function parse(text: string): object;
export declare namespace util { function wait(ms: number): Promise<void> }
`;

const PG_OVERRIDE = `
export declare class Pool {
  query(text: string): Promise<unknown>;
  totalCount(): number;
  drain(): Promise<void>;
}
`;

describe('knowledge with declarations: filling in unknown packages', () => {
  const lookup = withDeclarations([{ module: 'some-sdk', declarations: readDeclarations(SDK, 'index.d.ts') }]);

  it('turns a promise-returning declaration into a wait on something unknown, with its instance type', () => {
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.open'), { does: 'wait', wait: 'unknown', returnsPromise: true, source: declarationSource, instance: 'some-sdk.Client' });
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.Client#connect'), { does: 'wait', wait: 'unknown', returnsPromise: true, source: declarationSource, instance: 'some-sdk.Session' });
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.Session#close'), { does: 'wait', wait: 'unknown', returnsPromise: true, source: declarationSource });
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.util.wait'), { does: 'wait', wait: 'unknown', returnsPromise: true, source: declarationSource });
  });

  it('reads classes, callbacks, async iterables and plain synchronous functions', () => {
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.Client'), { does: 'sync', returnsPromise: false, newable: true, source: declarationSource, instance: 'some-sdk.Client' });
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.Client#ping'), {
      does: 'wait', wait: 'unknown', returnsPromise: false, callbackStyle: true, callback: { argument: 'last', runs: 'on-completion' }, source: declarationSource,
    });
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.Client#events'), { does: 'sync', returnsPromise: false, asyncIterable: 'unknown', source: declarationSource });
    // Synchronous, cost unknown: not claimed to be cheap.
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.Client#version'), { does: 'unknown', returnsPromise: false, source: declarationSource });
    assert.deepStrictEqual(lookup.behaviourOf('some-sdk.parse'), { does: 'unknown', returnsPromise: false, source: declarationSource });
  });

  it('says nothing about properties, namespaces or names it does not declare', () => {
    assert.strictEqual(lookup.behaviourOf('some-sdk.Client#endpoint'), null);
    assert.strictEqual(lookup.behaviourOf('some-sdk.util'), null);
    assert.strictEqual(lookup.behaviourOf('some-sdk.missing'), null);
    assert.strictEqual(lookup.behaviourOf('other-sdk.open'), null);
  });

  it('describes declared types as instance types', () => {
    assert.deepStrictEqual(lookup.instanceTypeOf('some-sdk.Client'), {});
    assert.strictEqual(lookup.instanceTypeOf('some-sdk.Nothing'), null);
  });

  it('hands out frozen answers, the same object each time', () => {
    const first = lookup.behaviourOf('some-sdk.open');
    assert.ok(Object.isFrozen(first));
    assert.strictEqual(lookup.behaviourOf('some-sdk.open'), first);
  });
});

describe('knowledge with declarations: the table wins', () => {
  const lookup = withDeclarations([{ module: 'pg', declarations: readDeclarations(PG_OVERRIDE, 'index.d.ts') }]);

  it('keeps the table’s answer where it has one', () => {
    assert.strictEqual(lookup.behaviourOf('pg.Pool#query'), behaviourOf('pg.Pool#query'));
    assert.strictEqual(lookup.behaviourOf('pg.Pool'), behaviourOf('pg.Pool'));
    assert.strictEqual(lookup.instanceTypeOf('pg.Pool'), instanceTypeOf('pg.Pool'));
    assert.deepStrictEqual(lookup.instanceTypeOf('pg.Pool'), { extends: 'events.EventEmitter' });
  });

  it('uses the declarations for methods the table does not list', () => {
    assert.strictEqual(behaviourOf('pg.Pool#drain'), null);
    assert.deepStrictEqual(lookup.behaviourOf('pg.Pool#drain'), { does: 'wait', wait: 'unknown', returnsPromise: true, source: declarationSource });
    assert.deepStrictEqual(lookup.behaviourOf('pg.Pool#totalCount'), { does: 'unknown', returnsPromise: false, source: declarationSource });
  });
});

describe('knowledge with declarations: real files', () => {
  it('answers fs/promises through @types/node’s ambient module, keeping the table’s answers', () => {
    const file = path.resolve(__dirname, '../../../../node_modules/@types/node/fs/promises.d.ts');
    const lookup = withDeclarations([{ module: 'fs/promises', declarations: readDeclarations(fs.readFileSync(file, 'utf8'), 'promises.d.ts') }]);
    assert.strictEqual(lookup.behaviourOf('fs/promises.readFile'), behaviourOf('fs/promises.readFile'));
    assert.strictEqual(lookup.behaviourOf('fs/promises.FileHandle#readLines'), behaviourOf('fs/promises.FileHandle#readLines'));
    // readableWebStream is not in the table: the declaration says it is synchronous.
    assert.deepStrictEqual(lookup.behaviourOf('fs/promises.FileHandle#readableWebStream'), { does: 'unknown', returnsPromise: false, source: declarationSource });
  });

  it('answers a package with `export =` through its default value', () => {
    const file = path.resolve(__dirname, '../../../../node_modules/p-limit/index.d.ts');
    const lookup = withDeclarations([{ module: 'limit-like', declarations: readDeclarations(fs.readFileSync(file, 'utf8'), 'index.d.ts') }]);
    assert.deepStrictEqual(lookup.behaviourOf('limit-like'), { does: 'unknown', returnsPromise: false, source: declarationSource, instance: 'limit-like.Limit' });
    assert.deepStrictEqual(lookup.behaviourOf('limit-like.Limit#clearQueue'), { does: 'unknown', returnsPromise: false, source: declarationSource });
  });
});
