import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/dispatch';
import type { Handlers } from '../../../src/main/core/handlers';

// Validation runs before any handler, so no handler is needed to see what a caller is told.
const handlers = {} as Handlers;

describe('input the contract refuses', () => {
  it('says which field is wrong in words a person can act on, not a pattern', async () => {
    const result = await dispatch(handlers, 'queue.why', { leadId: 'nope' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Check what was entered: leadId: not a valid id (a UUID).',
        details: [{ path: 'leadId', message: 'not a valid id (a UUID)' }],
      },
    });
  });

  it('names a limit by its size', async () => {
    const result = await dispatch(handlers, 'outcomes.log', {
      leadId: '01a20000-0000-7000-8000-000000000000',
      outcome: 'no_answer',
      note: 'x'.repeat(10_001),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('note: longer than 10,000 characters');
  });
});
