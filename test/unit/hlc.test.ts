import { formatHlc, parseHlc, receiveHlc, tickHlc } from '@shared/hlc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 50 }),
        (times) => {
          let state = { wall: 0, counter: 0 };
          let previous = formatHlc(state, 'node');
          for (const at of times) {
            state = tickHlc(state, at);
            const text = formatHlc(state, 'node');
            expect(text > previous).toBe(true);
            previous = text;
          }
        },
      ),
    );
  });

  it('orders after a remote timestamp it receives', () => {
    const local = { wall: 1000, counter: 3 };
    const remote = { wall: 5000, counter: 7 };
    const merged = receiveHlc(local, remote, 2000);
    expect(merged).toEqual({ wall: 5000, counter: 8 });
    expect(formatHlc(merged, 'a') > formatHlc(remote, 'b')).toBe(true);
  });

  it('round-trips through its text form', () => {
    const text = formatHlc({ wall: 1_763_000_000_000, counter: 42 }, 'abc123');
    expect(parseHlc(text)).toEqual({ wall: 1_763_000_000_000, counter: 42, nodeId: 'abc123' });
    expect(() => parseHlc('nonsense')).toThrow(/hybrid logical clock/);
  });
});
