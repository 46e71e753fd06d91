import type { z } from 'zod';

/** A domain's mutations: name → the zod schema of its args. */
export type MutationSchemas = Record<string, z.ZodType>;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;

/**
 * Joins per-domain mutation maps into one, as the API contract's `joinDomains` does for methods.
 * Throws `Error('Mutation "<name>" is declared twice')` when two domains declare one name, so a name
 * always means one wire shape.
 */
export const joinMutations = <T extends MutationSchemas[]>(...domains: T): UnionToIntersection<T[number]> => {
  const joined: MutationSchemas = {};
  for (const domain of domains) {
    for (const [name, schema] of Object.entries(domain)) {
      if (Object.hasOwn(joined, name)) throw new Error(`Mutation "${name}" is declared twice`);
      joined[name] = schema;
    }
  }
  return joined as UnionToIntersection<T[number]>;
};
