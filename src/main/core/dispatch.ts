import { api, isMethodName, type Result } from '@shared/api';
import type { z } from 'zod';
import { AppError } from './errors';
import type { Handlers } from './handlers';

/** One validation problem in words a person can act on ("is not a valid id"), else zod's own. */
const issueText = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return 'is not a valid id (a UUID)';
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `is longer than ${Number(issue.maximum).toLocaleString('en')} characters`;
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) === 1 ? 'is empty' : `is shorter than ${issue.minimum} characters`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  return `is not accepted (${issue.message})`;
};

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
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || 'input',
      message: issueText(issue),
    }));
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Check what was entered: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`,
        params: { fields: issues.map((i) => i.path).join(', ') },
        details: issues,
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
