import { formatHlc } from '@shared/hlc';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../store/teams';
import { nextVersion } from '../sync/versions';

/** A call the voice webhook bridged (migration 7's `twilio_calls`). */
export type TwilioCall = {
  callSid: string;
  teamId: string;
  prospectCallSid: string | null;
  leadId: string;
  userId: string;
  activityId: string;
  to: string;
  callerId: string;
  recorded: boolean;
  dropRequested: boolean;
  answeredBy: string | null;
  droppedAt: number | null;
  status: string;
  durationSeconds: number | null;
  createdAt: number;
};

type CallRow = {
  call_sid: string;
  team_id: string;
  prospect_call_sid: string | null;
  lead_id: string;
  user_id: string;
  activity_id: string;
  to_e164: string;
  caller_id: string;
  recorded: boolean;
  drop_requested: boolean;
  answered_by: string | null;
  dropped_at: string | null;
  status: string;
  duration_seconds: number | null;
  created_at: string;
};

const callOf = (row: CallRow): TwilioCall => ({
  callSid: row.call_sid,
  teamId: row.team_id,
  prospectCallSid: row.prospect_call_sid,
  leadId: row.lead_id,
  userId: row.user_id,
  activityId: row.activity_id,
  to: row.to_e164,
  callerId: row.caller_id,
  recorded: row.recorded,
  dropRequested: row.drop_requested,
  answeredBy: row.answered_by,
  droppedAt: row.dropped_at === null ? null : Number(row.dropped_at),
  status: row.status,
  durationSeconds: row.duration_seconds,
  createdAt: Number(row.created_at),
});

/** Call statuses after which Twilio sends nothing more for that leg. */
export const FINAL_CALL_STATUSES: ReadonlySet<string> = new Set([
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);

/** AMD verdicts (`AnsweredBy`) that mean a voicemail greeting has ended: the moment to drop. */
export const GREETING_ENDED: ReadonlySet<string> = new Set(['machine_end_beep', 'machine_end_silence']);

/** The call whose rep's leg is `callSid`, or null. */
export const findCall = async (db: pg.Pool | pg.PoolClient, callSid: string): Promise<TwilioCall | null> => {
  const { rows } = await db.query<CallRow>('SELECT * FROM twilio_calls WHERE call_sid = $1', [callSid]);
  return rows[0] ? callOf(rows[0]) : null;
};

/** A lead as the voice webhook needs it: owner, phones and place fields. */
export type DialledLead = { ownerId: string | null; phones: string[]; fields: Record<string, unknown> };

/** The team's lead `leadId` (server's `leads`, migration 3), or null. */
export const findLead = async (
  pool: pg.Pool,
  teamId: string,
  leadId: string,
): Promise<DialledLead | null> => {
  const { rows } = await pool.query<{
    owner_id: string | null;
    phones_e164: string[];
    fields: Record<string, unknown>;
  }>('SELECT owner_id, phones_e164, fields FROM leads WHERE team_id = $1 AND id = $2', [teamId, leadId]);
  const row = rows[0];
  return row ? { ownerId: row.owner_id, phones: row.phones_e164, fields: row.fields } : null;
};

/** The rep's recorded voicemail message (`twilio_voicemail_drops`), or null. */
export const voicemailDropUrl = async (
  pool: pg.Pool,
  teamId: string,
  userId: string,
): Promise<string | null> => {
  const { rows } = await pool.query<{ url: string }>(
    'SELECT url FROM twilio_voicemail_drops WHERE team_id = $1 AND user_id = $2',
    [teamId, userId],
  );
  return rows[0]?.url ?? null;
};

/** Sets (or replaces) the rep's recorded voicemail message: an https URL Twilio fetches to play it. */
export const saveVoicemailDrop = async (
  pool: pg.Pool,
  teamId: string,
  userId: string,
  url: string,
  now: number,
): Promise<void> => {
  await pool.query(
    `INSERT INTO twilio_voicemail_drops (team_id, user_id, url, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team_id, user_id) DO UPDATE SET url = $3, updated_at = $4`,
    [teamId, userId, url, now],
  );
};

/**
 * Records the call the voice webhook is bridging, once: a repeated webhook for the same CallSid (a
 * Twilio retry) finds the first row and answers the same plan. Returns the row as stored.
 */
export const recordCall = async (
  pool: pg.Pool,
  call: Omit<
    TwilioCall,
    'prospectCallSid' | 'activityId' | 'answeredBy' | 'droppedAt' | 'status' | 'durationSeconds'
  >,
): Promise<TwilioCall> => {
  await pool.query(
    `INSERT INTO twilio_calls (call_sid, team_id, lead_id, user_id, activity_id, to_e164, caller_id, recorded,
       drop_requested, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'initiated', $10, $10) ON CONFLICT (call_sid) DO NOTHING`,
    [
      call.callSid,
      call.teamId,
      call.leadId,
      call.userId,
      uuidv7(),
      call.to,
      call.callerId,
      call.recorded,
      call.dropRequested,
      call.createdAt,
    ],
  );
  const stored = await findCall(pool, call.callSid);
  if (stored === null) throw new Error(`The call ${call.callSid} was not stored.`);
  return stored;
};

/** The server's own stamp for a row no desktop wrote: wall time `now`, node `server`. */
const serverHlc = (now: number): string => formatHlc({ wall: now, counter: 0 }, 'server');

/**
 * Writes the call's activity in the caller's transaction, once (its id is the call's `activity_id`):
 * kind `voicemail` with outcome `voicemail` when the rep's message was dropped, else kind `call` with
 * outcome `busy`/`no_answer` for those statuses and null otherwise (the rep logs the disposition).
 * `data`: `{provider, callSid, prospectCallSid, status, durationSeconds, answeredBy, recorded, to,
 * callerId, voicemailDropped}`. Carries a `change_version` from `nextVersion` (for pull).
 */
const writeCallActivity = async (client: pg.PoolClient, call: TwilioCall, now: number): Promise<void> => {
  const dropped = call.droppedAt !== null;
  const outcome = dropped
    ? 'voicemail'
    : call.status === 'busy'
      ? 'busy'
      : call.status === 'no-answer'
        ? 'no_answer'
        : null;
  const data = {
    provider: 'twilio',
    callSid: call.callSid,
    prospectCallSid: call.prospectCallSid,
    status: call.status,
    durationSeconds: call.durationSeconds,
    answeredBy: call.answeredBy,
    recorded: call.recorded,
    to: call.to,
    callerId: call.callerId,
    voicemailDropped: dropped,
  };
  const exists = await client.query('SELECT 1 FROM activities WHERE team_id = $1 AND id = $2', [
    call.teamId,
    call.activityId,
  ]);
  if ((exists.rowCount ?? 0) > 0) return;
  const version = await nextVersion(client, call.teamId);
  await client.query(
    `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
       occurred_at, hlc, change_version, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11, $12) ON CONFLICT (team_id, id) DO NOTHING`,
    [
      call.teamId,
      call.activityId,
      call.leadId,
      call.userId,
      uuidv7(),
      dropped ? 'voicemail' : 'call',
      outcome,
      JSON.stringify(data),
      call.createdAt,
      serverHlc(now),
      version,
      now,
    ],
  );
};

/** One status callback as Twilio posts it (the form fields that matter here). */
export type StatusEvent = {
  callSid: string;
  status: string;
  durationSeconds: number | null;
  params: Record<string, string>;
};

/**
 * Applies one status callback for `call` in one transaction, once per (CallSid, status): a retry finds
 * its event row and changes nothing (returns false). A callback for another leg than the rep's is the
 * prospect's leg. The call's activity is written when its deciding leg ends — the prospect's leg, or
 * the rep's leg when no prospect leg was ever dialled — with the leg's final status and duration.
 */
export const applyStatus = (
  pool: pg.Pool,
  callSid: string,
  event: StatusEvent,
  now: number,
): Promise<boolean> =>
  inTransaction(pool, async (client) => {
    const inserted = await client.query(
      `INSERT INTO twilio_call_events (call_sid, status, parent_call_sid, params, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (call_sid, status) DO NOTHING`,
      [event.callSid, event.status, callSid, JSON.stringify(event.params), now],
    );
    if (inserted.rowCount === 0) return false;
    const { rows } = await client.query<CallRow>(
      'SELECT * FROM twilio_calls WHERE call_sid = $1 FOR UPDATE',
      [callSid],
    );
    const row = rows[0];
    if (!row) return false;
    let call = callOf(row);
    const prospectLeg = event.callSid !== callSid;
    const deciding = prospectLeg || call.prospectCallSid === null;
    if (deciding && !FINAL_CALL_STATUSES.has(call.status)) {
      call = {
        ...call,
        prospectCallSid: prospectLeg ? event.callSid : call.prospectCallSid,
        status: event.status,
        durationSeconds: event.durationSeconds ?? call.durationSeconds,
      };
      await client.query(
        `UPDATE twilio_calls SET prospect_call_sid = $2, status = $3, duration_seconds = $4, updated_at = $5
          WHERE call_sid = $1`,
        [callSid, call.prospectCallSid, call.status, call.durationSeconds, now],
      );
    }
    if (deciding && FINAL_CALL_STATUSES.has(event.status)) await writeCallActivity(client, call, now);
    return true;
  });

/**
 * Applies one AMD callback (`AnsweredBy`) once per (CallSid, verdict) and decides the drop in the same
 * transaction: when the greeting has ended and the rep asked to drop, `dropped_at` is claimed (only
 * one callback or request ever claims it). Returns the call and whether this caller must now play the
 * message; `null` for a repeated callback.
 */
export const applyAmd = (
  pool: pg.Pool,
  callSid: string,
  prospectCallSid: string,
  answeredBy: string,
  params: Record<string, string>,
  now: number,
): Promise<{ call: TwilioCall; drop: boolean } | null> =>
  inTransaction(pool, async (client) => {
    const inserted = await client.query(
      `INSERT INTO twilio_call_events (call_sid, status, parent_call_sid, params, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (call_sid, status) DO NOTHING`,
      [prospectCallSid, `amd:${answeredBy}`, callSid, JSON.stringify(params), now],
    );
    if (inserted.rowCount === 0) return null;
    await client.query(
      `UPDATE twilio_calls SET answered_by = $2, prospect_call_sid = coalesce(prospect_call_sid, $3), updated_at = $4
        WHERE call_sid = $1`,
      [callSid, answeredBy, prospectCallSid, now],
    );
    const drop = GREETING_ENDED.has(answeredBy) ? await claimDrop(client, callSid, now) : false;
    const call = await findCall(client, callSid);
    if (call === null) return null;
    return { call, drop };
  });

/** Claims the drop for a call whose rep asked for it and whose message has not played: true once. */
const claimDrop = async (client: pg.PoolClient, callSid: string, now: number): Promise<boolean> => {
  const claimed = await client.query(
    `UPDATE twilio_calls SET dropped_at = $2, updated_at = $2
      WHERE call_sid = $1 AND drop_requested AND dropped_at IS NULL AND prospect_call_sid IS NOT NULL`,
    [callSid, now],
  );
  return (claimed.rowCount ?? 0) > 0;
};

/**
 * The rep asks to drop their voicemail on `callSid`: marks the ask and, when the greeting has already
 * ended, claims the drop at once. Returns the call and whether this caller must now play the message.
 */
export const requestDrop = (
  pool: pg.Pool,
  callSid: string,
  now: number,
): Promise<{ call: TwilioCall; drop: boolean } | null> =>
  inTransaction(pool, async (client) => {
    const updated = await client.query(
      'UPDATE twilio_calls SET drop_requested = true, updated_at = $2 WHERE call_sid = $1 RETURNING answered_by',
      [callSid, now],
    );
    if (updated.rowCount === 0) return null;
    const answeredBy = (updated.rows[0] as { answered_by: string | null }).answered_by;
    const drop =
      answeredBy !== null && GREETING_ENDED.has(answeredBy) ? await claimDrop(client, callSid, now) : false;
    const call = await findCall(client, callSid);
    return call === null ? null : { call, drop };
  });

/** A finished recording as Twilio reports it: SID, media address, length and channel count. */
export type Recording = { sid: string; url: string; durationSeconds: number | null; channels: number | null };

/**
 * Stores where the call's recording is, once: a repeated callback (or one for a second recording of
 * the same call) leaves the first as it is. Returns whether this callback stored it.
 */
export const applyRecording = async (
  pool: pg.Pool,
  callSid: string,
  recording: Recording,
  now: number,
): Promise<boolean> => {
  const stored = await pool.query(
    `UPDATE twilio_calls SET recording_sid = $2, recording_url = $3, recording_duration_seconds = $4,
       recording_channels = $5, updated_at = $6
     WHERE call_sid = $1 AND recording_sid IS NULL`,
    [callSid, recording.sid, recording.url, recording.durationSeconds, recording.channels, now],
  );
  return (stored.rowCount ?? 0) > 0;
};

/** Gives a claimed drop back when playing the message failed, so the rep can ask again. */
export const releaseDrop = async (pool: pg.Pool, callSid: string): Promise<void> => {
  await pool.query('UPDATE twilio_calls SET dropped_at = NULL WHERE call_sid = $1', [callSid]);
};

/** A user's team, or null for an unknown user id. */
export const findUser = async (pool: pg.Pool, userId: string): Promise<{ teamId: string } | null> => {
  const { rows } = await pool.query<{ team_id: string }>('SELECT team_id FROM users WHERE id = $1', [userId]);
  return rows[0] ? { teamId: rows[0].team_id } : null;
};
