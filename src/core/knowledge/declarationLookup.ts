/**
 * Finding what a module's declarations say about one member path, the way
 * the knowledge table's lookup walks instance types: through a value's declared
 * type, along properties, and up what a type extends.
 */
import type { DeclaredCallable, ModuleDeclarations } from './declarations';

/** Property paths and extends chains are followed this far. */
const MAX_DEPTH = 8;

/**
 * What a module's declarations say about a path inside it: '' or 'default' (the
 * module's default value), 'name', 'ns.member', 'Type#method', 'Type#prop.method',
 * or a member reached through a value's type ('default.get' when the default
 * export is `declare const axios: AxiosStatic`).
 */
export function declaredFactOf(declarations: ModuleDeclarations, path: string): DeclaredCallable | null {
  const hash = path.indexOf('#');
  if (hash >= 0) return memberPath(declarations, path.slice(0, hash), path.slice(hash + 1).split('.'));
  const segments = path === '' ? ['default'] : path.split('.');
  const direct = declarations.facts.get(segments.join('.'));
  if (direct) return direct;
  // The longest prefix that is a typed value; the rest are members of its type.
  for (let cut = segments.length - 1; cut >= 1; cut--) {
    const base = declarations.facts.get(segments.slice(0, cut).join('.'));
    if (base?.valueType) return memberPath(declarations, base.valueType, segments.slice(cut));
  }
  // `import x from 'm'; x.get()` is spelled `m.get`: try the default value's members.
  const fallback = declarations.facts.get('default');
  return fallback?.valueType && segments[0] !== 'default' ? memberPath(declarations, fallback.valueType, segments) : null;
}

function memberPath(declarations: ModuleDeclarations, type: string, members: string[]): DeclaredCallable | null {
  let current = type;
  for (let i = 0; i < members.length && i < MAX_DEPTH; i++) {
    const fact = member(declarations, current, members[i]);
    if (!fact || i === members.length - 1) return fact;
    if (!fact.valueType) return null;
    current = fact.valueType;
  }
  return null;
}

/** `type#name`, looked up on the type and then on what it extends, nearest first. */
function member(declarations: ModuleDeclarations, type: string, name: string): DeclaredCallable | null {
  const seen = new Set<string>();
  let frontier = [type];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const current of frontier) {
      if (seen.has(current)) continue;
      seen.add(current);
      const fact = declarations.facts.get(`${current}#${name}`);
      if (fact) return fact;
      next.push(...(declarations.types.get(current)?.extends ?? []));
    }
    frontier = next;
  }
  return null;
}
