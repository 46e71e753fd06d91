import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  joinMutations,
  MutationEnvelope,
  mutationIssues,
  SYNC_PROTOCOL_VERSION,
} from '../../../src/shared/sync';

const V7 = '01939b3a-6b7c-7def-8abc-0123456789ab';
const HLC = '0000000000a:00000:0123456789abcdef';

describe('mutation schemas', () => {
  it('refuses two domains declaring one mutation name', () => {
    const a = { 'lead.setFit': z.object({}) };
    const b = { 'lead.setFit': z.object({ id: z.string() }) };
    expect(() => joinMutations(a, b)).toThrow('Mutation "lead.setFit" is declared twice');
    expect(Object.keys(joinMutations(a, { 'lead.other': z.object({}) }))).toEqual([
      'lead.setFit',
      'lead.other',
    ]);
  });

  it('accepts an envelope with a UUIDv7 id, a known name, matching args and an HLC stamp', () => {
    const envelope = { id: V7, name: 'cadence.delete', args: { id: V7 }, hlc: HLC };
    expect(MutationEnvelope.parse(envelope)).toEqual(envelope);
  });

  it.each([
    ['a UUIDv4 id', { id: '550e8400-e29b-41d4-a716-446655440000' }],
    ['an unknown name', { name: 'lead.delete' }],
    ['args of another mutation', { args: { leadId: V7, body: 'x', updatedAt: 1 } }],
    ['a stamp that is not an HLC', { hlc: '2026-03-02T15:00:00Z' }],
    ['a field the schema does not know', { extra: true }],
  ])('refuses an envelope with %s', (_label, change) => {
    const envelope = { id: V7, name: 'cadence.delete', args: { id: V7 }, hlc: HLC, ...change };
    expect(MutationEnvelope.safeParse(envelope).success).toBe(false);
  });

  it('names what is wrong with args, and an unknown name', () => {
    expect(mutationIssues('lead.setStatus', { id: V7, status: 'hot', updatedAt: 1 })).toMatch(/^status: /);
    expect(mutationIssues('lead.setStatus', { id: V7, status: 'working', updatedAt: 1 })).toBeNull();
    expect(mutationIssues('lead.erase', {})).toBe('unknown mutation "lead.erase"');
  });

  it('refuses times that are not whole epoch milliseconds', () => {
    for (const updatedAt of [-1, 1.5, Number.NaN, 9e15]) {
      expect(mutationIssues('research.set', { leadId: V7, body: '', updatedAt })).toMatch(/^updatedAt: /);
    }
  });

  it('has a positive whole protocol version', () => {
    expect(Number.isInteger(SYNC_PROTOCOL_VERSION) && SYNC_PROTOCOL_VERSION > 0).toBe(true);
  });
});
