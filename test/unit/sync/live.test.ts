import { describe, expect, it } from 'vitest';
import { parseEventText } from '../../../src/main/core/sync/live';
import { parseTeamChange } from '../../../src/server/sync/team-changes';

describe('reading the live change stream', () => {
  it('splits complete events, keeps a partial one for the next chunk, and reads comments as heartbeats', () => {
    const text =
      'retry: 1000\nevent: ready\ndata: {"teamId":"a","version":3}\n\n: heartbeat 1\n\nid: 4\r\nevent: change\r\ndata: {"v":4}\r\n\r\nevent: cha';
    const { events, rest } = parseEventText(text);
    expect(events).toEqual([
      { name: 'ready', data: '{"teamId":"a","version":3}' },
      { name: 'heartbeat', data: '' },
      { name: 'change', data: '{"v":4}' },
    ]);
    expect(rest).toBe('event: cha');
    expect(parseEventText(`${rest}nge\ndata: x\ndata: y\n\n`).events).toEqual([
      { name: 'change', data: 'x\ny' },
    ]);
  });

  it('reads a team change announcement and refuses anything else', () => {
    expect(parseTeamChange('0190A2B3-0000-7000-8000-000000000001:42')).toEqual({
      teamId: '0190a2b3-0000-7000-8000-000000000001',
      version: 42,
    });
    expect(parseTeamChange('0190a2b3-0000-7000-8000-000000000001')).toBeNull();
    expect(parseTeamChange('not-a-team:1')).toBeNull();
    expect(parseTeamChange(undefined)).toBeNull();
  });
});
