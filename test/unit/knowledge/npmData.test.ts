/** Lookups of npm HTTP clients, databases, ORMs and caches, with every field of the answer. */
import * as assert from 'assert';
import { behaviourOf, instanceTypeOf } from '../../../src/core/knowledge';
import { builds, callsBackOn, cheapCall, constructsInstance, expectBehaviours, handler, waitsOn } from './helpers';

const request = waitsOn('network', { stateless: true });
const query = waitsOn('database', { whenCallback: callsBackOn('database') });

describe('knowledge: HTTP clients and SDKs', () => {
  expectBehaviours({
    axios: request,
    'axios.get': request,
    'axios.create': builds('axios.AxiosInstance'),
    'axios.AxiosInstance#post': request,
    'axios.AxiosInstance#interceptors.request.use': handler(0),
    'got.post': waitsOn('network', { stateless: true, instance: 'got.ResponsePromise' }),
    'got.ResponsePromise#json': waitsOn('network'),
    'node-fetch': waitsOn('network', { stateless: true, instance: 'Response' }),
    'cross-fetch': waitsOn('network', { stateless: true, instance: 'Response' }),
    'undici.fetch': waitsOn('network', { stateless: true, instance: 'Response' }),
    'undici.request': waitsOn('network', { stateless: true, instance: 'undici.ResponseData', whenCallback: callsBackOn('network', { stateless: true }) }),
    'undici.ResponseData#body.json': waitsOn('network'),
    'undici.Pool#request': waitsOn('network', { stateless: true, instance: 'undici.ResponseData', whenCallback: callsBackOn('network', { stateless: true }) }),
    'ky.get': waitsOn('network', { stateless: true, instance: 'ky.ResponsePromise' }),
    'superagent.get': builds('superagent.Request'),
    'superagent.Request#set': builds('superagent.Request'),
    'superagent.Request#end': callsBackOn('network'),
    'openai.OpenAI#chat.completions.create': request,
    'openai.OpenAI#chat.completions.stream': null,
    '@octokit/rest.Octokit#rest.repos.get': request,
    '@octokit/rest.Octokit#log.info': null,
  });

  it('makes an axios instance callable and stateless', () => {
    assert.deepStrictEqual(instanceTypeOf('axios.AxiosInstance')?.call, request);
    assert.strictEqual(instanceTypeOf('axios.AxiosInstance')?.stateless, true);
  });

  it('describes a superagent request as a lazy thenable builder', () => {
    assert.deepStrictEqual(instanceTypeOf('superagent.Request'), { thenable: 'network', lazy: true, otherMethods: 'same', stateless: true });
  });
});

describe('knowledge: SQL drivers', () => {
  expectBehaviours({
    'pg.Pool': constructsInstance('pg.Pool'),
    'pg.Pool#query': query,
    'pg.Pool#connect': waitsOn('database', { instance: 'pg.PoolClient', whenCallback: callsBackOn('database', { instance: 'pg.PoolClient' }) }),
    // A checked-out client is one connection: its queries keep their order (inherited from pg.Client).
    'pg.PoolClient#query': waitsOn('database', { ordered: true, whenCallback: callsBackOn('database', { ordered: true }) }),
    'pg.PoolClient#release': cheapCall(),
    'pg.Pool#on': handler(1),
    'pg.Pool#notAMethod': null,
    'mysql2/promise.createConnection': waitsOn('database', { instance: 'mysql2/promise.Connection' }),
    'mysql2/promise.Pool#getConnection': waitsOn('database', { instance: 'mysql2/promise.PoolConnection' }),
    'mysql2/promise.PoolConnection#query': waitsOn('database', { ordered: true }),
    'mysql2.Connection#query': callsBackOn('database', { ordered: true }),
    'mysql2.Pool#query': callsBackOn('database'),
    'better-sqlite3': constructsInstance('better-sqlite3.Database'),
    'better-sqlite3.Database#prepare': builds('better-sqlite3.Statement'),
    'better-sqlite3.Statement#all': {
      does: 'block', returnsPromise: false, cost: 12, wait: 'database',
      noAlternative: 'better-sqlite3 is synchronous by design; keep its queries short, or run heavy ones in a worker thread',
    },
    'sqlite3.Database#all': callsBackOn('database'),
  });

  it('marks a pg Client as ordered and a Pool as not', () => {
    assert.strictEqual(instanceTypeOf('pg.Client')?.ordered, true);
    assert.strictEqual(instanceTypeOf('pg.Pool')?.ordered, undefined);
    assert.strictEqual(instanceTypeOf('pg.PoolClient')?.extends, 'pg.Client');
  });
});

describe('knowledge: ORMs and query builders', () => {
  expectBehaviours({
    knex: builds('knex.Knex'),
    'knex.Knex#select': builds('knex.QueryBuilder'),
    'knex.QueryBuilder#where': builds('knex.QueryBuilder'),
    'knex.Knex#transaction': waitsOn('database', { instance: 'knex.Transaction', callback: { argument: 0, runs: 'task', receives: 'knex.Transaction' } }),
    'knex.Transaction#commit': waitsOn('database', { ordered: true }),
    'knex.Knex#schema.createTable': builds('knex.SchemaBuilder'),
    '@prisma/client.PrismaClient': constructsInstance('@prisma/client.PrismaClient'),
    '@prisma/client.PrismaClient#user.findMany': waitsOn('database', { lazy: true }),
    '@prisma/client.PrismaClient#$transaction': waitsOn('database', { callback: { argument: 0, runs: 'task', receives: '@prisma/client.TransactionClient' } }),
    '@prisma/client.TransactionClient#post.create': waitsOn('database', { lazy: true, ordered: true }),
    'sequelize.Model': constructsInstance('sequelize.Model', { statics: 'sequelize.ModelStatic' }),
    'sequelize.ModelStatic#findAll': waitsOn('database'),
    'sequelize.Model#save': waitsOn('database'),
    'typeorm.DataSource#getRepository': builds('typeorm.Repository'),
    'typeorm.Repository#findOneBy': waitsOn('database'),
    'typeorm.Repository#create': cheapCall(),
    'typeorm.QueryRunner#query': waitsOn('database', { ordered: true }),
    'typeorm.QueryRunner#manager.save': waitsOn('database', { ordered: true }),
    'mongoose.model': builds('mongoose.Model'),
    'mongoose.Model#find': builds('mongoose.Query'),
    'mongoose.Query#sort': builds('mongoose.Query'),
    'mongoose.Query#exec': waitsOn('database'),
    'mongoose.Model#create': waitsOn('database'),
    'mongodb.MongoClient#db': builds('mongodb.Db'),
    'mongodb.Db#collection': builds('mongodb.Collection'),
    'mongodb.Collection#findOne': waitsOn('database'),
    'mongodb.Collection#find': builds('mongodb.Cursor'),
    'mongodb.Cursor#toArray': waitsOn('database'),
  });

  it('describes knex and mongoose queries as lazy thenables, and knex transactions as ordered', () => {
    assert.deepStrictEqual(instanceTypeOf('knex.QueryBuilder'), { thenable: 'database', lazy: true, otherMethods: 'same' });
    assert.deepStrictEqual(instanceTypeOf('mongoose.Query'), { thenable: 'database', lazy: true, otherMethods: 'same' });
    assert.deepStrictEqual(instanceTypeOf('knex.TransactionQueryBuilder'), { thenable: 'database', lazy: true, otherMethods: 'same', ordered: true });
    assert.deepStrictEqual(instanceTypeOf('knex.Transaction')?.call, builds('knex.TransactionQueryBuilder'));
    assert.deepStrictEqual(instanceTypeOf('mongodb.Cursor'), { asyncIterable: 'database' });
  });
});

describe('knowledge: Redis', () => {
  expectBehaviours({
    ioredis: constructsInstance('ioredis.Redis'),
    'ioredis.Redis#get': waitsOn('cache', { stateless: true }),
    // Not listed one by one: every command of the client is the same kind of call.
    'ioredis.Redis#hincrby': waitsOn('cache', { stateless: true }),
    'ioredis.Redis#on': handler(1),
    'ioredis.Redis#disconnect': cheapCall(),
    'ioredis.Redis#multi': builds('ioredis.Pipeline'),
    'ioredis.Pipeline#set': builds('ioredis.Pipeline'),
    'ioredis.Pipeline#exec': waitsOn('cache', { ordered: true }),
    'redis.createClient': builds('redis.RedisClient'),
    '@redis/client.createClient': builds('redis.RedisClient'),
    'redis.RedisClient#hGet': waitsOn('cache', { stateless: true }),
    'redis.RedisClient#connect': waitsOn('cache'),
  });

  it('lets independent commands on one connection overlap, but keeps MULTI in order', () => {
    assert.strictEqual(instanceTypeOf('ioredis.Redis')?.stateless, true);
    assert.strictEqual(instanceTypeOf('ioredis.Redis')?.ordered, undefined);
    assert.strictEqual(instanceTypeOf('redis.Multi')?.ordered, true);
    assert.strictEqual(behaviourOf('redis.Multi#exec')?.ordered, true);
  });
});
