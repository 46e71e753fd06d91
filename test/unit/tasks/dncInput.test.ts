import { describe, expect, it } from 'vitest';
import { filterDnc } from '../../../src/shared/tasks/dncFilter';
import { readDncInput } from '../../../src/shared/tasks/dncInput';
import { isAllowedStepUrl } from '../../../src/shared/tasks/stepUrls';

describe('readDncInput', () => {
  it('reads a phone number in any written form as E.164, in the default region', () => {
    expect(readDncInput('(415) 555-0100', 'US')).toEqual({ kind: 'phone', value: '+14155550100' });
    expect(readDncInput('010 1234 5678', 'KR')).toEqual({ kind: 'phone', value: '+821012345678' });
    expect(readDncInput('+86 138 0013 8001', 'US')).toEqual({ kind: 'phone', value: '+8613800138001' });
  });

  it('reads an email address and a whole domain, lowercased', () => {
    expect(readDncInput(' Jo@Acme.COM ', 'US')).toEqual({ kind: 'email', value: 'jo@acme.com' });
    expect(readDncInput('@Acme.com', 'US')).toEqual({ kind: 'domain', value: 'acme.com' });
  });

  it('answers null for what is neither', () => {
    expect(readDncInput('', 'US')).toBeNull();
    expect(readDncInput('not a number', 'US')).toBeNull();
    expect(readDncInput('555', 'US')).toBeNull();
    expect(readDncInput('jo@', 'US')).toBeNull();
  });
});

describe('filterDnc', () => {
  const entry = (value: string, reason: string | null) => ({
    id: value,
    kind: 'email' as const,
    value,
    reason,
    leadId: null,
    createdAt: 0,
  });
  const entries = [entry('jo@acme.com', 'Asked not to be called'), entry('ana@iberica.es', null)];

  it('matches the value or the reason, ignoring case; an empty query keeps all', () => {
    expect(filterDnc(entries, 'ACME').map((e) => e.value)).toEqual(['jo@acme.com']);
    expect(filterDnc(entries, 'asked').map((e) => e.value)).toEqual(['jo@acme.com']);
    expect(filterDnc(entries, '  ')).toHaveLength(2);
    expect(filterDnc(entries, 'nobody')).toEqual([]);
  });
});

describe('isAllowedStepUrl', () => {
  it('lets a step open only mailto: and LinkedIn over https', () => {
    expect(isAllowedStepUrl('mailto:jo@acme.com?subject=Hi')).toBe(true);
    expect(isAllowedStepUrl('https://www.linkedin.com/search/results/people/?keywords=Jo')).toBe(true);
    expect(isAllowedStepUrl('http://www.linkedin.com/in/jo')).toBe(false);
    expect(isAllowedStepUrl('https://www.linkedin.com.evil.example/')).toBe(false);
    expect(isAllowedStepUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedStepUrl('file:///etc/passwd')).toBe(false);
  });
});
