import { describe, expect, it } from 'vitest';
import {
  createNoticeGate,
  MAX_SHOWN_AFTER_QUIET,
  type Notice,
} from '../../../src/renderer/src/features/notifications/utils/noticeGate';

const notice = (key: string): Notice => ({
  key,
  title: `Title ${key}`,
  body: '',
  target: { opens: 'lead', leadId: '01966a1c-0000-7000-8000-000000000001' },
});

const gateWithLog = () => {
  const shown: string[] = [];
  const gate = createNoticeGate((n) => shown.push(n.key));
  return { gate, shown };
};

describe('the notice gate', () => {
  it('shows a notice at once, and the same key only once', () => {
    const { gate, shown } = gateWithLog();
    expect(gate.offer(notice('callback:t1@100'))).toBe('shown');
    expect(gate.offer(notice('callback:t1@100'))).toBe('duplicate');
    // The same callback moved to another time is news again.
    expect(gate.offer(notice('callback:t1@200'))).toBe('shown');
    expect(shown).toEqual(['callback:t1@100', 'callback:t1@200']);
  });

  it('holds notices while quiet and shows them when quiet ends, each once', () => {
    const { gate, shown } = gateWithLog();
    gate.setQuiet(true);
    expect(gate.offer(notice('arrived:a'))).toBe('held');
    expect(gate.offer(notice('rejected:r1'))).toBe('held');
    // Offered again while held: still one.
    expect(gate.offer(notice('arrived:a'))).toBe('held');
    expect(shown).toEqual([]);
    expect(gate.held().map((n) => n.key)).toEqual(['rejected:r1', 'arrived:a']);
    gate.setQuiet(false);
    expect(shown).toEqual(['rejected:r1', 'arrived:a']);
    expect(gate.held()).toEqual([]);
    expect(gate.offer(notice('arrived:a'))).toBe('duplicate');
    // Quiet said twice, or loud said twice, changes nothing.
    gate.setQuiet(false);
    expect(shown).toHaveLength(2);
  });

  it('shows only the newest few after a long quiet spell, and never the older ones later', () => {
    const { gate, shown } = gateWithLog();
    gate.setQuiet(true);
    const keys = Array.from({ length: MAX_SHOWN_AFTER_QUIET + 4 }, (_, i) => `arrived:${i}`);
    for (const key of keys) gate.offer(notice(key));
    gate.setQuiet(false);
    expect(shown).toEqual(keys.slice(-MAX_SHOWN_AFTER_QUIET));
    expect(gate.offer(notice('arrived:0'))).toBe('duplicate');
  });
});
