/**
 * Servers and message queues from npm: where handlers are registered (the code
 * they run is hot: it serves concurrent work) and where messages are sent.
 * Route registration takes the handler as its last argument; with a single
 * argument, express's `app.get('setting')` reads a setting and registers nothing.
 */
import { cheap, constructs, makes, registers, waits, type TableBuilder } from './build';

const ROUTES = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all', 'use'];

export function addServers(t: TableBuilder): void {
  addHttpFrameworks(t);
  addWebSockets(t);
  addQueues(t);
}

function addHttpFrameworks(t: TableBuilder): void {
  t.api('express', makes('express.Application'));
  t.api('express.Router', makes('express.Router'));
  t.api(['express.json', 'express.urlencoded', 'express.static', 'express.raw', 'express.text'], cheap());
  t.type('express.Router', {});
  t.methods('express.Router', [...ROUTES, 'param'], registers('last'));
  t.methods('express.Router', ['route'], makes('express.Route'));
  t.type('express.Route', {});
  t.methods('express.Route', ROUTES, registers('last'));
  t.type('express.Application', { extends: 'express.Router' });
  t.methods('express.Application', ['listen'], makes('http.Server'));
  t.methods('express.Application', ['set', 'enable', 'disable', 'engine'], cheap());

  t.api('fastify', makes('fastify.FastifyInstance'));
  t.type('fastify.FastifyInstance', {});
  t.methods('fastify.FastifyInstance', [...ROUTES.filter((r) => r !== 'use'), 'route', 'addHook', 'setErrorHandler', 'setNotFoundHandler'], registers('last'));
  // A plugin runs once while the server boots, not per request.
  t.methods('fastify.FastifyInstance', ['register'], cheap({ callback: { argument: 0, runs: 'task' } }));
  t.methods('fastify.FastifyInstance', ['listen', 'ready', 'close'], waits('network'));
  t.methods('fastify.FastifyInstance', ['decorate', 'decorateRequest', 'decorateReply', 'addSchema'], cheap());

  t.api('koa', constructs('koa.Koa'));
  t.type('koa.Koa', { extends: 'events.EventEmitter' });
  t.methods('koa.Koa', ['use'], registers(0));
  t.methods('koa.Koa', ['listen'], makes('http.Server'));
  t.methods('koa.Koa', ['callback'], cheap());
}

function addWebSockets(t: TableBuilder): void {
  t.api(['ws.WebSocketServer', 'ws.Server'], constructs('ws.WebSocketServer'));
  t.type('ws.WebSocketServer', { extends: 'events.EventEmitter' });
  t.methods('ws.WebSocketServer', ['close', 'handleUpgrade'], cheap());
  t.api(['ws', 'ws.WebSocket'], constructs('ws.WebSocket'));
  // One socket is one ordered stream of messages; send buffers and returns at once.
  t.type('ws.WebSocket', { extends: 'events.EventEmitter', ordered: true });
  t.methods('ws.WebSocket', ['send', 'ping', 'pong', 'close', 'terminate'], cheap({ ordered: true }));
}

function addQueues(t: TableBuilder): void {
  const queue = waits('queue');
  t.api('bullmq.Queue', constructs('bullmq.Queue'));
  t.type('bullmq.Queue', { extends: 'events.EventEmitter' });
  t.methods('bullmq.Queue', ['add', 'addBulk', 'getJob', 'getJobs', 'getJobCounts', 'pause', 'resume', 'close', 'drain', 'obliterate', 'clean', 'count'], queue);
  // new Worker(name, processor, options): the processor runs for each job (in this process unless it is a file path).
  t.api('bullmq.Worker', constructs('bullmq.Worker', { registersHandler: true, callback: { argument: 1, runs: 'on-event' } }));
  t.type('bullmq.Worker', { extends: 'events.EventEmitter' });
  t.methods('bullmq.Worker', ['close', 'pause', 'run', 'waitUntilReady'], queue);
  t.methods('bullmq.Worker', ['resume', 'isRunning', 'isPaused'], cheap());

  t.api('amqplib.connect', waits('queue', { instance: 'amqplib.Connection' }));
  t.type('amqplib.Connection', { extends: 'events.EventEmitter' });
  t.methods('amqplib.Connection', ['createChannel', 'createConfirmChannel'], waits('queue', { instance: 'amqplib.Channel' }));
  t.methods('amqplib.Connection', ['close'], queue);
  // A channel runs its operations one after another, in the order they were issued.
  t.type('amqplib.Channel', { extends: 'events.EventEmitter', ordered: true });
  t.methods('amqplib.Channel', [
    'assertQueue', 'assertExchange', 'bindQueue', 'unbindQueue', 'deleteQueue', 'purgeQueue', 'checkQueue', 'prefetch', 'close', 'get',
    'cancel', 'recover', 'waitForConfirms',
  ], waits('queue', { ordered: true }));
  t.methods('amqplib.Channel', ['consume'], waits('queue', { ordered: true, registersHandler: true, callback: { argument: 1, runs: 'on-event' } }));
  // publish and sendToQueue buffer the message and return a boolean.
  t.methods('amqplib.Channel', ['publish', 'sendToQueue', 'ack', 'nack', 'ackAll', 'nackAll', 'reject'], cheap({ ordered: true }));

  t.api('kafkajs.Kafka', constructs('kafkajs.Kafka'));
  t.type('kafkajs.Kafka', {});
  t.methods('kafkajs.Kafka', ['producer'], makes('kafkajs.Producer'));
  t.methods('kafkajs.Kafka', ['consumer'], makes('kafkajs.Consumer'));
  t.methods('kafkajs.Kafka', ['admin'], makes('kafkajs.Admin'));
  t.type('kafkajs.Producer', {});
  t.methods('kafkajs.Producer', ['connect', 'disconnect', 'send', 'sendBatch', 'transaction'], queue);
  t.methods('kafkajs.Producer', ['on'], registers(1));
  // The message handlers of consumer.run live in its options object (eachMessage, eachBatch).
  t.type('kafkajs.Consumer', {});
  t.methods('kafkajs.Consumer', ['connect', 'disconnect', 'subscribe', 'run', 'stop', 'commitOffsets'], queue);
  t.methods('kafkajs.Consumer', ['on'], registers(1));
  t.methods('kafkajs.Consumer', ['pause', 'resume', 'seek'], cheap());
  t.type('kafkajs.Admin', { methodDefault: queue });
  t.methods('kafkajs.Admin', ['on'], registers(1));
  t.methods('kafkajs.Admin', ['logger'], cheap());
}
