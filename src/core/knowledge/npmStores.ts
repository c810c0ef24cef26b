/**
 * Document stores and caches: mongodb, mongoose, node-redis and ioredis.
 *
 * Redis and ordering: one connection executes commands in the order they were
 * sent, and the client sends a command without waiting for the previous reply
 * (pipelining). Overlapping independent commands on one client is therefore
 * safe and saves round trips, and a read sent after a write on the same
 * connection still sees it, so the clients are `stateless` rather than
 * `ordered`. MULTI and pipeline objects are different: they queue commands and
 * run them together on `exec`, in order, so those are `ordered`.
 */
import type { Behaviour } from './behaviour';
import { cheap, constructs, makes, registers, waits, type TableBuilder } from './build';

const COLLECTION_QUERIES = [
  'findOne', 'insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'countDocuments',
  'estimatedDocumentCount', 'distinct', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'bulkWrite', 'createIndex',
  'createIndexes', 'dropIndex', 'dropIndexes', 'drop', 'indexes', 'indexExists', 'rename', 'options', 'isCapped',
];
const CURSOR_RESULTS = ['toArray', 'next', 'tryNext', 'hasNext', 'forEach', 'close', 'explain'];
const CURSOR_STEPS = ['sort', 'limit', 'skip', 'project', 'filter', 'batchSize', 'hint', 'collation', 'maxTimeMS', 'map', 'match', 'group', 'unwind', 'lookup', 'addFields', 'comment'];
/** Mongoose Model statics that build a Query (a lazy thenable). */
const MONGOOSE_QUERIES = [
  'find', 'findOne', 'findById', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findByIdAndUpdate', 'findByIdAndDelete',
  'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'countDocuments', 'estimatedDocumentCount', 'distinct', 'exists', 'where',
];
/** Mongoose Model statics that return a real promise. */
const MONGOOSE_PROMISES = ['create', 'insertMany', 'bulkWrite', 'bulkSave', 'syncIndexes', 'createIndexes', 'ensureIndexes', 'init', 'populate', 'createCollection', 'listIndexes', 'cleanIndexes'];
const EMITTER_CHEAP = ['off', 'removeListener', 'removeAllListeners', 'emit'];

export function addStores(t: TableBuilder): void {
  addMongodb(t);
  addMongoose(t);
  addRedis(t);
}

function addMongodb(t: TableBuilder): void {
  t.api('mongodb.MongoClient', constructs('mongodb.MongoClient'));
  t.api('mongodb.MongoClient.connect', waits('database', { instance: 'mongodb.MongoClient' }));
  t.type('mongodb.MongoClient', { extends: 'events.EventEmitter' });
  t.methods('mongodb.MongoClient', ['connect'], waits('database', { instance: 'mongodb.MongoClient' }));
  t.methods('mongodb.MongoClient', ['close'], waits('database'));
  t.methods('mongodb.MongoClient', ['db'], makes('mongodb.Db'));
  t.methods('mongodb.MongoClient', ['startSession'], makes('mongodb.ClientSession'));
  t.methods('mongodb.MongoClient', ['withSession'], waits('database', { callback: { argument: 'last', runs: 'task', receives: 'mongodb.ClientSession' } }));
  t.methods('mongodb.MongoClient', ['watch'], makes('mongodb.ChangeStream'));
  t.type('mongodb.Db', {});
  t.methods('mongodb.Db', ['collection'], makes('mongodb.Collection'));
  t.methods('mongodb.Db', ['command', 'createCollection', 'dropCollection', 'dropDatabase', 'stats', 'renameCollection', 'collections', 'createIndex'], waits('database'));
  t.methods('mongodb.Db', ['listCollections', 'aggregate'], makes('mongodb.Cursor'));
  t.methods('mongodb.Db', ['watch'], makes('mongodb.ChangeStream'));
  t.type('mongodb.Collection', {});
  t.methods('mongodb.Collection', COLLECTION_QUERIES, waits('database'));
  // find and aggregate return a cursor at once; the query runs when the cursor is read.
  t.methods('mongodb.Collection', ['find', 'aggregate', 'listIndexes', 'listSearchIndexes'], makes('mongodb.Cursor'));
  t.methods('mongodb.Collection', ['watch'], makes('mongodb.ChangeStream'));
  t.methods('mongodb.Collection', ['initializeOrderedBulkOp', 'initializeUnorderedBulkOp'], makes('mongodb.BulkOperation'));
  t.type('mongodb.Cursor', { asyncIterable: 'database' });
  t.methods('mongodb.Cursor', CURSOR_RESULTS, waits('database'));
  t.methods('mongodb.Cursor', CURSOR_STEPS, makes('mongodb.Cursor'));
  t.methods('mongodb.Cursor', ['stream'], makes('stream.Readable'));
  t.type('mongodb.ChangeStream', { extends: 'events.EventEmitter', asyncIterable: 'database' });
  t.methods('mongodb.ChangeStream', ['next', 'tryNext', 'hasNext', 'close'], waits('database'));
  t.type('mongodb.BulkOperation', { ordered: true });
  t.methods('mongodb.BulkOperation', ['insert', 'find'], cheap());
  t.methods('mongodb.BulkOperation', ['execute'], waits('database'));
  // A session carries causal consistency and transactions: its operations are ordered.
  t.type('mongodb.ClientSession', { extends: 'events.EventEmitter', ordered: true });
  t.methods('mongodb.ClientSession', ['withTransaction'], waits('database', { ordered: true, callback: { argument: 0, runs: 'task', receives: 'mongodb.ClientSession' } }));
  t.methods('mongodb.ClientSession', ['commitTransaction', 'abortTransaction', 'endSession'], waits('database', { ordered: true }));
  t.methods('mongodb.ClientSession', ['startTransaction', 'inTransaction'], cheap());
}

function addMongoose(t: TableBuilder): void {
  const query = makes('mongoose.Query');
  t.api('mongoose.connect', waits('database', { instance: 'mongoose.Mongoose' }));
  t.api('mongoose.createConnection', makes('mongoose.Connection'));
  t.api('mongoose.disconnect', waits('database'));
  t.api('mongoose.startSession', waits('database', { instance: 'mongodb.ClientSession' }));
  t.api('mongoose.model', makes('mongoose.Model'));
  t.api('mongoose.Schema', constructs('mongoose.Schema'));
  t.type('mongoose.Mongoose', {});
  t.type('mongoose.Connection', { extends: 'events.EventEmitter' });
  t.methods('mongoose.Connection', ['asPromise', 'close', 'dropDatabase', 'createCollection', 'dropCollection', 'syncIndexes'], waits('database'));
  t.methods('mongoose.Connection', ['model'], makes('mongoose.Model'));
  t.methods('mongoose.Connection', ['startSession'], waits('database', { instance: 'mongodb.ClientSession' }));
  t.methods('mongoose.Connection', ['transaction'], waits('database', { callback: { argument: 0, runs: 'task', receives: 'mongodb.ClientSession' } }));
  t.type('mongoose.Schema', {});
  t.methods('mongoose.Schema', ['pre', 'post'], registers('last'));
  t.methods('mongoose.Schema', ['add', 'index', 'method', 'static', 'virtual', 'plugin', 'set', 'loadClass'], cheap());
  // The value `mongoose.model()` returns: a class whose statics run queries.
  t.type('mongoose.Model', {});
  t.methods('mongoose.Model', MONGOOSE_QUERIES, query);
  t.methods('mongoose.Model', MONGOOSE_PROMISES, waits('database'));
  t.methods('mongoose.Model', ['aggregate'], makes('mongoose.Aggregate'));
  t.methods('mongoose.Model', ['watch'], makes('mongodb.ChangeStream'));
  t.methods('mongoose.Model', ['hydrate'], makes('mongoose.Document'));
  t.type('mongoose.Query', { thenable: 'database', lazy: true, otherMethods: 'same' });
  t.methods('mongoose.Query', ['exec'], waits('database'));
  t.methods('mongoose.Query', ['cursor'], makes('mongodb.Cursor'));
  t.methods('mongoose.Query', ['getFilter', 'getOptions', 'getQuery', 'getUpdate'], cheap());
  t.type('mongoose.Aggregate', { thenable: 'database', lazy: true, otherMethods: 'same' });
  t.methods('mongoose.Aggregate', ['exec'], waits('database'));
  t.methods('mongoose.Aggregate', ['cursor'], makes('mongodb.Cursor'));
  t.type('mongoose.Document', {});
  t.methods('mongoose.Document', ['save', 'validate', 'populate'], waits('database'));
  t.methods('mongoose.Document', ['updateOne', 'replaceOne', 'deleteOne'], query);
  t.methods('mongoose.Document', ['toObject', 'toJSON', 'get', 'set', 'isModified', 'markModified', 'validateSync', 'depopulate'], cheap());
}

function addRedis(t: TableBuilder): void {
  const command: Behaviour = waits('cache', { stateless: true });
  const clients = [
    { type: 'ioredis.Redis', multi: 'ioredis.Pipeline' },
    { type: 'redis.RedisClient', multi: 'redis.Multi' },
  ];
  t.api(['ioredis', 'ioredis.Redis'], constructs('ioredis.Redis'));
  t.api('ioredis.Cluster', constructs('ioredis.Redis'));
  t.api(['redis.createClient', 'redis.createCluster'], makes('redis.RedisClient'));
  for (const { type, multi } of clients) {
    // Every method not listed below sends one command (get, set, hGet, hset, zadd, ...).
    t.type(type, { extends: 'events.EventEmitter', stateless: true, methodDefault: command });
    t.methods(type, ['multi', 'pipeline'], makes(multi));
    t.methods(type, ['duplicate'], makes(type));
    t.methods(type, ['on', 'once', 'addListener', 'prependListener'], registers(1));
    t.methods(type, EMITTER_CHEAP, cheap());
    t.methods(type, ['connect', 'quit', 'close', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'], waits('cache'));
    t.type(multi, { ordered: true, otherMethods: 'same' });
    t.methods(multi, ['exec', 'execAsPipeline'], waits('cache', { ordered: true }));
    t.methods(multi, ['discard'], cheap());
  }
  // ioredis disconnects at once; node-redis 4's disconnect returns a promise, node-redis 5's destroy does not.
  t.methods('ioredis.Redis', ['disconnect'], cheap());
  t.methods('redis.RedisClient', ['disconnect'], waits('cache'));
  t.methods('redis.RedisClient', ['destroy'], cheap());
}
