import { describe, expect, it } from 'vitest';
import { handoffReadiness } from '../../../src/main/core/qualification/readiness';
import {
  type BantAnswer,
  bantInOrder,
  DEFAULT_QUALIFICATION_CONFIG,
  type ProfileFacts,
  profileCompleteness,
  QualificationConfig,
} from '../../../src/shared/domain/qualification';

const facts = (over: Partial<ProfileFacts> = {}): ProfileFacts => ({
  title: null,
  company: null,
  email: null,
  phones: [],
  timeZone: null,
  sourceChannel: 'other',
  sourceDetail: null,
  hasResearch: false,
  ...over,
});
const phone = [{ e164: '+12025550100', ext: null, label: null, raw: '202 555 0100' }];
const confirmed = (...criteria: BantAnswer['criterion'][]): BantAnswer[] =>
  bantInOrder(criteria.map((criterion) => ({ criterion, confirmed: true, note: '', updatedAt: 1 })));

describe('the profile checklist', () => {
  it('has the 15 default items with unique ids', () => {
    expect(DEFAULT_QUALIFICATION_CONFIG.profileItems).toHaveLength(15);
    expect(QualificationConfig.safeParse(DEFAULT_QUALIFICATION_CONFIG).success).toBe(true);
  });

  it('derives items from the lead and BANT, and leaves the rest to the rep', () => {
    const none = profileCompleteness(DEFAULT_QUALIFICATION_CONFIG, facts(), bantInOrder([]), new Set());
    expect(none.filled).toBe(0);
    const some = profileCompleteness(
      DEFAULT_QUALIFICATION_CONFIG,
      facts({ title: 'CTO', company: '  ', email: 'a@b.test', phones: phone, timeZone: 'Europe/Paris' }),
      confirmed('authority'),
      new Set(['industry']),
    );
    const byId = Object.fromEntries(some.items.map((i) => [i.id, i]));
    expect(byId.contact_title).toMatchObject({ derived: true, checked: true });
    // A blank company is not a company.
    expect(byId.company_name).toMatchObject({ derived: false, checked: false });
    expect(byId.contact_details).toMatchObject({ derived: true });
    expect(byId.time_zone).toMatchObject({ derived: true });
    expect(byId.decision_process).toMatchObject({ derived: true });
    expect(byId.industry).toMatchObject({ derived: false, checkedByHand: true, checked: true });
    expect(some.filled).toBe(5);
    // Phone without email does not fill "phone and email".
    const phoneOnly = profileCompleteness(
      DEFAULT_QUALIFICATION_CONFIG,
      facts({ phones: phone }),
      [],
      new Set(),
    );
    expect(phoneOnly.items.find((i) => i.id === 'contact_details')?.checked).toBe(false);
  });

  it('meets the two-thirds threshold at 10 of 15, not at 9', () => {
    const ids = DEFAULT_QUALIFICATION_CONFIG.profileItems.map((i) => i.id);
    const at = (n: number) =>
      profileCompleteness(DEFAULT_QUALIFICATION_CONFIG, facts(), [], new Set(ids.slice(0, n)));
    expect(at(9).meetsThreshold).toBe(false);
    expect(at(10)).toMatchObject({ filled: 10, total: 15, meetsThreshold: true });
    expect(at(10).ratio).toBeCloseTo(2 / 3);
  });

  it('refuses a config with a repeated item id or a gate outside 1–4', () => {
    const item = { id: 'industry', label: null, source: null };
    expect(
      QualificationConfig.safeParse({ bantGate: 2, profileThreshold: 0.5, profileItems: [item, item] })
        .success,
    ).toBe(false);
    expect(
      QualificationConfig.safeParse({ bantGate: 0, profileThreshold: 0.5, profileItems: [item] }).success,
    ).toBe(false);
  });
});

describe('hand-off readiness', () => {
  const base = { status: 'working' as const, onDncList: false, confirmed: 2, required: 2 };
  it('is open at the gate and refuses below it', () => {
    expect(handoffReadiness(base).blockedBy).toBeNull();
    expect(handoffReadiness({ ...base, confirmed: 1 }).blockedBy).toBe('handoff_bant_gate');
  });
  it('puts do-not-contact before every other reason', () => {
    expect(handoffReadiness({ ...base, onDncList: true, confirmed: 0 }).blockedBy).toBe(
      'handoff_do_not_contact',
    );
    expect(handoffReadiness({ ...base, status: 'do_not_contact' }).blockedBy).toBe('handoff_do_not_contact');
  });
  it.each([
    ['mql', 'handoff_already_handed_off'],
    ['sql', 'handoff_already_handed_off'],
    ['won', 'handoff_already_handed_off'],
    ['lost', 'handoff_lead_closed'],
    ['disqualified', 'handoff_lead_closed'],
    ['nurture', null],
    ['new', null],
  ] as const)('a %s lead: %s', (status, code) => {
    expect(handoffReadiness({ ...base, status }).blockedBy).toBe(code);
  });
  it('lets an MQL with no hand-off on record (marked by an outcome) be handed off, once', () => {
    expect(handoffReadiness({ ...base, status: 'mql', handedOff: false }).blockedBy).toBeNull();
    expect(handoffReadiness({ ...base, status: 'mql', handedOff: true }).blockedBy).toBe(
      'handoff_already_handed_off',
    );
    expect(handoffReadiness({ ...base, status: 'sql', handedOff: false }).blockedBy).toBe(
      'handoff_already_handed_off',
    );
  });
});
