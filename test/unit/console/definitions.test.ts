import { CADENCE_FILE_FORMAT, type CadenceDefinition } from '@shared/domain/cadence';
import { DEFAULT_OUTCOMES } from '@shared/domain/outcome';
import { describe, expect, it } from 'vitest';
import {
  cadenceFileText,
  checkCadence,
  draftOf,
  readCadenceFile,
} from '../../../src/console/src/features/definitions/utils/cadenceDraft';
import {
  moveOutcome,
  newOutcome,
  newOutcomeProblem,
  withEffect,
} from '../../../src/console/src/features/definitions/utils/outcomeDraft';
import { checkScript } from '../../../src/console/src/features/definitions/utils/scriptCheck';
import { checkOutcomeSet, normaliseTeamDnc } from '../../../src/server/definitions/input';

const cadence: CadenceDefinition = {
  id: '0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
  name: 'Inbound fast',
  description: '',
  rule: null,
  priority: 10,
  limits: {},
  steps: [
    {
      id: 'call-1',
      kind: 'call',
      title: 'Call',
      wait: { amount: 0, unit: 'minutes' },
      maxAttempts: 2,
      on: {},
    },
    {
      id: 'email-1',
      kind: 'email',
      title: 'Email',
      wait: { amount: 1, unit: 'business_days' },
      maxAttempts: 1,
      on: { skipped: { action: 'goto', step: 'call-1' } },
    },
  ],
};

describe("the console's checks of the team's definitions", () => {
  it('names unknown placeholders and times a voicemail against 20 seconds', () => {
    const name = (n: string) => n;
    expect(checkScript('Hi {{firstName}}', 'en', name)).toMatchObject({ problems: [], fits: true });
    expect(checkScript('Hi {{compnay}} {{', 'en', name).problems).toEqual(['{{compnay}}', '{{']);
    const long = checkScript('word '.repeat(80), 'en', name);
    expect(long.seconds).toBeGreaterThan(20);
    expect(long.fits).toBe(false);
  });

  it('checks a cadence draft with the desktop rules and places each problem at its step', () => {
    expect(checkCadence(draftOf(cadence)).problems).toEqual([]);
    const draft = draftOf(cadence);
    const second = draft.steps[1];
    if (!second) throw new Error('no second step');
    second.on = [{ key: 'skipped', transition: { action: 'goto', step: 'nowhere' } }];
    second.title = '';
    const { definition, problems } = checkCadence(draft);
    expect(definition).toBeNull();
    expect(problems.map((p) => p.step)).toEqual([2, 2]);
    expect(problems.map((p) => p.message).join(' ')).toContain('no step "nowhere"');
  });

  it("writes and reads the desktop's cadence file, and says what is wrong with another file", () => {
    const text = cadenceFileText([cadence]);
    expect(JSON.parse(text)).toMatchObject({ format: CADENCE_FILE_FORMAT, version: 1 });
    expect(readCadenceFile(text)).toEqual([cadence]);
    expect(() => readCadenceFile('{')).toThrow('not JSON');
    expect(() =>
      readCadenceFile(JSON.stringify({ format: 'other', version: 1, cadences: [cadence] })),
    ).toThrow('format');
  });

  it('reorders, adds and retunes outcomes, refusing a bad or taken id', () => {
    const moved = moveOutcome(DEFAULT_OUTCOMES, 5, -1);
    expect(moved.slice(4, 6).map((o) => [o.id, o.position])).toEqual([
      ['no_answer', 4],
      ['voicemail', 5],
    ]);
    expect(moveOutcome(DEFAULT_OUTCOMES, 0, -1).map((o) => o.id)).toEqual(DEFAULT_OUTCOMES.map((o) => o.id));
    expect(newOutcomeProblem(DEFAULT_OUTCOMES, 'Demo!', 'Demo')).toBe('idInvalid');
    expect(newOutcomeProblem(DEFAULT_OUTCOMES, 'busy', 'Busy')).toBe('idTaken');
    expect(newOutcomeProblem(DEFAULT_OUTCOMES, 'demo_set', ' ')).toBe('labelMissing');
    expect(newOutcomeProblem(DEFAULT_OUTCOMES, 'demo_set', 'Demo set')).toBeNull();
    const callback = DEFAULT_OUTCOMES.find((o) => o.id === 'callback');
    if (!callback) throw new Error('no callback outcome');
    expect(withEffect(callback, 'none').transition).toEqual({ action: 'next' });
    expect(() =>
      checkOutcomeSet([...DEFAULT_OUTCOMES, newOutcome('demo_set', 'Demo set', 11)]),
    ).not.toThrow();
  });
});

describe("the server's checks of the team's definitions", () => {
  it('keeps every built-in outcome, unique ids and honest built-in marks', () => {
    expect(() => checkOutcomeSet(DEFAULT_OUTCOMES.slice(1))).toThrow('meeting_booked');
    const extra = newOutcome('demo_set', 'Demo set', 11);
    expect(() => checkOutcomeSet([...DEFAULT_OUTCOMES, extra, extra])).toThrow('demo_set');
    expect(() => checkOutcomeSet([...DEFAULT_OUTCOMES, { ...extra, builtin: true }])).toThrow('builtin');
  });

  it('reads do-not-contact values as E.164, lower-case emails and domains, and names a bad one', () => {
    expect(normaliseTeamDnc({ kind: 'phone', value: '(415) 555-0100', region: 'US' })).toBe('+14155550100');
    expect(normaliseTeamDnc({ kind: 'phone', value: '020 7946 0958', region: 'GB' })).toBe('+442079460958');
    expect(normaliseTeamDnc({ kind: 'phone', value: 'tel:+82 2-312-3456' })).toBe('+8223123456');
    expect(normaliseTeamDnc({ kind: 'email', value: 'mailto:Jo@Example.COM' })).toBe('jo@example.com');
    expect(normaliseTeamDnc({ kind: 'domain', value: 'Example.COM' })).toBe('example.com');
    expect(normaliseTeamDnc({ kind: 'domain', value: '@example.com' })).toBe('example.com');
    for (const bad of [
      { kind: 'phone' as const, value: '415 555 0100' },
      { kind: 'phone' as const, value: 'hello', region: 'US' },
      { kind: 'email' as const, value: 'example.com' },
      { kind: 'domain' as const, value: 'jo@example.com' },
    ]) {
      expect(() => normaliseTeamDnc(bad)).toThrow(expect.objectContaining({ code: 'dnc_invalid_value' }));
    }
  });
});
