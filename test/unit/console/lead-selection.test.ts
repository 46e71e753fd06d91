import { describe, expect, it } from 'vitest';
import { leadsPath } from '../../../src/console/src/features/assignment/leadQuery';
import {
  applyKey,
  emptySelection,
  extendTo,
  toggleAt,
} from '../../../src/console/src/features/assignment/selection';
import { weekdaysText } from '../../../src/console/src/features/assignment/weekdays';

const ids = ['a', 'b', 'c', 'd', 'e'];
const key = (
  name: string,
  mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});
const chosen = (state: { chosen: ReadonlySet<string> }) => [...state.chosen].sort();

describe('the lead list selection', () => {
  it('moves the cursor with arrows, Home and End, and stops at the ends', () => {
    let state = emptySelection();
    state = applyKey(state, ids, key('ArrowUp')) ?? state;
    expect(state.cursor).toBe(0);
    state = applyKey(state, ids, key('End')) ?? state;
    expect(state.cursor).toBe(4);
    state = applyKey(state, ids, key('ArrowDown')) ?? state;
    expect(state.cursor).toBe(4);
    state = applyKey(state, ids, key('Home')) ?? state;
    expect([state.cursor, chosen(state)]).toEqual([0, []]);
  });

  it('chooses with Space, unchooses with Space again, and extends with Shift+arrows', () => {
    let state = applyKey(emptySelection(), ids, key(' ')) ?? emptySelection();
    expect(chosen(state)).toEqual(['a']);
    state = applyKey(state, ids, key('ArrowDown', { shiftKey: true })) ?? state;
    state = applyKey(state, ids, key('ArrowDown', { shiftKey: true })) ?? state;
    expect(chosen(state)).toEqual(['a', 'b', 'c']);
    state = applyKey(state, ids, key(' ')) ?? state;
    expect(chosen(state)).toEqual(['a', 'b']);
    // Shift+Down from an unchosen row chooses it and the next.
    state = applyKey(state, ids, key('ArrowDown')) ?? state;
    state = applyKey(state, ids, key('ArrowDown', { shiftKey: true })) ?? state;
    expect(chosen(state)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('extends from the anchor on Shift+click, in either direction, keeping earlier choices', () => {
    let state = toggleAt(emptySelection(), ids, 3);
    state = extendTo(state, ids, 1);
    expect(chosen(state)).toEqual(['b', 'c', 'd']);
    state = toggleAt(state, ids, 0);
    expect(chosen(state)).toEqual(['a', 'b', 'c', 'd']);
    expect(state.anchor).toBe(0);
  });

  it('chooses the page on Ctrl+A or Cmd+A, keeps choices from other pages, and ignores other keys', () => {
    const other = toggleAt(emptySelection(), ['z'], 0);
    expect(chosen(applyKey(other, ids, key('a', { ctrlKey: true })) ?? other)).toEqual([...ids, 'z']);
    expect(chosen(applyKey(other, ids, key('A', { metaKey: true })) ?? other)).toEqual([...ids, 'z']);
    expect(applyKey(other, ids, key('a'))).toBeNull();
    expect(applyKey(other, ids, key('Enter'))).toBeNull();
    expect(applyKey(other, [], key('ArrowDown'))).toBeNull();
  });
});

describe('the lead list query', () => {
  it('asks for one page with the search, owner and status the manager chose', () => {
    const team = '0190b5a0-0000-7000-8000-000000000001';
    expect(leadsPath(team, { q: '  acme ', owner: 'any', status: 'any', offset: 50 })).toBe(
      `/v1/teams/${team}/leads?limit=50&offset=50&q=acme`,
    );
    expect(leadsPath(team, { q: '', owner: 'none', status: 'working', offset: 0 })).toBe(
      `/v1/teams/${team}/leads?limit=50&offset=0&unassigned=true&status=working`,
    );
    expect(leadsPath(team, { q: '+1 312', owner: team, status: 'any', offset: 0 })).toBe(
      `/v1/teams/${team}/leads?limit=50&offset=0&q=%2B1+312&owner=${team}`,
    );
  });
});

describe('shift days as text', () => {
  it('joins runs of three or more days and names the rest, in the interface language', () => {
    expect(weekdaysText(['mon', 'tue', 'wed', 'thu', 'fri'], 'en')).toBe('Mon–Fri');
    expect(weekdaysText(['mon', 'tue', 'thu', 'sat', 'sun'], 'en')).toBe('Mon, Tue, Thu, Sat, Sun');
    expect(weekdaysText(['mon', 'wed', 'thu', 'fri', 'sun'], 'en')).toBe('Mon, Wed–Fri, Sun');
    expect(weekdaysText(['mon', 'tue', 'wed'], 'ko')).toBe('월–수');
    expect(weekdaysText(['sat'], 'zh-CN')).toBe('周六');
  });
});
