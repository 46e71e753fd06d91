import { api, isMethodName, type Result } from '@shared/api';
import { AppError } from './errors';
import type { Handlers } from './handlers';

/**
 * The one entry point every host uses: checks the method exists, validates the input with the
 * contract's schema, runs the handler, and turns any failure into `{ ok: false, error }`.
 */
export const dispatch = async (
  handlers: Handlers,
  name: string,
  input: unknown,
): Promise<Result<unknown>> => {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'unknown_method', message: `Dialdeck has no method "${name}".` } };
  }
  const parsed = api[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
        details: parsed.error.issues,
      },
    };
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    console.error(`[dialdeck] ${name} failed`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Dialdeck hit an unexpected error in ${name}. Try again; if it persists, restart the app.`,
      },
    };
  }
};
