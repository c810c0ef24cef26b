/** The rule registry: one file per rule, the id is the file name. */
import { asyncCpuBound } from './async-cpu-bound';
import { promiseAllCpu } from './promise-all-cpu';
import { awaitInLoop } from './await-in-loop';
import { sequentialAwaits } from './sequential-awaits';
import { blockingCall } from './blocking-call';
import { eventLoopHog } from './event-loop-hog';
import { workerOversubscription } from './worker-oversubscription';
import { asyncForeach } from './async-foreach';
import { floatingPromise } from './floating-promise';
import { asyncWithoutAwait } from './async-without-await';
import { syncPromiseExecutor } from './sync-promise-executor';
import { unboundedFanout } from './unbounded-fanout';
import type { Rule } from './ruleTypes';

export const allRules: readonly Rule[] = [
  asyncCpuBound,
  promiseAllCpu,
  awaitInLoop,
  sequentialAwaits,
  blockingCall,
  eventLoopHog,
  workerOversubscription,
  asyncForeach,
  floatingPromise,
  asyncWithoutAwait,
  syncPromiseExecutor,
  unboundedFanout,
];
