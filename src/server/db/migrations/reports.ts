import type { ServerMigration } from './index';

/**
 * Version 9: the manager's boards (docs/server.md, "Reports"). A board never reads every activity:
 *
 * - `report_figures(kind, outcome, data)` is the one definition of what an activity counts for
 *   (a dial, a connect, a conversation, a voicemail, an email, talk time, talk/listen seconds); the
 *   rollups, their rebuild and the drill-down all use it, so a cell and the activities listed behind
 *   it cannot disagree. The outcome lists are the built-in outcome set's (`DEFAULT_OUTCOMES`: a
 *   conversation is an outcome with `connected`; a connect is a conversation, a gatekeeper or a wrong
 *   number, as the desktop's session strip counts them). Twilio's own call records (`data.provider =
 *   'twilio'`) are the carrier's copy of a call the rep logs, so they are left out (no call counts twice).
 * - `report_rep_days`: per rep and calendar day in the team's time zone, the sums of those figures,
 *   and the hand-offs (MQLs) the rep made, kept by a trigger on `handoffs`.
 * - `report_lead_totals`: per lead, dials, connects and conversations (results by source channel).
 * - Both are kept by statement-level triggers on `activities` and `activity_voids`, in the transaction
 *   that writes the rows (a push, a Twilio status callback, an inbound lead coming back), so a board
 *   is always as current as the activities. A team's writers are serialised by its `team_versions`
 *   row (`nextVersion`), so "the first void of an activity" is decided once.
 * - `report_settings`: the team's time zone for "today" and "this week" and its targets. Days are
 *   kept per zone: while a team moves to another zone the triggers count in both, its past is counted
 *   in the new one without holding the team's lock (`report_count_days`), then the move completes.
 */
export const reportsMigration: ServerMigration = {
  version: 9,
  name: 'reports: team time zone and targets, activity figures, per-rep-day and per-lead rollups',
  sql: `
    CREATE TABLE report_settings (
      team_id uuid PRIMARY KEY REFERENCES teams(id),
      time_zone text NOT NULL,
      targets jsonb NOT NULL,
      updated_at bigint NOT NULL,
      -- While the team moves to another zone: that zone, and the team's change version when the move
      -- began (its days are counted from the activities up to it; later ones by the triggers).
      pending_zone text,
      pending_version bigint
    );

    -- What one activity counts for on the boards (see reportsMigration's comment).
    -- Declared as a table function of one row so the planner inlines it into the query that calls it.
    CREATE FUNCTION report_figures(kind text, outcome text, data jsonb)
      RETURNS TABLE (dials integer, connects integer, conversations integer, voicemails integer,
        emails integer, talk_seconds bigint, talk_calls integer,
        rep_talk_seconds double precision, prospect_talk_seconds double precision)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
      SELECT
        f.call::int,
        (f.call AND f.outcome IN ('meeting_booked', 'qualified', 'not_interested', 'callback',
          'do_not_contact', 'gatekeeper', 'wrong_number'))::int,
        (f.call AND f.outcome IN ('meeting_booked', 'qualified', 'not_interested', 'callback',
          'do_not_contact'))::int,
        (f.call AND f.outcome = 'voicemail')::int,
        (kind = 'email' AND f.outcome = 'done')::int,
        CASE WHEN f.call AND f.duration > 0 THEN round(f.duration)::bigint ELSE 0 END,
        (f.call AND f.talk)::int,
        CASE WHEN f.call AND f.talk THEN (data #>> '{talk,repTalkSeconds}')::double precision ELSE 0 END,
        CASE WHEN f.call AND f.talk THEN (data #>> '{talk,prospectTalkSeconds}')::double precision ELSE 0 END
      FROM (SELECT
          (kind = 'call' AND coalesce(data ->> 'provider', '') <> 'twilio') AS call,
          coalesce(outcome, '') AS outcome,
          CASE WHEN jsonb_typeof(data -> 'durationSeconds') = 'number' THEN (data ->> 'durationSeconds')::numeric
               WHEN jsonb_typeof(data #> '{talk,durationSeconds}') = 'number'
                 THEN (data #>> '{talk,durationSeconds}')::numeric
               ELSE 0 END AS duration,
          coalesce(jsonb_typeof(data #> '{talk,repTalkSeconds}') = 'number'
            AND jsonb_typeof(data #> '{talk,prospectTalkSeconds}') = 'number', false) AS talk) AS f
    $fn$;

    -- The calendar day (in time zone tz) of an instant in UTC epoch ms.
    CREATE FUNCTION report_day(at_ms bigint, tz text) RETURNS date
      LANGUAGE sql STABLE PARALLEL SAFE AS $fn$ SELECT (to_timestamp(at_ms / 1000.0) AT TIME ZONE tz)::date $fn$;

    -- zone: the time zone the days are counted in (the team's; while it moves, also the new one).
    CREATE TABLE report_rep_days (
      team_id uuid NOT NULL REFERENCES teams(id),
      zone text NOT NULL,
      day date NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      dials integer NOT NULL,
      connects integer NOT NULL,
      conversations integer NOT NULL,
      voicemails integer NOT NULL,
      emails integer NOT NULL,
      talk_seconds bigint NOT NULL,
      talk_calls integer NOT NULL,
      rep_talk_seconds double precision NOT NULL,
      prospect_talk_seconds double precision NOT NULL,
      -- Hand-offs (MQLs) the rep made that day, kept by the trigger on handoffs.
      mqls integer NOT NULL DEFAULT 0,
      PRIMARY KEY (team_id, zone, day, user_id)
    );

    -- The zones a team's days are counted in: its own (UTC until set) and the one it is moving to.
    CREATE FUNCTION report_zones(team uuid) RETURNS SETOF text LANGUAGE sql STABLE AS $fn$
      SELECT coalesce((SELECT time_zone FROM report_settings WHERE team_id = team), 'UTC')
      UNION
      SELECT pending_zone FROM report_settings WHERE team_id = team AND pending_zone IS NOT NULL
    $fn$;

    CREATE TABLE report_lead_totals (
      team_id uuid NOT NULL REFERENCES teams(id),
      lead_id uuid NOT NULL,
      dials integer NOT NULL,
      connects integer NOT NULL,
      conversations integer NOT NULL,
      PRIMARY KEY (team_id, lead_id)
    );

    -- Adds (factor 1) or takes away (factor -1) the figures of the activity rows given (they are
    -- passed whole, so a trigger's rows are not looked up again).
    CREATE FUNCTION report_roll(acts activities[], factor integer) RETURNS void
      LANGUAGE sql AS $fn$
      INSERT INTO report_rep_days AS r (team_id, zone, day, user_id, dials, connects, conversations, voicemails,
          emails, talk_seconds, talk_calls, rep_talk_seconds, prospect_talk_seconds)
        SELECT a.team_id, z.zone, report_day(a.occurred_at, z.zone), a.user_id,
               factor * sum(f.dials), factor * sum(f.connects), factor * sum(f.conversations),
               factor * sum(f.voicemails), factor * sum(f.emails), factor * sum(f.talk_seconds),
               factor * sum(f.talk_calls), factor * sum(f.rep_talk_seconds), factor * sum(f.prospect_talk_seconds)
          FROM unnest(acts) a
          CROSS JOIN LATERAL report_zones(a.team_id) z(zone)
          CROSS JOIN LATERAL report_figures(a.kind, a.outcome, a.data) f
         GROUP BY 1, 2, 3, 4
        HAVING sum(f.dials) + sum(f.emails) > 0
         ORDER BY 1, 2, 3, 4
      ON CONFLICT (team_id, zone, day, user_id) DO UPDATE SET
        dials = r.dials + excluded.dials, connects = r.connects + excluded.connects,
        conversations = r.conversations + excluded.conversations,
        voicemails = r.voicemails + excluded.voicemails, emails = r.emails + excluded.emails,
        talk_seconds = r.talk_seconds + excluded.talk_seconds, talk_calls = r.talk_calls + excluded.talk_calls,
        rep_talk_seconds = r.rep_talk_seconds + excluded.rep_talk_seconds,
        prospect_talk_seconds = r.prospect_talk_seconds + excluded.prospect_talk_seconds;
      INSERT INTO report_lead_totals AS r (team_id, lead_id, dials, connects, conversations)
        SELECT a.team_id, a.lead_id, factor * sum(f.dials), factor * sum(f.connects), factor * sum(f.conversations)
          FROM unnest(acts) a CROSS JOIN LATERAL report_figures(a.kind, a.outcome, a.data) f
         GROUP BY 1, 2
        HAVING sum(f.dials) > 0
         ORDER BY 1, 2
      ON CONFLICT (team_id, lead_id) DO UPDATE SET
        dials = r.dials + excluded.dials, connects = r.connects + excluded.connects,
        conversations = r.conversations + excluded.conversations;
    $fn$;

    -- New activities count, unless a void of them arrived first.
    CREATE FUNCTION report_activities_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM report_roll(array_agg(n::activities), 1) FROM new_activities n
        WHERE NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = n.team_id AND v.activity_id = n.id)
        HAVING count(*) > 0;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_activities_added AFTER INSERT ON activities
      REFERENCING NEW TABLE AS new_activities FOR EACH STATEMENT EXECUTE FUNCTION report_activities_added();

    -- The first void of an activity takes its figures away; a second void of it changes nothing.
    CREATE FUNCTION report_activities_voided() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM report_roll(array_agg(a::activities), -1)
        FROM (SELECT team_id, activity_id, count(*) AS fresh FROM new_voids GROUP BY 1, 2) n
        JOIN activities a ON a.team_id = n.team_id AND a.id = n.activity_id
        WHERE (SELECT count(*) FROM activity_voids v
                WHERE v.team_id = n.team_id AND v.activity_id = n.activity_id) = n.fresh
        HAVING count(*) > 0;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_activities_voided AFTER INSERT ON activity_voids
      REFERENCING NEW TABLE AS new_voids FOR EACH STATEMENT EXECUTE FUNCTION report_activities_voided();

    -- A hand-off counts as an MQL for its rep on the day (team time zone) the rep made it.
    CREATE FUNCTION report_handoffs_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO report_rep_days AS r (team_id, zone, day, user_id, dials, connects, conversations, voicemails,
          emails, talk_seconds, talk_calls, rep_talk_seconds, prospect_talk_seconds, mqls)
        SELECT h.team_id, z.zone, report_day(h.created_at, z.zone), h.rep_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)
          FROM new_handoffs h CROSS JOIN LATERAL report_zones(h.team_id) z(zone)
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (team_id, zone, day, user_id) DO UPDATE SET mqls = r.mqls + excluded.mqls;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_handoffs_added AFTER INSERT ON handoffs
      REFERENCING NEW TABLE AS new_handoffs FOR EACH STATEMENT EXECUTE FUNCTION report_handoffs_added();

    -- Adds to the team's days in zone the activities with a change version up to upto (not voided by
    -- then): a zone's days while the team moves to it, counted without holding the team's lock, since
    -- the triggers count every later activity and void in that zone too.
    CREATE FUNCTION report_count_days(team uuid, zone text, upto bigint) RETURNS void LANGUAGE sql AS $fn$
      INSERT INTO report_rep_days AS r (team_id, zone, day, user_id, dials, connects, conversations, voicemails,
          emails, talk_seconds, talk_calls, rep_talk_seconds, prospect_talk_seconds)
        SELECT a.team_id, zone, report_day(a.occurred_at, zone), a.user_id,
               sum(f.dials), sum(f.connects), sum(f.conversations), sum(f.voicemails), sum(f.emails),
               sum(f.talk_seconds), sum(f.talk_calls), sum(f.rep_talk_seconds), sum(f.prospect_talk_seconds)
          FROM activities a CROSS JOIN LATERAL report_figures(a.kind, a.outcome, a.data) f
         WHERE a.team_id = team AND a.change_version <= upto
           AND NOT EXISTS (SELECT 1 FROM activity_voids v
                            WHERE v.team_id = a.team_id AND v.activity_id = a.id AND v.change_version <= upto)
         GROUP BY 1, 2, 3, 4
        HAVING sum(f.dials) + sum(f.emails) > 0
         ORDER BY 1, 2, 3, 4
      ON CONFLICT (team_id, zone, day, user_id) DO UPDATE SET
        dials = r.dials + excluded.dials, connects = r.connects + excluded.connects,
        conversations = r.conversations + excluded.conversations,
        voicemails = r.voicemails + excluded.voicemails, emails = r.emails + excluded.emails,
        talk_seconds = r.talk_seconds + excluded.talk_seconds, talk_calls = r.talk_calls + excluded.talk_calls,
        rep_talk_seconds = r.rep_talk_seconds + excluded.rep_talk_seconds,
        prospect_talk_seconds = r.prospect_talk_seconds + excluded.prospect_talk_seconds;
    $fn$;

    -- Sets the team's MQLs per day in zone from its hand-offs (few rows): the caller holds the team's
    -- team_versions row, so no hand-off arrives meanwhile.
    CREATE FUNCTION report_count_mqls(team uuid, zone text) RETURNS void LANGUAGE sql AS $fn$
      UPDATE report_rep_days SET mqls = 0 WHERE team_id = team AND report_rep_days.zone = report_count_mqls.zone;
      INSERT INTO report_rep_days AS r (team_id, zone, day, user_id, dials, connects, conversations, voicemails,
          emails, talk_seconds, talk_calls, rep_talk_seconds, prospect_talk_seconds, mqls)
        SELECT h.team_id, zone, report_day(h.created_at, zone), h.rep_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)
          FROM handoffs h WHERE h.team_id = team
         GROUP BY 1, 2, 3, 4
      ON CONFLICT (team_id, zone, day, user_id) DO UPDATE SET mqls = excluded.mqls;
    $fn$;

    -- The activities a server already held count from now on.
    INSERT INTO report_lead_totals (team_id, lead_id, dials, connects, conversations)
      SELECT a.team_id, a.lead_id, sum(f.dials), sum(f.connects), sum(f.conversations)
        FROM activities a CROSS JOIN LATERAL report_figures(a.kind, a.outcome, a.data) f
       WHERE NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = a.team_id AND v.activity_id = a.id)
       GROUP BY 1, 2 HAVING sum(f.dials) > 0;
    SELECT report_count_days(id, 'UTC', 9223372036854775807), report_count_mqls(id, 'UTC') FROM teams;

    -- Drill-down: a rep's (or the team's) activities in a period, newest first, by keyset.
    CREATE INDEX activities_user_time ON activities (team_id, user_id, occurred_at, id);
    CREATE INDEX activities_team_time ON activities (team_id, occurred_at, id);
    -- The MQLs behind a cell, and speed to lead per arrival.
    CREATE INDEX handoffs_created ON handoffs (team_id, created_at);
    -- Results by source channel: the leads created in a period.
    CREATE INDEX leads_created ON leads (team_id, created_at);
    CREATE INDEX inbound_leads_received ON inbound_leads (team_id, received_at) WHERE NOT duplicate;
  `,
};
