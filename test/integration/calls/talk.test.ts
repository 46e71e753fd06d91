import { activityMutations } from '@shared/sync/mutations/activities';
import type { TalkMetrics } from '@shared/talk/metrics';
import { describe, expect, it } from 'vitest';
import { MINUTE, openHarness, outboxRows, utc } from '../cadence/helpers';

// A call's talk/listen figures travel with its outcome: on the activity, in the call history and in
// the synced mutation, on a real store.

const T = utc('2025-03-11T15:00:00Z');
const CALL = '0195846a-2222-7000-8000-000000000001';

const TALK: TalkMetrics = {
  durationSeconds: 184.5,
  repTalkSeconds: 52.25,
  prospectTalkSeconds: 101.5,
  repTalkShare: 52.25 / (52.25 + 101.5),
  longestRepMonologueSeconds: 21.75,
  meanPatienceSeconds: 1.4,
  interruptions: 2,
};

/** The `activity.create` mutations the outbox holds, as the server will receive them. */
const activityCreates = (core: Parameters<typeof outboxRows>[0]) =>
  outboxRows(core).flatMap((row) =>
    (row.args.changes ?? [{ name: row.name, args: row.args }]).filter((c) => c.name === 'activity.create'),
  );

describe('talk metrics on the call activity', () => {
  it('keeps the metrics, the provider and the duration on the activity, its history entry and its mutation', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Jo Park' });
    await h.call('outcomes.log', {
      leadId: lead,
      outcome: 'not_interested',
      callId: CALL,
      durationSeconds: 185,
      talk: TALK,
      provider: 'practice',
      at: T,
    });
    const { activities } = await h.call('history.list', { leadId: lead });
    expect(activities[0]).toMatchObject({ durationSeconds: 185, talk: TALK, provider: 'practice' });

    const [created] = activityCreates(h.core);
    expect(created?.args).toMatchObject({ data: { talk: TALK, provider: 'practice', durationSeconds: 185 } });
    // The wire schema the server validates with accepts it unchanged.
    const parsed = activityMutations['activity.create'].parse(created?.args);
    expect(parsed.data).toMatchObject({ talk: TALK, provider: 'practice' });
  });

  it('logs a call without metrics as before: no talk, no provider', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Ana Ruiz' });
    await h.call('outcomes.log', { leadId: lead, outcome: 'no_answer', at: T + MINUTE });
    const { activities } = await h.call('history.list', { leadId: lead });
    expect(activities[0]).toMatchObject({ talk: null, provider: null, durationSeconds: null });
    const [created] = activityCreates(h.core);
    expect(created?.args).not.toHaveProperty('data.talk');
  });

  it('refuses metrics that are not figures a meter can give, and logs nothing', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Lee Min' });
    const refused = await h.fail('outcomes.log', {
      leadId: lead,
      outcome: 'not_interested',
      talk: { ...TALK, repTalkShare: 1.4 },
      at: T,
    });
    expect(refused.code).toBe('invalid_input');
    expect(h.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
  });
});
