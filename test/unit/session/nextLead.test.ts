import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadAhead } from '../../../src/renderer/src/api/readAhead';
import {
  afterNextLead,
  holdForNextLead,
  releaseNextLead,
} from '../../../src/renderer/src/features/session/state/nextLeadGate';

afterEach(() => {
  releaseNextLead();
  vi.useRealTimers();
});

describe('reads held for the next lead', () => {
  it('run at once when no session is moving', () => {
    const ran: string[] = [];
    afterNextLead(() => ran.push('list'));
    expect(ran).toEqual(['list']);
  });

  it('wait while the next lead is on its way, then run once each, in order', () => {
    const ran: string[] = [];
    holdForNextLead();
    afterNextLead(() => ran.push('list'));
    afterNextLead(() => ran.push('figures'));
    expect(ran).toEqual([]);
    releaseNextLead();
    expect(ran).toEqual(['list', 'figures']);
    releaseNextLead();
    expect(ran).toEqual(['list', 'figures']);
  });

  it('run after two seconds when the next lead never lands', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    holdForNextLead();
    afterNextLead(() => ran.push('list'));
    vi.advanceTimersByTime(1_999);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['list']);
  });
});

describe('answers read ahead', () => {
  it('are handed to the first reader only', async () => {
    const ahead = createReadAhead<string>();
    ahead.put('lead-1', Promise.resolve('Ada'));
    expect(await ahead.take('lead-1')).toBe('Ada');
    expect(ahead.take('lead-1')).toBeUndefined();
    expect(ahead.take('lead-2')).toBeUndefined();
  });

  it('go stale after their time, so an unused answer never shows old data', () => {
    vi.useFakeTimers();
    const ahead = createReadAhead<string>(5_000);
    ahead.put('lead-1', Promise.resolve('Ada'));
    vi.advanceTimersByTime(5_001);
    expect(ahead.take('lead-1')).toBeUndefined();
  });

  it('keep a failed answer from surfacing as an unhandled rejection', async () => {
    const ahead = createReadAhead<string>();
    ahead.put('lead-1', Promise.reject(new Error('disconnected')));
    await expect(ahead.take('lead-1')).rejects.toThrow('disconnected');
  });
});
