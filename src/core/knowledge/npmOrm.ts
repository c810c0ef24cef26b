/**
 * Query builders and ORMs. Builders (knex) are lazy thenables: nothing is sent
 * until they are awaited. Anything reached through a transaction (a knex `trx`,
 * a Prisma interactive `tx`, a Sequelize transaction, a TypeORM query runner or
 * transactional entity manager) is `ordered`: its queries share one connection
 * and their order is part of the meaning.
 */
import type { Behaviour } from './behaviour';
import { cheap, constructs, makes, registers, waits, type TableBuilder } from './build';

/** Starting points of a knex query: each returns a fresh builder. */
const KNEX_STARTERS = [
  'select', 'insert', 'update', 'del', 'delete', 'where', 'whereIn', 'from', 'table', 'into', 'queryBuilder', 'first', 'pluck',
  'count', 'max', 'min', 'sum', 'avg', 'with', 'join', 'distinct', 'orderBy', 'raw', 'truncate', 'upsert', 'returning',
];
const SEQUELIZE_MODEL_QUERIES = [
  'findAll', 'findOne', 'findByPk', 'findOrCreate', 'findAndCountAll', 'findCreateFind', 'create', 'bulkCreate', 'update', 'destroy',
  'restore', 'count', 'max', 'min', 'sum', 'upsert', 'increment', 'decrement', 'truncate', 'aggregate', 'drop', 'sync', 'describe',
];
const TYPEORM_QUERIES = [
  'find', 'findOne', 'findBy', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'count', 'countBy',
  'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'recover', 'query', 'increment',
  'decrement', 'exists', 'existsBy', 'sum', 'average', 'minimum', 'maximum', 'clear', 'preload',
];
const TYPEORM_BUILDER_RESULTS = ['getMany', 'getOne', 'getOneOrFail', 'getRawMany', 'getRawOne', 'getManyAndCount', 'getRawAndEntities', 'getCount', 'getExists', 'execute', 'stream'];
const PRISMA_DELEGATE_METHODS = [
  'findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'create', 'createMany', 'createManyAndReturn',
  'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
];

export function addOrms(t: TableBuilder): void {
  addKnex(t);
  addSequelize(t);
  addTypeorm(t);
  addPrisma(t);
}

function addKnex(t: TableBuilder): void {
  t.api(['knex', 'knex.knex'], makes('knex.Knex'));
  const transaction: Behaviour = waits('database', {
    instance: 'knex.Transaction', callback: { argument: 0, runs: 'task', receives: 'knex.Transaction' },
  });
  t.type('knex.Knex', {
    call: makes('knex.QueryBuilder'),
    properties: { schema: 'knex.SchemaBuilder', migrate: 'knex.Migrator', seed: 'knex.Seeder' },
  });
  t.methods('knex.Knex', KNEX_STARTERS, makes('knex.QueryBuilder'));
  t.methods('knex.Knex', ['transaction'], transaction);
  t.methods('knex.Knex', ['destroy'], waits('database'));
  t.methods('knex.Knex', ['transactionProvider', 'ref', 'initialize'], cheap());
  t.type('knex.QueryBuilder', { thenable: 'database', lazy: true, otherMethods: 'same' });
  // `.transacting(trx)` moves the query into the transaction.
  t.methods('knex.QueryBuilder', ['transacting'], makes('knex.TransactionQueryBuilder'));
  t.methods('knex.QueryBuilder', ['toString', 'toSQL', 'toQuery'], cheap());
  t.methods('knex.QueryBuilder', ['stream'], makes('stream.Readable'));
  t.type('knex.Transaction', { call: makes('knex.TransactionQueryBuilder'), ordered: true });
  t.methods('knex.Transaction', KNEX_STARTERS, makes('knex.TransactionQueryBuilder'));
  t.methods('knex.Transaction', ['commit', 'rollback'], waits('database', { ordered: true }));
  t.methods('knex.Transaction', ['transaction'], transaction);
  t.methods('knex.Transaction', ['isCompleted'], cheap());
  t.type('knex.TransactionQueryBuilder', { thenable: 'database', lazy: true, otherMethods: 'same', ordered: true });
  t.methods('knex.TransactionQueryBuilder', ['toString', 'toSQL', 'toQuery'], cheap());
  t.type('knex.SchemaBuilder', { thenable: 'database', lazy: true, otherMethods: 'same' });
  t.type('knex.Migrator', {});
  t.methods('knex.Migrator', ['latest', 'rollback', 'up', 'down', 'list', 'currentVersion', 'status', 'forceFreeMigrationsLock'], waits('database'));
  t.methods('knex.Migrator', ['make'], waits('disk'));
  t.type('knex.Seeder', {});
  t.methods('knex.Seeder', ['run'], waits('database'));
  t.methods('knex.Seeder', ['make'], waits('disk'));
}

function addSequelize(t: TableBuilder): void {
  t.api(['sequelize', 'sequelize.Sequelize'], constructs('sequelize.Sequelize'));
  // Models are classes users extend: `class User extends Model {}`, then `User.findAll()`.
  t.api('sequelize.Model', constructs('sequelize.Model', { statics: 'sequelize.ModelStatic' }));
  t.type('sequelize.Sequelize', {});
  t.methods('sequelize.Sequelize', ['query', 'authenticate', 'sync', 'close', 'drop', 'truncate'], waits('database'));
  // sequelize.transaction(options?, callback?): managed with a callback, otherwise resolves to the transaction.
  t.methods('sequelize.Sequelize', ['transaction'], waits('database', {
    instance: 'sequelize.Transaction', callback: { argument: 'last', runs: 'task', receives: 'sequelize.Transaction' },
  }));
  t.methods('sequelize.Sequelize', ['define', 'model'], makes('sequelize.ModelStatic'));
  t.methods('sequelize.Sequelize', ['getQueryInterface'], makes('sequelize.QueryInterface'));
  t.methods('sequelize.Sequelize', ['literal', 'fn', 'col', 'where', 'cast', 'isDefined'], cheap());
  t.type('sequelize.ModelStatic', {});
  t.methods('sequelize.ModelStatic', SEQUELIZE_MODEL_QUERIES, waits('database'));
  t.methods('sequelize.ModelStatic', ['build'], makes('sequelize.Model'));
  t.methods('sequelize.ModelStatic', ['scope', 'unscoped', 'schema'], makes('sequelize.ModelStatic'));
  t.methods('sequelize.ModelStatic', ['init', 'hasMany', 'hasOne', 'belongsTo', 'belongsToMany', 'addScope', 'getTableName', 'removeAttribute'], cheap());
  t.methods('sequelize.ModelStatic', ['addHook', 'beforeCreate', 'afterCreate', 'beforeUpdate', 'afterUpdate', 'beforeDestroy', 'afterDestroy'], registers('last'));
  t.type('sequelize.Model', {});
  t.methods('sequelize.Model', ['save', 'reload', 'update', 'destroy', 'restore', 'increment', 'decrement', 'validate'], waits('database'));
  t.methods('sequelize.Model', ['get', 'set', 'setDataValue', 'getDataValue', 'toJSON', 'changed', 'previous', 'isNewRecord'], cheap());
  t.type('sequelize.Transaction', { ordered: true });
  t.methods('sequelize.Transaction', ['commit', 'rollback'], waits('database', { ordered: true }));
  t.methods('sequelize.Transaction', ['afterCommit'], registers(0));
  t.type('sequelize.QueryInterface', { methodDefault: waits('database') });
}

function addTypeorm(t: TableBuilder): void {
  t.api('typeorm.DataSource', constructs('typeorm.DataSource'));
  t.api('typeorm.createConnection', waits('database', { instance: 'typeorm.DataSource' }));
  const transaction = (receives: string): Behaviour =>
    waits('database', { callback: { argument: 'last', runs: 'task', receives } });
  t.type('typeorm.DataSource', { properties: { manager: 'typeorm.EntityManager' } });
  t.methods('typeorm.DataSource', ['initialize', 'destroy', 'query', 'synchronize', 'runMigrations', 'undoLastMigration', 'dropDatabase', 'showMigrations'], waits('database'));
  t.methods('typeorm.DataSource', ['transaction'], transaction('typeorm.TransactionalEntityManager'));
  t.methods('typeorm.DataSource', ['getRepository', 'getTreeRepository'], makes('typeorm.Repository'));
  t.methods('typeorm.DataSource', ['createQueryRunner'], makes('typeorm.QueryRunner'));
  t.methods('typeorm.DataSource', ['createQueryBuilder'], makes('typeorm.QueryBuilder'));
  t.methods('typeorm.DataSource', ['getMetadata', 'hasMetadata', 'setOptions'], cheap());

  // An entity manager or repository, plain or bound to one transaction.
  const families = [
    { manager: 'typeorm.EntityManager', repository: 'typeorm.Repository', builder: 'typeorm.QueryBuilder', ordered: false },
    { manager: 'typeorm.TransactionalEntityManager', repository: 'typeorm.TransactionalRepository', builder: 'typeorm.TransactionalQueryBuilder', ordered: true },
  ];
  for (const family of families) {
    const ordered = family.ordered ? { ordered: true } : {};
    for (const type of [family.manager, family.repository]) {
      t.type(type, { ...ordered, properties: { manager: family.manager } });
      t.methods(type, TYPEORM_QUERIES, waits('database', ordered));
      // create and merge build entity objects in memory; nothing is sent.
      t.methods(type, ['create', 'merge', 'hasId', 'getId'], cheap());
      t.methods(type, ['createQueryBuilder'], makes(family.builder));
    }
    t.methods(family.manager, ['getRepository', 'getTreeRepository', 'withRepository'], makes(family.repository));
    t.methods(family.manager, ['transaction'], transaction('typeorm.TransactionalEntityManager'));
    t.type(family.builder, { ...ordered, otherMethods: 'same' });
    t.methods(family.builder, TYPEORM_BUILDER_RESULTS, waits('database', ordered));
    t.methods(family.builder, ['getQuery', 'getSql', 'getParameters', 'getQueryAndParameters'], cheap());
  }
  // A query runner is one connection, usually carrying a transaction.
  t.type('typeorm.QueryRunner', {
    ordered: true, methodDefault: waits('database', { ordered: true }), properties: { manager: 'typeorm.TransactionalEntityManager' },
  });
  t.methods('typeorm.QueryRunner', ['connect', 'startTransaction', 'commitTransaction', 'rollbackTransaction', 'release', 'query'], waits('database', { ordered: true }));
}

function addPrisma(t: TableBuilder): void {
  // Prisma queries return a PrismaPromise: nothing is sent until it is awaited (or handed to $transaction).
  const query = waits('database', { lazy: true });
  const orderedQuery = waits('database', { lazy: true, ordered: true });
  t.api('@prisma/client.PrismaClient', constructs('@prisma/client.PrismaClient'));
  t.type('@prisma/client.PrismaClient', { otherProperties: '@prisma/client.ModelDelegate' });
  t.methods('@prisma/client.PrismaClient', ['$connect', '$disconnect'], waits('database'));
  t.methods('@prisma/client.PrismaClient', ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$runCommandRaw'], query);
  // $transaction([q1, q2]) runs the given queries in order in one transaction; $transaction(async (tx) => ...) hands over `tx`.
  t.methods('@prisma/client.PrismaClient', ['$transaction'], waits('database', {
    callback: { argument: 0, runs: 'task', receives: '@prisma/client.TransactionClient' },
  }));
  t.methods('@prisma/client.PrismaClient', ['$on'], registers(1));
  t.methods('@prisma/client.PrismaClient', ['$use'], registers(0));
  t.methods('@prisma/client.PrismaClient', ['$extends'], makes('@prisma/client.PrismaClient'));
  t.type('@prisma/client.ModelDelegate', {});
  t.methods('@prisma/client.ModelDelegate', PRISMA_DELEGATE_METHODS, query);
  t.type('@prisma/client.TransactionClient', { ordered: true, otherProperties: '@prisma/client.TransactionDelegate' });
  t.methods('@prisma/client.TransactionClient', ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe'], orderedQuery);
  t.type('@prisma/client.TransactionDelegate', { ordered: true });
  t.methods('@prisma/client.TransactionDelegate', PRISMA_DELEGATE_METHODS, orderedQuery);
}
