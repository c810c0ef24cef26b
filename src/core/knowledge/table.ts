/**
 * The knowledge table, built once when the module loads: every entry of the
 * files beside this one, frozen, plus the module-wide rules and the module
 * aliases that the lookup applies when no entry matches.
 */
import type { Behaviour, InstanceType } from './behaviour';
import { cheap, constructs, deepFreeze, TableBuilder, waits } from './build';
import { addNodeFiles } from './nodeFiles';
import { addNodeRuntime } from './nodeRuntime';
import { addBrowsers } from './npmBrowsers';
import { addFileUtilities } from './npmFiles';
import { addHttpClients } from './npmHttp';
import { addOrms } from './npmOrm';
import { addServers } from './npmServers';
import { addSqlDrivers } from './npmSql';
import { addStores } from './npmStores';
import { addTools } from './npmTools';
import { addWorkers } from './npmWorkers';
import { addWebGlobals } from './web';

/**
 * What every member of a module does when the table has no entry for it.
 * `module` is matched exactly, or as a prefix when `prefix` is set (one package
 * per AWS service); `member` is matched against the first name after the module.
 */
export interface ModuleRule {
  module: string;
  prefix: boolean;
  member: RegExp;
  behaviour: Behaviour;
}

export const MODULE_RULES: readonly ModuleRule[] = deepFreeze([
  // Every function of the promise APIs returns a promise that waits on the disk or the network.
  { module: 'fs/promises', prefix: false, member: /^[a-z]\w*$/, behaviour: waits('disk') },
  { module: 'dns/promises', prefix: false, member: /^[a-z]\w*$/, behaviour: waits('network') },
  // AWS SDK v3: `new S3Client()`, `new GetObjectCommand()`, `paginateListObjectsV2()`, `waitUntilBucketExists()`.
  { module: '@aws-sdk/client-', prefix: true, member: /^[A-Z]\w*Client$/, behaviour: constructs('@smithy/smithy-client.Client') },
  { module: '@aws-sdk/client-', prefix: true, member: /^[A-Z]\w*Command$/, behaviour: cheap({ newable: true }) },
  { module: '@aws-sdk/client-', prefix: true, member: /^paginate[A-Z]\w*$/, behaviour: cheap({ asyncIterable: 'network' }) },
  { module: '@aws-sdk/client-', prefix: true, member: /^waitUntil[A-Z]\w*$/, behaviour: waits('network') },
  { module: '@aws-sdk/lib-dynamodb', prefix: false, member: /^[A-Z]\w*Command$/, behaviour: cheap({ newable: true }) },
]);

/** Packages that expose another package's API under their own name. */
export const MODULE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'playwright-core': 'playwright',
  '@playwright/test': 'playwright',
  'puppeteer-core': 'puppeteer',
  'cross-fetch': 'node-fetch',
  'fs-extra/esm': 'fs-extra',
  'graceful-fs': 'fs',
  '@redis/client': 'redis',
});

function build(): TableBuilder {
  const table = new TableBuilder();
  addNodeFiles(table);
  addNodeRuntime(table);
  addWebGlobals(table);
  addHttpClients(table);
  addSqlDrivers(table);
  addOrms(table);
  addStores(table);
  addWorkers(table);
  addTools(table);
  addBrowsers(table);
  addFileUtilities(table);
  addServers(table);
  for (const behaviour of table.behaviours.values()) deepFreeze(behaviour);
  for (const type of table.instances.values()) deepFreeze(type);
  return table;
}

const built = build();

/** Qualified name -> behaviour, for every entry of the table. */
export const BEHAVIOURS: ReadonlyMap<string, Behaviour> = built.behaviours;
/** Instance type key -> instance type. */
export const INSTANCE_TYPES: ReadonlyMap<string, InstanceType> = built.instances;
/** Keys stated twice while building (tests require none). */
export const DUPLICATE_KEYS: readonly string[] = Object.freeze([...built.duplicates]);
