/**
 * Worker pools and spawned threads, decided once: which pool each task goes
 * to, how many threads that pool runs (a number, a function of the core
 * count, or unknown), and whether a spawn starts a thread or a whole process.
 * The timeline reads these from the worker segments (so a pool's threads are
 * reused and a spawn pays its start-up), and worker-oversubscription reads the
 * same sizes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Model, PoolSize, Segment, WorkerSegment } from '../model/types';
import { findBinding, modelIndex, unwrap } from './callbacks';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export const POOL_APIS: ReadonlySet<string> = new Set(['piscina', 'piscina.Piscina', 'tinypool', 'tinypool.Tinypool', 'workerpool.pool', 'threads.Pool', 'poolifier.FixedThreadPool', 'poolifier.FixedClusterPool', 'poolifier.DynamicThreadPool', 'poolifier.DynamicClusterPool']);
const PROCESS_SPAWNS = /^(child_process\.|cluster\.)/;
const CORE_APIS = new Set(['os.cpus', 'os.availableParallelism']);
const MAX_DEPTH = 6;

/**
 * What a pool library runs when it is given no size. Piscina may grow to 1.5 ×
 * the cores for tasks that wait; for the CPU work pools exist for, its default
 * keeps about one busy thread per core, and so do the others (workerpool
 * leaves one core to the main thread). The rules advise keeping the default,
 * so the timeline draws it that way too.
 */
function defaultSize(api: string): PoolSize {
  if (api === 'workerpool.pool') return { kind: 'cores', factor: 1, minus: 1 };
  if (api.startsWith('piscina') || api.startsWith('tinypool') || api === 'threads.Pool') return { kind: 'cores', factor: 1, minus: 0 };
  return { kind: 'unknown' };
}

export interface PoolDeclaration {
  api: string;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  size: PoolSize;
  /** The size expressions the pool was given, by option name. */
  sizeOptions: { name: string; value: TSESTree.Node }[];
}

const declarations = new WeakMap<Model, Map<string, PoolDeclaration>>();

/** Pools created in this file, by the name that holds them (`pool`, `this.workers`). */
export function poolsOf(model: Model): ReadonlyMap<string, PoolDeclaration> {
  let pools = declarations.get(model);
  if (pools) return pools;
  pools = new Map();
  for (const fn of model.functions) {
    for (const site of fn.sites.calls) {
      if (!site.api || !POOL_APIS.has(site.api)) continue;
      const holder = holderName(site.node);
      if (!holder || pools.has(holder)) continue;
      const sizeOptions = poolSizeOptions(site.api, site.node);
      pools.set(holder, { api: site.api, node: site.node, size: sizeFrom(model, site.api, sizeOptions), sizeOptions });
    }
  }
  declarations.set(model, pools);
  return pools;
}

/** Fills in, on every worker segment, the pool a task goes to or what a spawn starts. */
export function annotateWorkers(model: Model): void {
  const pools = poolsOf(model);
  const visit = (list: readonly Segment[]) => {
    for (const seg of list) {
      if (seg.kind === 'worker') annotate(seg, pools);
      else if (seg.kind === 'loop') visit(seg.body);
      else if (seg.kind === 'fork') for (const task of seg.tasks) visit(task);
    }
  };
  for (const fn of model.functions) visit(fn.segments);
}

function annotate(seg: WorkerSegment, pools: ReadonlyMap<string, PoolDeclaration>): void {
  if (seg.spawns) {
    seg.what = PROCESS_SPAWNS.test(seg.api) ? 'process' : 'thread';
    return;
  }
  const dot = seg.api.lastIndexOf('.');
  const holder = dot > 0 ? seg.api.slice(0, dot) : seg.api;
  const declared = pools.get(holder) ?? pools.get(holder.replace(/^this\./, ''));
  seg.pool = { name: holder, size: declared?.size ?? { kind: 'unknown' } };
}

/** `const pool = new Piscina(…)`, `this.pool = new Piscina(…)`: the name a pool is held by. */
function holderName(node: TSESTree.Node): string | null {
  const parent = node.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) {
    const target = parent.left;
    if (!target.computed && target.property.type === T.Identifier) {
      if (target.object.type === T.ThisExpression) return `this.${target.property.name}`;
      if (target.object.type === T.Identifier) return `${target.object.name}.${target.property.name}`;
    }
  }
  if (parent?.type === T.PropertyDefinition && parent.key.type === T.Identifier) return `this.${parent.key.name}`;
  return null;
}

/** `maxThreads: 16`, `Pool(fn, 8)`, `new FixedThreadPool(8, file)`: the size expressions a pool is given. */
export function poolSizeOptions(api: string, call: TSESTree.CallExpression | TSESTree.NewExpression): { name: string; value: TSESTree.Node }[] {
  const args = call.arguments;
  const options = (arg: TSESTree.Node | undefined, names: string[]) => {
    let object = arg && unwrap(arg);
    if (object?.type === T.Identifier) {
      const binding = findBinding(object.name, object);
      object = binding?.kind === 'const' && binding.init ? unwrap(binding.init) : undefined;
    }
    if (object?.type !== T.ObjectExpression) return [];
    const out: { name: string; value: TSESTree.Node }[] = [];
    for (const prop of object.properties) {
      if (prop.type !== T.Property || prop.computed) continue;
      const key = prop.key.type === T.Identifier ? prop.key.name : prop.key.type === T.Literal ? String(prop.key.value) : '';
      if (names.includes(key)) out.push({ name: key, value: prop.value });
    }
    return out;
  };
  if (api.startsWith('piscina') || api.startsWith('tinypool')) return options(args[0], ['maxThreads', 'minThreads']);
  if (api === 'workerpool.pool') return args.flatMap((arg) => options(arg, ['maxWorkers', 'minWorkers']));
  if (api === 'threads.Pool') {
    const size = args[1] && unwrap(args[1]);
    return size?.type === T.ObjectExpression ? options(size, ['size']) : size ? [{ name: 'size', value: size }] : [];
  }
  if (api.includes('Fixed')) return args[0] ? [{ name: 'size', value: args[0] }] : [];
  return args.slice(0, 2).map((value, i) => ({ name: i === 0 ? 'minimum size' : 'maximum size', value }));
}

/**
 * The pool's thread count: the maximum it is given (or its one size option), as
 * a function of the core count when the expression uses it, else its default.
 */
function sizeFrom(model: Model, api: string, options: readonly { name: string; value: TSESTree.Node }[]): PoolSize {
  const chosen = options.find((o) => /^max|^size$|^maximum/.test(o.name)) ?? (options.length === 1 ? options[0] : undefined);
  if (!chosen) return options.length === 0 ? defaultSize(api) : { kind: 'unknown' };
  // Evaluated at two core counts: the difference says how the size scales with the machine.
  const at8 = evaluate(model, chosen.value, 8, 0);
  const at16 = evaluate(model, chosen.value, 16, 0);
  if (at8 === null || at16 === null) return { kind: 'unknown' };
  if (at8 === at16) return { kind: 'literal', n: Math.max(1, Math.round(at8)) };
  const factor = (at16 - at8) / 8;
  return { kind: 'cores', factor, minus: Math.round(factor * 8 - at8) };
}

/** The value of a numeric expression on a machine with `cores` cores, or null when it depends on something else. */
function evaluate(model: Model, expr: TSESTree.Node, cores: number, depth: number): number | null {
  if (depth > MAX_DEPTH) return null;
  const e = unwrap(expr);
  const again = (node: TSESTree.Node) => evaluate(model, node, cores, depth + 1);
  switch (e.type) {
    case T.Literal:
      return typeof e.value === 'number' ? e.value : null;
    case T.Identifier: {
      if (model.coreCountNames.has(e.name)) return cores;
      const binding = findBinding(e.name, e);
      return binding?.kind === 'const' && binding.init ? again(binding.init) : null;
    }
    case T.MemberExpression: {
      // os.cpus().length, navigator.hardwareConcurrency
      if (!e.computed && e.property.type === T.Identifier && e.property.name === 'hardwareConcurrency') return cores;
      if (!e.computed && e.property.type === T.Identifier && e.property.name === 'length' && e.object.type === T.CallExpression && isCoreCall(model, e.object)) return cores;
      return null;
    }
    case T.CallExpression: {
      if (isCoreCall(model, e)) return cores;
      const callee = e.callee;
      if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Math' && callee.property.type === T.Identifier) {
        const values = e.arguments.map(again);
        if (values.some((v) => v === null)) return null;
        const nums = values as number[];
        switch (callee.property.name) {
          case 'max': return Math.max(...nums);
          case 'min': return Math.min(...nums);
          case 'floor': return Math.floor(nums[0]);
          case 'ceil': return Math.ceil(nums[0]);
          case 'round': return Math.round(nums[0]);
          default: return null;
        }
      }
      return null;
    }
    case T.BinaryExpression: {
      if (e.left.type === T.PrivateIdentifier) return null;
      const left = again(e.left);
      const right = again(e.right);
      if (left === null || right === null) return null;
      switch (e.operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '/': return right === 0 ? null : left / right;
        default: return null;
      }
    }
    case T.LogicalExpression:
      // `opts.threads ?? os.cpus().length`: the fallback is what we can see.
      return e.operator === '&&' ? null : again(e.right);
    case T.ConditionalExpression:
      return null;
    default:
      return null;
  }
}

function isCoreCall(model: Model, call: TSESTree.CallExpression): boolean {
  const site = modelIndex(model).siteByNode.get(call)?.site;
  return !!site?.api && CORE_APIS.has(site.api);
}
