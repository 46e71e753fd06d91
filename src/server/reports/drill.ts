import type { DrillItem, DrillPage, DrillQuery, ReportMetric } from '@shared/server/reports';
import type pg from 'pg';
import { ServerError } from '../errors';
import { periodOf } from './periods';
import { readReportSettings } from './settings';

/** The `report_figures` column an activity must count in for each metric (MQLs are hand-offs). */
const FIGURE_COLUMN: Record<Exclude<ReportMetric, 'mqls'>, string> = {
  dials: 'dials',
  connects: 'connects',
  conversations: 'conversations',
  talkSeconds: 'talk_seconds',
  voicemails: 'voicemails',
  emails: 'emails',
};

type Cursor = { at: number; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The keyset cursor: the last item's time and id, as base64url text. */
const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(`${cursor.at}:${cursor.id}`).toString('base64url');

/** Reads a cursor this route handed out; `invalid_input` for anything else. */
const decodeCursor = (text: string): Cursor => {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split(':');
  if (!at || !/^\d+$/.test(at) || !id || !UUID.test(id)) {
    throw new ServerError(
      'invalid_input',
      'The cursor is not one this report gave out; start again without it.',
    );
  }
  return { at: Number(at), id };
};

type DrillRow = {
  id: string;
  lead_id: string;
  lead_name: string | null;
  user_id: string;
  email: string;
  kind: string;
  outcome: string | null;
  note: string | null;
  occurred_at: string;
  duration: string | null;
  rep_talk: number | null;
  prospect_talk: number | null;
};

const itemOf = (row: DrillRow): DrillItem => {
  const rep = row.rep_talk ?? 0;
  const spoken = rep + (row.prospect_talk ?? 0);
  return {
    id: row.id,
    leadId: row.lead_id,
    leadName: row.lead_name,
    user: { userId: row.user_id, email: row.email },
    kind: row.kind,
    outcome: row.outcome,
    note: row.note,
    occurredAt: Number(row.occurred_at),
    durationSeconds: row.duration === null ? null : Number(row.duration),
    repTalkShare: spoken > 0 ? Math.round((rep / spoken) * 10_000) / 10_000 : null,
  };
};

/**
 * The activities behind a board cell: those of the team (or of `query.userId`) on the team days
 * `from`…`to` that count in `query.metric` by the same `report_figures` the rollup sums, not voided,
 * newest first (`occurred_at`, then id), `limit` a page, continued after `cursor` (keyset, so a page
 * never shifts as activities arrive). For `mqls`, the hand-offs the rep made (kind `handoff`, outcome
 * the hand-off's status, note its summary), with the team's time zone the days are in. Throws
 * `invalid_input` for a bad cursor or `from` after `to`.
 */
export const drillDown = async (pool: pg.Pool, teamId: string, query: DrillQuery): Promise<DrillPage> => {
  if (query.from > query.to) {
    throw new ServerError(
      'invalid_input',
      `The period starts (${query.from}) after it ends (${query.to}); swap them.`,
    );
  }
  const { timeZone } = await readReportSettings(pool, teamId);
  const period = periodOf(query.from, query.to, timeZone);
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const params = [
    teamId,
    period.fromMs,
    period.toMs,
    query.userId ?? null,
    cursor?.at ?? null,
    cursor?.id ?? null,
    query.limit + 1,
  ];
  const sql =
    query.metric === 'mqls'
      ? `SELECT h.id, h.lead_id, l.fields->>'name' AS lead_name, h.rep_id AS user_id, u.email, 'handoff' AS kind,
                coalesce(h.decision, CASE WHEN h.ae_id IS NULL THEN 'unassigned' ELSE 'open' END) AS outcome,
                h.summary AS note, h.created_at AS occurred_at, NULL AS duration, NULL AS rep_talk, NULL AS prospect_talk
           FROM handoffs h JOIN users u ON u.id = h.rep_id
           LEFT JOIN leads l ON l.team_id = h.team_id AND l.id = h.lead_id
          WHERE h.team_id = $1 AND h.created_at >= $2 AND h.created_at < $3 AND ($4::uuid IS NULL OR h.rep_id = $4)
            AND ($5::bigint IS NULL OR (h.created_at, h.id) < ($5::bigint, $6::uuid))
          ORDER BY h.created_at DESC, h.id DESC LIMIT $7`
      : `SELECT a.id, a.lead_id, l.fields->>'name' AS lead_name, a.user_id, u.email, a.kind, a.outcome, a.note,
                a.occurred_at, CASE WHEN f.dials > 0 THEN f.talk_seconds END AS duration,
                CASE WHEN f.talk_calls > 0 THEN f.rep_talk_seconds END AS rep_talk,
                CASE WHEN f.talk_calls > 0 THEN f.prospect_talk_seconds END AS prospect_talk
           FROM activities a CROSS JOIN LATERAL report_figures(a.kind, a.outcome, a.data) f
           JOIN users u ON u.id = a.user_id
           LEFT JOIN leads l ON l.team_id = a.team_id AND l.id = a.lead_id
          WHERE a.team_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3 AND ($4::uuid IS NULL OR a.user_id = $4)
            AND f.${FIGURE_COLUMN[query.metric]} > 0
            AND NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = a.team_id AND v.activity_id = a.id)
            AND ($5::bigint IS NULL OR (a.occurred_at, a.id) < ($5::bigint, $6::uuid))
          ORDER BY a.occurred_at DESC, a.id DESC LIMIT $7`;
  const { rows } = await pool.query<DrillRow>(sql, params);
  const page = rows.slice(0, query.limit).map(itemOf);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null,
    timeZone,
  };
};
