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

/**
 * Version 12: results by source channel and speed to lead read small rollups instead of every lead's
 * fields and one probe of `activities` per inbound arrival (docs/server.md, "How it stays fast"):
 *
 * - `report_lead_results`: per lead in `leads`, its creation time, source channel and direction (as
 *   the channel report names them: `other` and `outbound` when unset), its dials and connects (copied
 *   from `report_lead_totals` whenever that changes, so a void takes a call out here too) and how
 *   many of its hand-offs there are, accepted and rejected. Kept by triggers on `leads` (insert; an
 *   update that changes the channel, direction or creation time), on `report_lead_totals` and on
 *   `handoffs` (insert; an update that changes a decision or the lead). The channel report groups
 *   one indexed range of it.
 * - `report_arrivals`: per first arrival of an inbound lead (`inbound_leads`, not a returning lead),
 *   its first call: the earliest activity of kind `call` (any provider), not voided, at or after the
 *   arrival. A call arriving later (desktops sync late, so it may be earlier than the one held) lowers
 *   it; a void of the call held makes it the next call, looked up again for that lead only.
 * - `handoffs_lead`: a lead's hand-offs, counted again when one arrives or is decided.
 */
export const reportRollupsMigration: ServerMigration = {
  version: 12,
  name: 'reports: per-lead channel results and first calls of inbound arrivals',
  sql: `
    CREATE INDEX handoffs_lead ON handoffs (team_id, lead_id);

    CREATE TABLE report_lead_results (
      team_id uuid NOT NULL REFERENCES teams(id),
      lead_id uuid NOT NULL,
      created_at bigint NOT NULL,
      source_channel text NOT NULL,
      direction text NOT NULL,
      dials integer NOT NULL,
      connects integer NOT NULL,
      handoffs integer NOT NULL,
      accepted integer NOT NULL,
      rejected integer NOT NULL,
      PRIMARY KEY (team_id, lead_id)
    );
    CREATE INDEX report_lead_results_created ON report_lead_results (team_id, created_at);

    -- Adds the leads given (or, for one already held, sets its channel, direction and creation time),
    -- with their dials and connects so far and their hand-offs.
    CREATE FUNCTION report_add_lead_results(added leads[]) RETURNS void LANGUAGE sql AS $fn$
      INSERT INTO report_lead_results AS r (team_id, lead_id, created_at, source_channel, direction, dials,
          connects, handoffs, accepted, rejected)
        SELECT l.team_id, l.id, l.created_at, coalesce(l.fields ->> 'sourceChannel', 'other'),
               coalesce(l.fields ->> 'direction', 'outbound'), coalesce(t.dials, 0), coalesce(t.connects, 0),
               h.handoffs, h.accepted, h.rejected
          FROM unnest(added) l
          LEFT JOIN report_lead_totals t ON t.team_id = l.team_id AND t.lead_id = l.id
          CROSS JOIN LATERAL (
            SELECT count(*)::int AS handoffs, (count(*) FILTER (WHERE decision = 'accepted'))::int AS accepted,
                   (count(*) FILTER (WHERE decision = 'rejected'))::int AS rejected
              FROM handoffs WHERE team_id = l.team_id AND lead_id = l.id) h
         ORDER BY 1, 2
      ON CONFLICT (team_id, lead_id) DO UPDATE SET created_at = excluded.created_at,
        source_channel = excluded.source_channel, direction = excluded.direction;
    $fn$;

    CREATE FUNCTION report_leads_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM report_add_lead_results(array_agg(n::leads)) FROM new_leads n HAVING count(*) > 0;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_leads_added AFTER INSERT ON leads
      REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION report_leads_added();

    -- A lead's channel, direction or creation time can change (an edit, an import filling it in).
    CREATE FUNCTION report_leads_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE report_lead_results r
         SET created_at = n.created_at, source_channel = coalesce(n.fields ->> 'sourceChannel', 'other'),
             direction = coalesce(n.fields ->> 'direction', 'outbound')
        FROM new_leads n
       WHERE r.team_id = n.team_id AND r.lead_id = n.id
         AND (r.created_at, r.source_channel, r.direction) IS DISTINCT FROM
             (n.created_at, coalesce(n.fields ->> 'sourceChannel', 'other'), coalesce(n.fields ->> 'direction', 'outbound'));
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_leads_changed AFTER UPDATE ON leads
      REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION report_leads_changed();

    -- A lead's dials and connects follow its totals (added and taken away by report_roll).
    CREATE FUNCTION report_lead_totals_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE report_lead_results r SET dials = n.dials, connects = n.connects
        FROM new_totals n
       WHERE r.team_id = n.team_id AND r.lead_id = n.lead_id AND (r.dials, r.connects) IS DISTINCT FROM (n.dials, n.connects);
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_lead_totals_added AFTER INSERT ON report_lead_totals
      REFERENCING NEW TABLE AS new_totals FOR EACH STATEMENT EXECUTE FUNCTION report_lead_totals_changed();
    CREATE TRIGGER report_lead_totals_updated AFTER UPDATE ON report_lead_totals
      REFERENCING NEW TABLE AS new_totals FOR EACH STATEMENT EXECUTE FUNCTION report_lead_totals_changed();

    -- Counts again the hand-offs of the leads given (pairs of teams[i], leads[i]).
    CREATE FUNCTION report_count_lead_handoffs(teams uuid[], leads uuid[]) RETURNS void LANGUAGE sql AS $fn$
      UPDATE report_lead_results r SET handoffs = c.handoffs, accepted = c.accepted, rejected = c.rejected
        FROM (SELECT k.team_id, k.lead_id, count(h.id)::int AS handoffs,
                     (count(h.id) FILTER (WHERE h.decision = 'accepted'))::int AS accepted,
                     (count(h.id) FILTER (WHERE h.decision = 'rejected'))::int AS rejected
                FROM (SELECT DISTINCT team_id, lead_id FROM unnest(teams, leads) AS u(team_id, lead_id)) k
                LEFT JOIN handoffs h ON h.team_id = k.team_id AND h.lead_id = k.lead_id
               GROUP BY 1, 2) c
       WHERE r.team_id = c.team_id AND r.lead_id = c.lead_id
         AND (r.handoffs, r.accepted, r.rejected) IS DISTINCT FROM (c.handoffs, c.accepted, c.rejected);
    $fn$;

    CREATE FUNCTION report_handoffs_counted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM report_count_lead_handoffs(array_agg(n.team_id), array_agg(n.lead_id)) FROM new_handoffs n
        HAVING count(*) > 0;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_handoffs_counted AFTER INSERT ON handoffs
      REFERENCING NEW TABLE AS new_handoffs FOR EACH STATEMENT EXECUTE FUNCTION report_handoffs_counted();

    -- A decision (accepted, rejected) changes the lead's results; a miss or a reassignment does not.
    CREATE FUNCTION report_handoffs_decided() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM report_count_lead_handoffs(array_agg(k.team_id), array_agg(k.lead_id))
        FROM (SELECT n.team_id, n.lead_id FROM new_handoffs n JOIN old_handoffs o ON o.team_id = n.team_id AND o.id = n.id
               WHERE o.decision IS DISTINCT FROM n.decision OR o.lead_id <> n.lead_id
              UNION
              SELECT o.team_id, o.lead_id FROM new_handoffs n JOIN old_handoffs o ON o.team_id = n.team_id AND o.id = n.id
               WHERE o.lead_id <> n.lead_id) k
        HAVING count(*) > 0;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_handoffs_decided AFTER UPDATE ON handoffs
      REFERENCING OLD TABLE AS old_handoffs NEW TABLE AS new_handoffs
      FOR EACH STATEMENT EXECUTE FUNCTION report_handoffs_decided();

    CREATE TABLE report_arrivals (
      team_id uuid NOT NULL REFERENCES teams(id),
      inbound_id uuid NOT NULL,
      lead_id uuid NOT NULL,
      received_at bigint NOT NULL,
      source_channel text NOT NULL,
      first_call_at bigint,
      PRIMARY KEY (team_id, inbound_id)
    );
    CREATE INDEX report_arrivals_received ON report_arrivals (team_id, received_at);
    CREATE INDEX report_arrivals_lead ON report_arrivals (team_id, lead_id);

    -- The first call (epoch ms) of a lead at or after since: kind call, any provider, not voided.
    CREATE FUNCTION report_first_call(team uuid, lead uuid, since bigint) RETURNS bigint
      LANGUAGE sql STABLE AS $fn$
      SELECT a.occurred_at FROM activities a
       WHERE a.team_id = team AND a.lead_id = lead AND a.occurred_at >= since AND a.kind = 'call'
         AND NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = a.team_id AND v.activity_id = a.id)
       ORDER BY a.occurred_at LIMIT 1
    $fn$;

    CREATE FUNCTION report_arrivals_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO report_arrivals (team_id, inbound_id, lead_id, received_at, source_channel, first_call_at)
        SELECT n.team_id, n.id, n.lead_id, n.received_at, n.source_channel,
               report_first_call(n.team_id, n.lead_id, n.received_at)
          FROM new_inbound n WHERE NOT n.duplicate
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_arrivals_added AFTER INSERT ON inbound_leads
      REFERENCING NEW TABLE AS new_inbound FOR EACH STATEMENT EXECUTE FUNCTION report_arrivals_added();

    -- A call at or after an arrival becomes its first call when it is earlier than the one held
    -- (unless a void of it arrived first).
    CREATE FUNCTION report_arrivals_called() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE report_arrivals r SET first_call_at = c.first_call_at
        FROM (SELECT r2.team_id, r2.inbound_id, min(n.occurred_at) AS first_call_at
                FROM new_activities n
                JOIN report_arrivals r2 ON r2.team_id = n.team_id AND r2.lead_id = n.lead_id
                 AND n.occurred_at >= r2.received_at
               WHERE n.kind = 'call'
                 AND NOT EXISTS (SELECT 1 FROM activity_voids v WHERE v.team_id = n.team_id AND v.activity_id = n.id)
               GROUP BY 1, 2) c
       WHERE r.team_id = c.team_id AND r.inbound_id = c.inbound_id
         AND (r.first_call_at IS NULL OR c.first_call_at < r.first_call_at);
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_arrivals_called AFTER INSERT ON activities
      REFERENCING NEW TABLE AS new_activities FOR EACH STATEMENT EXECUTE FUNCTION report_arrivals_called();

    -- Voiding an arrival's first call makes the next call (if any) its first.
    CREATE FUNCTION report_arrivals_voided() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE report_arrivals r SET first_call_at = report_first_call(r.team_id, r.lead_id, r.received_at)
        FROM (SELECT DISTINCT a.team_id, a.lead_id, a.occurred_at
                FROM new_voids v JOIN activities a ON a.team_id = v.team_id AND a.id = v.activity_id
               WHERE a.kind = 'call') x
       WHERE r.team_id = x.team_id AND r.lead_id = x.lead_id AND r.first_call_at = x.occurred_at;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER report_arrivals_voided AFTER INSERT ON activity_voids
      REFERENCING NEW TABLE AS new_voids FOR EACH STATEMENT EXECUTE FUNCTION report_arrivals_voided();

    -- The leads, hand-offs and arrivals a server already held count from now on (set-wise: one
    -- array of every lead could outgrow PostgreSQL's 1 GB value limit).
    INSERT INTO report_lead_results (team_id, lead_id, created_at, source_channel, direction, dials, connects,
        handoffs, accepted, rejected)
      SELECT l.team_id, l.id, l.created_at, coalesce(l.fields ->> 'sourceChannel', 'other'),
             coalesce(l.fields ->> 'direction', 'outbound'), coalesce(t.dials, 0), coalesce(t.connects, 0),
             coalesce(h.handoffs, 0), coalesce(h.accepted, 0), coalesce(h.rejected, 0)
        FROM leads l
        LEFT JOIN report_lead_totals t ON t.team_id = l.team_id AND t.lead_id = l.id
        LEFT JOIN (SELECT team_id, lead_id, count(*)::int AS handoffs,
                          (count(*) FILTER (WHERE decision = 'accepted'))::int AS accepted,
                          (count(*) FILTER (WHERE decision = 'rejected'))::int AS rejected
                     FROM handoffs GROUP BY 1, 2) h ON h.team_id = l.team_id AND h.lead_id = l.id;
    INSERT INTO report_arrivals (team_id, inbound_id, lead_id, received_at, source_channel, first_call_at)
      SELECT team_id, id, lead_id, received_at, source_channel, report_first_call(team_id, lead_id, received_at)
        FROM inbound_leads WHERE NOT duplicate;
  `,
};
