import { describe, expect, it } from 'vitest';
import { NEW_LEAD_CADENCE } from '../../../src/main/core/cadence/defaults';
import { advance } from '../../../src/shared/cadence/advance';
import { CadenceDefinition } from '../../../src/shared/domain/cadence';
import { DEFAULT_OUTCOMES } from '../../../src/shared/domain/outcome';

const steps = CadenceDefinition.parse(NEW_LEAD_CADENCE).steps;
const outcome = (id: string) => {
  const found = DEFAULT_OUTCOMES.find((o) => o.id === id);
  if (!found) throw new Error(id);
  return { kind: 'outcome' as const, outcome: found };
};
const at = (stepId: string, stepAttempts: number, interstitial = false) => ({
  stepId,
  stepAttempts,
  interstitial,
});

describe('the default cadence as data (PLAYBOOK routine)', () => {
  it('voicemail → a follow-up email the same day → a call two business days later', () => {
    expect(advance(steps, at('call-1', 1), outcome('voicemail'))).toEqual({
      type: 'step',
      stepId: 'email-1',
      stepAttempts: 0,
      wait: { amount: 0, unit: 'minutes' },
    });
    expect(advance(steps, at('email-1', 0), { kind: 'result', result: 'done' })).toEqual({
      type: 'step',
      stepId: 'call-2',
      stepAttempts: 0,
      wait: { amount: 2, unit: 'business_days' },
    });
  });

  it('no answer → retry after 4 hours, until the step’s attempts are used, then the next step', () => {
    expect(advance(steps, at('call-1', 1), outcome('no_answer'))).toMatchObject({
      type: 'step',
      stepId: 'call-1',
      wait: { amount: 4, unit: 'hours' },
    });
    expect(advance(steps, at('call-1', 3), outcome('no_answer'))).toMatchObject({
      type: 'step',
      stepId: 'email-1',
    });
  });

  it('connected outcomes end the enrollment; bad numbers ask for a one-off task first', () => {
    expect(advance(steps, at('call-2', 1), outcome('meeting_booked'))).toEqual({
      type: 'finish',
      reason: 'exited',
    });
    expect(advance(steps, at('call-2', 1), outcome('bad_number'))).toEqual({
      type: 'task',
      title: 'Find a working number',
      wait: { amount: 0, unit: 'minutes' },
    });
    // Once the one-off task is done, the call step comes back at once.
    expect(advance(steps, at('call-2', 1, true), { kind: 'result', result: 'done' })).toEqual({
      type: 'step',
      stepId: 'call-2',
      stepAttempts: 1,
      wait: { amount: 0, unit: 'minutes' },
    });
  });

  it('finishes after the last step, and leaves an email step alone on an ad-hoc call', () => {
    expect(advance(steps, at('email-2', 0), { kind: 'result', result: 'done' })).toEqual({
      type: 'finish',
      reason: 'completed',
    });
    expect(advance(steps, at('email-1', 0), outcome('no_answer'))).toEqual({ type: 'keep' });
    expect(advance(steps, at('email-1', 0), outcome('not_interested'))).toEqual({
      type: 'finish',
      reason: 'exited',
    });
  });

  it('follows goto transitions', () => {
    const custom = CadenceDefinition.parse({
      name: 'Jump',
      steps: [
        { id: 'a', kind: 'call', title: 'A', on: { busy: { action: 'goto', step: 'c' } } },
        { id: 'b', kind: 'email', title: 'B' },
        { id: 'c', kind: 'call', title: 'C', wait: { amount: 1, unit: 'days' } },
      ],
    }).steps;
    expect(advance(custom, at('a', 1), outcome('busy'))).toEqual({
      type: 'step',
      stepId: 'c',
      stepAttempts: 0,
      wait: { amount: 1, unit: 'days' },
    });
  });
});

describe('cadence validation', () => {
  const issues = (input: unknown) => {
    const parsed = CadenceDefinition.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('names the path of a transition to a step that does not exist', () => {
    expect(
      issues({
        name: 'Broken',
        steps: [
          {
            id: 'call-1',
            kind: 'call',
            title: 'Call',
            on: { voicemail: { action: 'goto', step: 'email-9' } },
          },
        ],
      }),
    ).toEqual(['steps.0.on.voicemail.step: no step "email-9" in this cadence']);
  });

  it('refuses call outcomes on an email step, duplicate step ids and unknown step kinds', () => {
    expect(
      issues({
        name: 'Broken',
        steps: [
          { id: 'x', kind: 'email', title: 'Mail', on: { no_answer: { action: 'next' } } },
          { id: 'x', kind: 'call', title: 'Call' },
        ],
      }),
    ).toEqual([
      'steps.1.id: step id "x" is used twice',
      'steps.0.on.no_answer: email steps end with "done" or "skipped", not "no_answer"',
    ]);
    expect(issues({ name: 'Broken', steps: [{ id: 'x', kind: 'fax', title: 'Fax' }] })[0]).toMatch(
      /^steps\.0\.kind:/,
    );
  });
});
