/**
 * SQL drivers from npm. The rule for ordering: one connection (a pg Client, a
 * checked-out PoolClient, a mysql Connection) runs its queries one after another
 * and usually carries a transaction, so its queries are `ordered`; a pool hands
 * each query to whichever connection is free, so pool queries are not ordered,
 * but nothing says they are independent either (no `stateless`).
 */
import type { Behaviour } from './behaviour';
import { blocksWithoutAlternative, callsBack, cheap, constructs, makes, waits, type TableBuilder } from './build';

/** pg and mysql2 return a promise unless the last argument is a callback. */
function query(extra: Partial<Behaviour> = {}): Behaviour {
  return waits('database', { ...extra, whenCallback: callsBack('database', extra) });
}

export function addSqlDrivers(t: TableBuilder): void {
  addPg(t);
  addMysql(t);
  addSqlite(t);
}

function addPg(t: TableBuilder): void {
  t.api('pg.Pool', constructs('pg.Pool'));
  t.api('pg.Client', constructs('pg.Client'));
  t.type('pg.Pool', { extends: 'events.EventEmitter' });
  t.methods('pg.Pool', ['query', 'end'], query());
  // pool.connect() checks out one connection: the caller must release it.
  t.methods('pg.Pool', ['connect'], query({ instance: 'pg.PoolClient' }));
  t.type('pg.Client', { extends: 'events.EventEmitter', ordered: true });
  t.methods('pg.Client', ['connect', 'query', 'end'], query({ ordered: true }));
  t.type('pg.PoolClient', { extends: 'pg.Client', ordered: true });
  t.methods('pg.PoolClient', ['release'], cheap());
}

function addMysql(t: TableBuilder): void {
  // The callback APIs of mysql and mysql2.
  for (const module of ['mysql', 'mysql2']) {
    const connection = `${module}.Connection`;
    const pool = `${module}.Pool`;
    const pooled = `${module}.PoolConnection`;
    const queries = module === 'mysql2' ? ['query', 'execute'] : ['query'];
    t.api(`${module}.createConnection`, makes(connection));
    t.api(`${module}.createPool`, makes(pool));
    t.type(connection, { extends: 'events.EventEmitter', ordered: true });
    t.methods(connection, [...queries, 'connect', 'end', 'ping', 'changeUser', 'beginTransaction', 'commit', 'rollback'], callsBack('database', { ordered: true }));
    t.methods(connection, ['destroy', 'pause', 'resume'], cheap());
    t.type(pool, { extends: 'events.EventEmitter' });
    t.methods(pool, [...queries, 'end'], callsBack('database'));
    t.methods(pool, ['getConnection'], callsBack('database', { instance: pooled }));
    t.type(pooled, { extends: connection, ordered: true });
    t.methods(pooled, ['release'], cheap());
  }
  t.methods('mysql2.Connection', ['promise'], makes('mysql2/promise.Connection'));
  t.methods('mysql2.Pool', ['promise'], makes('mysql2/promise.Pool'));

  t.api('mysql2/promise.createConnection', waits('database', { instance: 'mysql2/promise.Connection' }));
  t.api('mysql2/promise.createPool', makes('mysql2/promise.Pool'));
  t.type('mysql2/promise.Connection', { extends: 'events.EventEmitter', ordered: true });
  t.methods('mysql2/promise.Connection', ['query', 'execute', 'connect', 'end', 'ping', 'changeUser', 'beginTransaction', 'commit', 'rollback'], waits('database', { ordered: true }));
  t.methods('mysql2/promise.Connection', ['destroy'], cheap());
  t.type('mysql2/promise.Pool', { extends: 'events.EventEmitter' });
  t.methods('mysql2/promise.Pool', ['query', 'execute', 'end'], waits('database'));
  t.methods('mysql2/promise.Pool', ['getConnection'], waits('database', { instance: 'mysql2/promise.PoolConnection' }));
  t.type('mysql2/promise.PoolConnection', { extends: 'mysql2/promise.Connection', ordered: true });
  t.methods('mysql2/promise.PoolConnection', ['release'], cheap());
}

function addSqlite(t: TableBuilder): void {
  // better-sqlite3 runs every statement on the calling thread: that is its design, not an oversight.
  const sqliteBlocks = blocksWithoutAlternative(
    'better-sqlite3 is synchronous by design; keep its queries short, or run heavy ones in a worker thread',
    { wait: 'database' },
  );
  t.api('better-sqlite3', constructs('better-sqlite3.Database'));
  t.type('better-sqlite3.Database', {});
  t.methods('better-sqlite3.Database', ['exec', 'pragma', 'serialize'], sqliteBlocks);
  // prepare compiles the SQL; transaction wraps a function and returns it, to be called later.
  t.methods('better-sqlite3.Database', ['prepare'], makes('better-sqlite3.Statement'));
  t.methods('better-sqlite3.Database', ['transaction', 'function', 'aggregate', 'table', 'close', 'defaultSafeIntegers', 'unsafeMode'], cheap());
  t.methods('better-sqlite3.Database', ['backup'], waits('disk'));
  t.type('better-sqlite3.Statement', {});
  t.methods('better-sqlite3.Statement', ['run', 'get', 'all', 'iterate'], sqliteBlocks);
  t.methods('better-sqlite3.Statement', ['pluck', 'expand', 'raw', 'bind', 'safeIntegers'], makes('better-sqlite3.Statement'));
  t.methods('better-sqlite3.Statement', ['columns'], cheap());

  t.api('sqlite3.Database', constructs('sqlite3.Database'));
  t.api('sqlite3.verbose', cheap());
  t.type('sqlite3.Database', { extends: 'events.EventEmitter' });
  t.methods('sqlite3.Database', ['run', 'get', 'all', 'each', 'exec', 'close', 'loadExtension', 'wait'], callsBack('database'));
  t.methods('sqlite3.Database', ['prepare'], makes('sqlite3.Statement'));
  // serialize/parallelize run their callback right away, changing how the queries it issues are scheduled.
  t.methods('sqlite3.Database', ['serialize', 'parallelize'], cheap({ callback: { argument: 0, runs: 'task' } }));
  t.type('sqlite3.Statement', { extends: 'events.EventEmitter' });
  t.methods('sqlite3.Statement', ['run', 'get', 'all', 'each', 'bind', 'reset', 'finalize'], callsBack('database'));

  // `sqlite` wraps sqlite3 in promises.
  t.api('sqlite.open', waits('database', { instance: 'sqlite.Database' }));
  t.type('sqlite.Database', {});
  t.methods('sqlite.Database', ['get', 'all', 'run', 'exec', 'each', 'close', 'migrate', 'loadExtension'], waits('database'));
  t.methods('sqlite.Database', ['prepare'], waits('database', { instance: 'sqlite.Statement' }));
  t.type('sqlite.Statement', {});
  t.methods('sqlite.Statement', ['get', 'all', 'run', 'each', 'bind', 'reset', 'finalize'], waits('database'));
}
