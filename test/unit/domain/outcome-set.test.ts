import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OUTCOMES,
  type Outcome,
  outcomeSetProblems,
  StrictOutcome,
} from '../../../src/shared/domain/outcome';

const withChange = (id: string, change: Partial<Outcome>): Outcome[] =>
  DEFAULT_OUTCOMES.map((o) => (o.id === id ? { ...o, ...change } : o));

describe('outcomeSetProblems: the rules every editor of the outcome set shares', () => {
  it('accepts the shipped set, and relabelling, reordering, switching connected or deactivating a built-in', () => {
    expect(outcomeSetProblems(DEFAULT_OUTCOMES)).toEqual([]);
    const edited = [...DEFAULT_OUTCOMES]
      .reverse()
      .map((o, position) => ({ ...o, position, label: `${o.label}!`, connected: !o.connected }))
      .map((o) => (o.id === 'busy' ? { ...o, active: false } : o));
    expect(outcomeSetProblems(edited)).toEqual([]);
  });

  it.each([
    ['effect none', { effect: 'none' as const }, 'effect'],
    ['status working', { status: 'working' as const }, 'status'],
    ['transition next', { transition: { action: 'next' as const } }, 'transition'],
  ])('refuses do_not_contact made a no-op (%s), naming the outcome and the field', (_name, change, field) => {
    const problems = outcomeSetProblems(withChange('do_not_contact', change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"do_not_contact"');
    expect(problems[0]).toContain(field);
  });

  it('refuses a changed transition on any built-in, whatever the key order of the sent object', () => {
    expect(
      outcomeSetProblems(
        withChange('no_answer', { transition: { action: 'retry', wait: { amount: 1, unit: 'hours' } } }),
      ),
    ).toEqual([expect.stringContaining('"no_answer"')]);
    const reordered = withChange('busy', {
      transition: JSON.parse(
        '{"wait":{"unit":"hours","amount":1},"action":"retry"}',
      ) as Outcome['transition'],
    });
    expect(outcomeSetProblems(reordered)).toEqual([]);
  });

  it('keeps do_not_contact active and at least one other outcome loggable', () => {
    expect(outcomeSetProblems(withChange('do_not_contact', { active: false }))).toEqual([
      expect.stringContaining('must stay active'),
    ]);
    const onlyOptOut = DEFAULT_OUTCOMES.map((o) => ({ ...o, active: o.id === 'do_not_contact' }));
    expect(outcomeSetProblems(onlyOptOut)).toEqual([expect.stringContaining('At least one outcome')]);
    const noneActive = DEFAULT_OUTCOMES.map((o) => ({ ...o, active: false }));
    expect(outcomeSetProblems(noneActive)).toHaveLength(2);
  });

  it('refuses an id used twice, and a team outcome may have any effect', () => {
    const extra: Outcome = {
      ...DEFAULT_OUTCOMES[0],
      id: 'demo',
      builtin: false,
      effect: 'do_not_contact',
    } as Outcome;
    expect(outcomeSetProblems([...DEFAULT_OUTCOMES, extra])).toEqual([]);
    expect(outcomeSetProblems([...DEFAULT_OUTCOMES, extra, extra])).toEqual([
      expect.stringContaining('demo'),
    ]);
  });

  it('StrictOutcome refuses an unknown key instead of dropping it', () => {
    expect(StrictOutcome.safeParse(DEFAULT_OUTCOMES[0]).success).toBe(true);
    expect(StrictOutcome.safeParse({ ...DEFAULT_OUTCOMES[0], efect: 'none' }).success).toBe(false);
  });
});
