import { api, isMethodName, type Result } from '@shared/api';
import type { z } from 'zod';
import { AppError } from './errors';
import type { Handlers } from './handlers';

/**
 * One validation problem in words a person can act on. A schema's own message (e.g. an instant's
 * "must be a time between 2000-01-01 and 2100-01-01") is kept; zod's generic wording for an id or a
 * text length is replaced ("not a valid id", "longer than 10,000 characters").
 */
const issueText = (issue: z.core.$ZodIssue): string => {
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return 'not a valid id (a UUID)';
  if (issue.code === 'too_big' && issue.origin === 'string' && issue.message.startsWith('Too big'))
    return `longer than ${Number(issue.maximum).toLocaleString('en')} characters`;
  return issue.message;
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
        message: `Check what was entered: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
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
