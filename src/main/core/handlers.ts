import type { MethodArgs, MethodName, MethodOutput } from '@shared/api';

/** One handler per contract method; the host validates input before calling it. */
export type Handlers = {
  [M in MethodName]: (args: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
