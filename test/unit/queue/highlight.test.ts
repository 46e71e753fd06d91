import type { QueueEntry } from '@shared/domain/queue';
import { describe, expect, it } from 'vitest';
import { keptHighlight } from '../../../src/renderer/src/features/queue/state/highlight';

/** Only the lead id matters to the highlight; the rest of an entry is not read. */
const list = (...ids: string[]): QueueEntry[] => ids.map((id) => ({ lead: { id } }) as unknown as QueueEntry);

describe('the queue highlight across a refresh', () => {
  it('stays on its lead when the lead is still listed, wherever it moved', () => {
    expect(keptHighlight(list('a', 'b', 'c'), list('c', 'b', 'a'), 'b')).toBe('b');
    expect(keptHighlight(list('a', 'b', 'c'), list('c', 'a'), 'a')).toBe('a');
  });

  it('moves to the entry that took its place when its lead left the list', () => {
    expect(keptHighlight(list('a', 'b', 'c', 'd'), list('a', 'c', 'd'), 'b')).toBe('c');
    expect(keptHighlight(list('a', 'b', 'c'), list('b', 'c'), 'a')).toBe('b');
  });

  it('falls back to the last entry when the last one left, and to nothing when the list emptied', () => {
    expect(keptHighlight(list('a', 'b', 'c'), list('a', 'b'), 'c')).toBe('b');
    expect(keptHighlight(list('a'), list(), 'a')).toBeNull();
  });

  it('keeps no highlight when there was none, or when the old list never held it', () => {
    expect(keptHighlight(list('a', 'b'), list('b'), null)).toBeNull();
    expect(keptHighlight(list('a', 'b'), list('b'), 'zz')).toBeNull();
  });
});
