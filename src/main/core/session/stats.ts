import type { SessionStats } from '@shared/domain/session';
import { localDateOf, nextLocalMidnight, startOfLocalDay } from '@shared/queue/clock';
import type { Services } from '../queue/services';

type CallRow = { lead_id: string; outcome: string | null; data: string | null };

/** Outcomes where a person other than the prospect answered: a connect, but no conversation. */
const ANSWERED_BY_SOMEONE_ELSE = new Set(['gatekeeper', 'wrong_number']);

const parseData = (
  data: string | null,
): { durationSeconds?: unknown; status?: unknown; statusBefore?: unknown } => {
  if (!data) return {};
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
};

export type SessionStatsReader = ReturnType<typeof createSessionStats>;

/**
 * `session.stats`: the rep's day so far, counted from activities whose `occurred_at` falls in the rep's
 * calendar day (their calling rules' time zone, else this computer's), so a call at 23:59 and one at
 * 00:01 local land on different days whatever the UTC date. Voided calls are left out. See
 * `SessionStats` for what each figure counts.
 */
export const createSessionStats = (svc: Services) => {
  const { db } = svc;
  const calls = db.prepare<[number, number], CallRow>(
    `SELECT lead_id, outcome, data FROM activities
       WHERE kind = 'call' AND voided_at IS NULL AND occurred_at >= ? AND occurred_at < ?`,
  );
  const countKind = db
    .prepare<[string, number, number], number>(
      'SELECT count(*) FROM activities WHERE kind = ? AND occurred_at >= ? AND occurred_at < ?',
    )
    .pluck();
  const handoffLeads = db
    .prepare<[number, number], string>(
      'SELECT lead_id FROM handoffs WHERE created_at >= ? AND created_at < ?',
    )
    .pluck();

  return (at: number): SessionStats => {
    const { rules, repZone } = svc.rules.get();
    const dayStart = startOfLocalDay(repZone, localDateOf(repZone, at));
    const dayEnd = nextLocalMidnight(repZone, at);
    let dials = 0;
    let connects = 0;
    let conversations = 0;
    let talkSeconds = 0;
    let voicemails = 0;
    const mqlLeads = new Set<string>();
    for (const row of calls.all(dayStart, dayEnd)) {
      dials++;
      const outcome = row.outcome ? svc.outcomes.get(row.outcome) : undefined;
      if (outcome?.connected) {
        conversations++;
        connects++;
      } else if (row.outcome && ANSWERED_BY_SOMEONE_ELSE.has(row.outcome)) {
        connects++;
      }
      if (row.outcome === 'voicemail') voicemails++;
      const data = parseData(row.data);
      if (typeof data.durationSeconds === 'number' && data.durationSeconds > 0)
        talkSeconds += data.durationSeconds;
      if (data.status === 'mql' && data.statusBefore !== 'mql') mqlLeads.add(row.lead_id);
    }
    for (const leadId of handoffLeads.all(dayStart, dayEnd)) mqlLeads.add(leadId);
    const target = rules.dailyDialTarget;
    return {
      at,
      timeZone: repZone,
      dayStart,
      dayEnd,
      dials,
      connects,
      conversations,
      talkSeconds: Math.round(talkSeconds),
      voicemails,
      mqls: mqlLeads.size,
      skips: countKind.get('skip', dayStart, dayEnd) ?? 0,
      snoozes: countKind.get('snooze', dayStart, dayEnd) ?? 0,
      target,
      progress: target > 0 ? Math.min(1, dials / target) : 0,
    };
  };
};
