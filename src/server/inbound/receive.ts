import { formatHlc } from '@shared/hlc';
import {
  INBOUND_TIMESTAMP_TOLERANCE_SECONDS,
  type InboundLeadInput,
  type InboundLeadOutput,
} from '@shared/server/inbound';
import type { Weekday } from '@shared/server/shifts';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ServerError } from '../errors';
import { inTransaction } from '../store/teams';
import { nextVersion } from '../sync/versions';
import type { InboundLead } from './normalize';
import { chooseOwner, type RoutableRep } from './routing';

/** The node id in the clock stamps of rows the server writes itself (not pushed by a desktop). */
const SERVER_NODE = 'server';

/** The team's inbound secret, or null for an unknown team. */
export const inboundSecretOf = async (pool: pg.Pool, teamId: string): Promise<string | null> => {
  const { rows } = await pool.query<{ inbound_secret: string }>(
    'SELECT inbound_secret FROM teams WHERE id = $1',
    [teamId],
  );
  return rows[0]?.inbound_secret ?? null;
};

/** A signed, valid inbound post, ready to store. Times are UTC epoch ms. */
export type InboundPost = {
  teamId: string;
  /** The request's verified HMAC digest (32 bytes), the replay guard's key. */
  digest: Buffer;
  signedAt: number;
  body: InboundLeadInput;
  reading: InboundLead;
  now: number;
};

/** The lead in the wire shape of `@shared/domain/lead` (without id, ownerId, isDemo) plus research. */
const leadFields = (reading: InboundLead, now: number): Record<string, unknown> => {
  const { research, ...lead } = reading.lead;
  return {
    ...lead,
    accountId: null,
    createdAt: now,
    updatedAt: now,
    ...(research ? { research } : {}),
  };
};

/** The team's reps in round-robin rotation (a rep a manager took out is never routed to), with their shifts. */
const routableReps = async (client: pg.PoolClient, teamId: string): Promise<RoutableRep[]> => {
  const { rows } = await client.query<{
    id: string;
    days: Weekday[] | null;
    start_time: string | null;
    end_time: string | null;
    time_zone: string | null;
  }>(
    `SELECT u.id, s.days, s.start_time, s.end_time, s.time_zone
       FROM users u LEFT JOIN shifts s ON s.team_id = u.team_id AND s.user_id = u.id
      WHERE u.team_id = $1 AND u.role = 'rep' AND u.removed_at IS NULL AND u.in_rotation`,
    [teamId],
  );
  return rows.map((row) => ({
    userId: row.id,
    shift:
      row.days && row.start_time && row.end_time && row.time_zone
        ? { days: row.days, from: row.start_time, to: row.end_time, timeZone: row.time_zone }
        : null,
  }));
};

/** Signatures older than this are pruned: their timestamps are refused as stale anyway. */
const SIGNATURE_KEEP_MS = 2 * INBOUND_TIMESTAMP_TOLERANCE_SECONDS * 1000;

/**
 * Stores one signed inbound lead in one transaction and returns the webhook's answer:
 * - the signature is recorded first; one seen before throws `inbound_replayed` (409) and nothing is
 *   written (two requests racing with one signature: the second waits for the first's commit);
 * - the team's inbound turn (its `inbound_routing` row) is locked, so the team's posts are routed one
 *   at a time and two posts of one new lead cannot both insert it;
 * - a lead of the team with one of the phone numbers (E.164) or the email (case-folded) is the same
 *   lead: it gets an `inbound` activity ("came back") owned by its rep instead of a copy; if it has
 *   no owner it is routed now like a new one;
 * - otherwise a new lead (status `new`, direction inbound, no field clocks) routed by `chooseOwner`;
 * - the post itself goes to `inbound_leads` with the body as received.
 * Every row carries the change version of this transaction (`nextVersion`, announced on commit).
 */
export const receiveInbound = (pool: pg.Pool, post: InboundPost): Promise<InboundLeadOutput> =>
  inTransaction(pool, async (client) => {
    const { teamId, now, reading } = post;
    const seen = await client.query(
      `INSERT INTO inbound_signatures (team_id, signature, signed_at, seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id, signature) DO NOTHING`,
      [teamId, post.digest, post.signedAt, now],
    );
    if (seen.rowCount === 0) {
      throw new ServerError(
        'inbound_replayed',
        'This signed request was received before, so it was not stored again. Sign every new lead with a fresh timestamp.',
      );
    }
    await client.query('DELETE FROM inbound_signatures WHERE team_id = $1 AND seen_at < $2', [
      teamId,
      now - SIGNATURE_KEEP_MS,
    ]);
    await client.query(
      `INSERT INTO inbound_routing (team_id, last_owner_id, updated_at) VALUES ($1, NULL, $2)
       ON CONFLICT (team_id) DO NOTHING`,
      [teamId, now],
    );
    const pointer = await client.query<{ last_owner_id: string | null }>(
      'SELECT last_owner_id FROM inbound_routing WHERE team_id = $1 FOR UPDATE',
      [teamId],
    );
    const lastOwnerId = pointer.rows[0]?.last_owner_id ?? null;
    const existing = await client.query<{ id: string; owner_id: string | null }>(
      `SELECT id, owner_id FROM leads
        WHERE team_id = $1 AND (phones_e164 && $2::text[] OR email_folded = $3)
        ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
      [teamId, reading.phonesE164, reading.emailFolded],
    );
    const found = existing.rows[0];
    const version = await nextVersion(client, teamId);
    const route = async () => {
      const choice = chooseOwner(await routableReps(client, teamId), lastOwnerId, now);
      if (choice.ownerId !== null) {
        await client.query(
          'UPDATE inbound_routing SET last_owner_id = $2, updated_at = $3 WHERE team_id = $1',
          [teamId, choice.ownerId, now],
        );
      }
      return choice;
    };

    let answer: InboundLeadOutput;
    if (found) {
      const choice = found.owner_id === null ? await route() : null;
      const ownerId = choice ? choice.ownerId : found.owner_id;
      if (choice?.ownerId) {
        await client.query(
          'UPDATE leads SET owner_id = $3, updated_at = $4, change_version = $5 WHERE team_id = $1 AND id = $2',
          [teamId, found.id, choice.ownerId, now, version],
        );
      }
      answer = { leadId: found.id, ownerId, duplicate: true, routed: choice ? choice.routed : 'kept' };
    } else {
      const choice = await route();
      const leadId = uuidv7();
      await client.query(
        `INSERT INTO leads (team_id, id, owner_id, status, fields, field_hlcs, phones_e164, email_folded,
           created_at, updated_at, change_version)
         VALUES ($1, $2, $3, 'new', $4, '{}'::jsonb, $5, $6, $7, $7, $8)`,
        [
          teamId,
          leadId,
          choice.ownerId,
          JSON.stringify(leadFields(reading, now)),
          reading.phonesE164,
          reading.emailFolded,
          now,
          version,
        ],
      );
      answer = { leadId, ownerId: choice.ownerId, duplicate: false, routed: choice.routed };
    }

    const inboundId = uuidv7();
    const { sourceChannel, sourceDetail } = reading.lead;
    await client.query(
      `INSERT INTO inbound_leads (team_id, id, lead_id, duplicate, owner_id, routed, source_channel,
         source_detail, payload, received_at, change_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        teamId,
        inboundId,
        answer.leadId,
        answer.duplicate,
        answer.ownerId,
        answer.routed,
        sourceChannel,
        sourceDetail,
        JSON.stringify(post.body),
        now,
        version,
      ],
    );
    if (answer.duplicate && answer.ownerId !== null) {
      await client.query(
        `INSERT INTO activities (team_id, id, lead_id, user_id, mutation_id, kind, outcome, note, data,
           occurred_at, hlc, change_version, received_at)
         VALUES ($1, $2, $3, $4, $5, 'inbound', NULL, $6, $7, $8, $9, $10, $8)`,
        [
          teamId,
          uuidv7(),
          answer.leadId,
          answer.ownerId,
          inboundId,
          `Came back inbound (${sourceChannel}${sourceDetail ? `: ${sourceDetail}` : ''}).`,
          JSON.stringify({ inboundId, sourceChannel, sourceDetail, received: post.body }),
          now,
          formatHlc({ wall: now, counter: 0 }, SERVER_NODE),
          version,
        ],
      );
    }
    return answer;
  });
