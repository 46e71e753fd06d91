import { describe, expect, it } from 'vitest';
import { CadenceDefinition, type CadenceDefinitionInput } from '../../../src/shared/domain/cadence';

const zero = { amount: 0, unit: 'minutes' as const };
const day = { amount: 1, unit: 'days' as const };

const cadence = (steps: CadenceDefinitionInput['steps']): CadenceDefinitionInput => ({ name: 'Loop', steps });

const messages = (input: CadenceDefinitionInput): string[] => {
  const parsed = CadenceDefinition.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('CadenceDefinition refuses goto loops that never wait', () => {
  it('refuses two zero-wait steps with a goto back, at the goto', () => {
    const problems = messages(
      cadence([
        { id: 'a', kind: 'task', title: 'A', wait: zero },
        { id: 'b', kind: 'task', title: 'B', wait: zero, on: { done: { action: 'goto', step: 'a' } } },
      ]),
    );
    expect(problems).toEqual([expect.stringMatching(/^steps\.1\.on\.done\.wait: .*endless loop/)]);
  });

  it('refuses a step that goes to itself with no wait, and a goto with an explicit zero wait', () => {
    expect(
      messages(
        cadence([
          {
            id: 'a',
            kind: 'call',
            title: 'A',
            wait: day,
            on: { busy: { action: 'goto', step: 'a', wait: zero } },
          },
        ]),
      ),
    ).toHaveLength(1);
  });

  it('accepts the same loop once a step in it or the goto waits', () => {
    expect(
      messages(
        cadence([
          { id: 'a', kind: 'task', title: 'A', wait: day },
          { id: 'b', kind: 'task', title: 'B', wait: zero, on: { done: { action: 'goto', step: 'a' } } },
        ]),
      ),
    ).toEqual([]);
    expect(
      messages(
        cadence([
          { id: 'a', kind: 'task', title: 'A', wait: zero },
          {
            id: 'b',
            kind: 'task',
            title: 'B',
            wait: zero,
            on: { done: { action: 'goto', step: 'a', wait: day } },
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('accepts a zero-wait goto forward (no loop)', () => {
    expect(
      messages(
        cadence([
          { id: 'a', kind: 'task', title: 'A', wait: zero, on: { skipped: { action: 'goto', step: 'c' } } },
          { id: 'b', kind: 'task', title: 'B', wait: zero },
          { id: 'c', kind: 'task', title: 'C', wait: zero },
        ]),
      ),
    ).toEqual([]);
  });
});
