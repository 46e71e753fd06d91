import type { MethodArgs, MethodName, MethodOutput } from '@shared/api';

/** One handler per contract method; the host validates input before calling it. */
export type Handlers = {
  [M in MethodName]: (args: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

type AnyHandlers = Partial<Record<MethodName, unknown>>;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;

/**
 * Joins per-domain handler maps into one, as the contract's `joinDomains` joins method maps.
 * Throws `Error('Handler "<method>" is declared twice')` at start when two domains handle one method,
 * instead of the later spread silently replacing the earlier handler.
 */
export const joinHandlers = <T extends AnyHandlers[]>(...domains: T): UnionToIntersection<T[number]> => {
  const joined: AnyHandlers = {};
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain)) {
      if (Object.hasOwn(joined, name)) throw new Error(`Handler "${name}" is declared twice`);
      joined[name as MethodName] = handler;
    }
  }
  return joined as UnionToIntersection<T[number]>;
};
