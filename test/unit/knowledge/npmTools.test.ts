/** Lookups of npm process runners, pools, limiters, hashers, image libraries, services, browsers and file tools. */
import * as assert from 'assert';
import { behaviourOf, instanceTypeOf } from '../../../src/core/knowledge';
import { builds, callsBackOn, cheapCall, completion, constructsInstance, expectBehaviours, handler, waitsOn } from './helpers';

const dispatch = { does: 'dispatch', wait: 'thread-pool', returnsPromise: true, cost: 12 } as const;
const offThread = (extra = {}) => waitsOn('thread-pool', { offThread: true, cost: 16, ...extra });
const heavyBlock = (alternative: string) => ({ does: 'block', returnsPromise: false, cost: 16, alternative }) as const;

describe('knowledge: process runners', () => {
  expectBehaviours({
    'execa.execa': { does: 'spawn', spawnsWhat: 'process', returnsPromise: true, cost: 2, wait: 'process', instance: 'execa.Subprocess' },
    'execa.execaSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'execa.execa', wait: 'process' },
    'zx.$': { does: 'spawn', spawnsWhat: 'process', returnsPromise: true, cost: 2, wait: 'process', instance: 'zx.ProcessPromise' },
    'zx.$.sync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'zx.$', wait: 'process' },
    'zx.ProcessPromise#quiet': builds('zx.ProcessPromise'),
    'cross-spawn': { does: 'spawn', spawnsWhat: 'process', returnsPromise: false, cost: 2, instance: 'child_process.ChildProcess' },
    'cross-spawn.sync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'cross-spawn', wait: 'process' },
  });

  it('treats an execa subprocess as an awaitable child process', () => {
    assert.deepStrictEqual(instanceTypeOf('execa.Subprocess'), { extends: 'child_process.ChildProcess', thenable: 'process' });
    assert.deepStrictEqual(behaviourOf('execa.Subprocess#kill'), cheapCall());
  });
});

describe('knowledge: pools and limiters', () => {
  expectBehaviours({
    piscina: {
      does: 'pool', returnsPromise: false, cost: 2, pool: { what: 'thread', sizeOptions: ['maxThreads'], defaultSize: 'cores*1.5' }, newable: true, instance: 'piscina.Piscina',
    },
    'piscina.Piscina#run': dispatch,
    'tinypool.Tinypool': {
      does: 'pool', returnsPromise: false, cost: 2, pool: { what: 'thread', sizeOptions: ['maxThreads'], defaultSize: 'cores' }, newable: true, instance: 'tinypool.Tinypool',
    },
    'workerpool.pool': { does: 'pool', returnsPromise: false, cost: 2, pool: { what: 'thread', sizeOptions: ['maxWorkers'], defaultSize: 'cores-1' }, instance: 'workerpool.Pool' },
    'workerpool.Pool#exec': dispatch,
    'threads.Pool': { does: 'pool', returnsPromise: false, cost: 2, pool: { what: 'thread', sizeOptions: ['size'], sizeArgument: 1, defaultSize: 'cores' }, instance: 'threads.Pool' },
    'threads.Pool#queue': { ...dispatch, callback: { argument: 0, runs: 'task' } },
    'threads.spawn': waitsOn('thread-pool', { cost: 2, instance: 'threads.ModuleThread' }),
    'threads.ModuleThread#hashPassword': dispatch,
    'poolifier.DynamicClusterPool': {
      does: 'pool', returnsPromise: false, cost: 2, pool: { what: 'process', sizeOptions: [], sizeArgument: 1, defaultSize: 'required' }, newable: true, instance: 'poolifier.Pool',
    },
    'poolifier.Pool#execute': dispatch,
    'comlink.Remote#resize': dispatch,
    'p-limit': { does: 'limiter', returnsPromise: false, limit: { sizeOptions: ['concurrency'], sizeArgument: 0, defaultSize: 'required' }, instance: 'p-limit.Limit' },
    'p-queue': { does: 'limiter', returnsPromise: false, limit: { sizeOptions: ['concurrency'], defaultSize: 'unbounded' }, newable: true, instance: 'p-queue.PQueue' },
    'p-queue.PQueue#add': { does: 'task', returnsPromise: true, callback: { argument: 0, runs: 'task' } },
    'p-map': { does: 'task', returnsPromise: true, callback: { argument: 1, runs: 'per-item' }, limit: { sizeOptions: ['concurrency'], defaultSize: 'unbounded' } },
    bottleneck: { does: 'limiter', returnsPromise: false, limit: { sizeOptions: ['maxConcurrent'], defaultSize: 'unbounded' }, newable: true, instance: 'bottleneck.Bottleneck' },
    'bottleneck.Bottleneck#schedule': { does: 'task', returnsPromise: true, callback: { argument: 0, runs: 'task' } },
    'async-sema.Sema': { does: 'limiter', returnsPromise: false, limit: { sizeOptions: [], sizeArgument: 0, defaultSize: 'required' }, newable: true, instance: 'async-sema.Sema' },
    'async-sema.Sema#acquire': waitsOn('lock'),
  });

  it('runs the function given to a p-limit limit as a task', () => {
    assert.deepStrictEqual(instanceTypeOf('p-limit.Limit')?.call, { does: 'task', returnsPromise: true, callback: { argument: 0, runs: 'task' } });
  });
});

describe('knowledge: hashers, images and compression', () => {
  expectBehaviours({
    'bcrypt.hash': offThread({ whenCallback: callsBackOn('thread-pool', { offThread: true, cost: 16 }) }),
    'bcrypt.hashSync': heavyBlock('bcrypt.hash'),
    'bcrypt.compareSync': heavyBlock('bcrypt.compare'),
    'bcrypt.genSaltSync': cheapCall(),
    'bcryptjs.hash': {
      does: 'compute', returnsPromise: true, cost: 16, chunked: true,
      whenCallback: { does: 'compute', returnsPromise: false, cost: 16, chunked: true, callbackStyle: true, callback: completion },
    },
    'bcryptjs.hashSync': heavyBlock('bcryptjs.hash'),
    'argon2.hash': offThread(),
    'argon2.verify': offThread(),
    '@node-rs/argon2.hashSync': heavyBlock('@node-rs/argon2.hash'),
    '@node-rs/bcrypt.verify': offThread(),
    sharp: builds('sharp.Sharp'),
    'sharp.Sharp#resize': builds('sharp.Sharp'),
    'sharp.Sharp#toBuffer': offThread({ whenCallback: callsBackOn('thread-pool', { offThread: true, cost: 16 }) }),
    'sharp.Sharp#pipe': cheapCall({ ordered: true }),
    '@napi-rs/image.Transformer#webp': offThread(),
    '@napi-rs/image.Transformer#webpSync': heavyBlock('@napi-rs/image.Transformer#webp'),
    '@napi-rs/canvas.Canvas#toBuffer': heavyBlock('@napi-rs/canvas.Canvas#encode'),
    'jimp.read': { does: 'compute', returnsPromise: true, cost: 16, instance: 'jimp.Jimp' },
    'jimp.Jimp#resize': { does: 'compute', returnsPromise: false, cost: 16, instance: 'jimp.Jimp' },
    'pako.deflate': { does: 'compute', returnsPromise: false, cost: 16 },
    'fflate.gzipSync': heavyBlock('fflate.gzip'),
  });
});

describe('knowledge: cloud, mail and browsers', () => {
  expectBehaviours({
    '@aws-sdk/client-s3.S3Client': constructsInstance('@smithy/smithy-client.Client'),
    '@aws-sdk/client-dynamodb.DynamoDBClient': constructsInstance('@smithy/smithy-client.Client'),
    '@aws-sdk/client-s3.GetObjectCommand': cheapCall({ newable: true }),
    '@aws-sdk/client-s3.paginateListObjectsV2': cheapCall({ asyncIterable: 'network' }),
    '@aws-sdk/client-s3.S3': null,
    '@smithy/smithy-client.Client#send': waitsOn('network', { stateless: true, whenCallback: callsBackOn('network', { stateless: true }) }),
    'nodemailer.createTransport': builds('nodemailer.Transporter'),
    'nodemailer.Transporter#sendMail': waitsOn('network', { whenCallback: callsBackOn('network') }),
    'puppeteer.launch': waitsOn('browser', { instance: 'puppeteer.Browser' }),
    'puppeteer.Browser#newPage': waitsOn('browser', { instance: 'puppeteer.Page' }),
    'puppeteer.Page#goto': waitsOn('browser', { ordered: true }),
    'puppeteer.Page#url': cheapCall(),
    'puppeteer.Page#keyboard.type': waitsOn('browser', { ordered: true }),
    'playwright.chromium.launch': waitsOn('browser', { instance: 'playwright.Browser' }),
    'playwright-core.chromium.launch': waitsOn('browser', { instance: 'playwright.Browser' }),
    'playwright.Page#getByRole': builds('playwright.Locator'),
    'playwright.Locator#click': waitsOn('browser', { ordered: true }),
    'playwright.Locator#first': builds('playwright.Locator'),
    'playwright.Page#route': waitsOn('browser', { registersHandler: true, callback: { argument: 1, runs: 'on-event' } }),
  });
});

describe('knowledge: fs-extra, globs and watchers', () => {
  expectBehaviours({
    'fs-extra.readJson': waitsOn('disk', { whenCallback: callsBackOn('disk') }),
    'fs-extra.readFile': waitsOn('disk', { whenCallback: callsBackOn('disk') }),
    'fs-extra.readJsonSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'fs-extra.readJson', wait: 'disk' },
    'fs-extra/esm.ensureDirSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'fs-extra.ensureDir', wait: 'disk' },
    'glob.glob': waitsOn('disk'),
    'glob.globSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'glob.glob', wait: 'disk' },
    'fast-glob': waitsOn('disk'),
    'fast-glob.sync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'fast-glob', wait: 'disk' },
    'globby.globbySync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'globby.globby', wait: 'disk' },
    'chokidar.watch': builds('chokidar.FSWatcher'),
    'chokidar.FSWatcher#on': handler(1),
    'chokidar.FSWatcher#close': waitsOn('disk'),
  });
});

describe('knowledge: servers and message queues', () => {
  expectBehaviours({
    express: builds('express.Application'),
    'express.Application#get': handler('last'),
    'express.Router#use': handler('last'),
    'express.Application#listen': builds('http.Server'),
    'fastify.FastifyInstance#post': handler('last'),
    'fastify.FastifyInstance#register': cheapCall({ callback: { argument: 0, runs: 'task' } }),
    'koa.Koa#use': handler(0),
    'ws.WebSocket#send': cheapCall({ ordered: true }),
    'ws.WebSocketServer#on': handler(1),
    'bullmq.Queue#add': waitsOn('queue'),
    'bullmq.Worker': constructsInstance('bullmq.Worker', { registersHandler: true, callback: { argument: 1, runs: 'on-event' } }),
    'amqplib.connect': waitsOn('queue', { instance: 'amqplib.Connection' }),
    'amqplib.Channel#consume': waitsOn('queue', { ordered: true, registersHandler: true, callback: { argument: 1, runs: 'on-event' } }),
    'amqplib.Channel#sendToQueue': cheapCall({ ordered: true }),
    'kafkajs.Producer#send': waitsOn('queue'),
    'kafkajs.Admin#createTopics': waitsOn('queue'),
    'kafkajs.Admin#on': handler(1),
  });
});
