import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { PushResponse, SYNC_PROTOCOL_VERSION } from '@shared/sync';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  request,
  startServerProcess,
  stopServer,
} from './server-process';

// A push applies a whole request (and the team's other waiting pushes) in one transaction, reading
// and writing each lead once however many changes touch it. This test holds it to the rule that
// matters: the same mutations pushed in one request per round, or one request per mutation, leave the
// same leads, the same verdicts and the same change versions. Debian's PostgreSQL (TEST_DATABASE_URL).
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

/** A seeded generator (mulberry32), so a failure replays with PUSH_BATCH_SEED. */
const generator = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

type Mutation = { id: string; name: string; args: unknown; hlc: string };
type Round = { who: 'rep1' | 'rep2' | 'manager'; mutations: Mutation[] };

/** Rounds of lead creates and edits by two reps and a manager, on a few leads, with clashing stamps. */
const script = (seed: number, rounds: number): Round[] => {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const base = Date.now() - 60_000;
  const leads = Array.from({ length: 5 }, () => uuidv7());
  const created = new Set<string>();
  const stamp = () =>
    formatHlc(
      { wall: base + Math.floor(random() * 20) * 1_000, counter: Math.floor(random() * 3) },
      pick(['00000000000000a1', '00000000000000b2']),
    );
  const mutation = (name: string, args: unknown): Mutation => ({ id: uuidv7(), name, args, hlc: stamp() });
  const edit = (who: Round['who']): Mutation => {
    const lead = pick(leads);
    const at = base + Math.floor(random() * 60_000);
    if (!created.has(lead) || random() < 0.1) {
      created.add(lead);
      return mutation('lead.create', {
        id: lead,
        name: `Lead ${lead.slice(-4)}`,
        title: pick(['VP Sales', 'CFO', null]),
        accountId: null,
        company: pick(['Acme', 'Globex']),
        email: `${lead.slice(-6)}@example.com`,
        phones: [{ e164: '+12025550143', ext: null, label: null, raw: '202 555 0143' }],
        timeZone: 'America/New_York',
        country: 'US',
        region: null,
        city: null,
        sourceChannel: 'outbound_list',
        sourceDetail: null,
        direction: 'outbound',
        status: 'new',
        ownerId: null,
        isDemo: false,
        createdAt: at,
        updatedAt: at,
      });
    }
    switch (pick(['update', 'status', 'changeStatus', 'owner', 'research', 'phones', 'outcome'])) {
      case 'update':
        return mutation('lead.update', {
          id: lead,
          changes: { [pick(['title', 'company', 'city'])]: `${who} ${Math.floor(random() * 100)}` },
          updatedAt: at,
        });
      case 'status':
        return mutation('lead.setStatus', {
          id: lead,
          status: pick(['working', 'nurture', 'sql', 'disqualified']),
          updatedAt: at,
        });
      case 'changeStatus':
        return mutation('lead.changeStatus', {
          id: lead,
          status: pick(['working', 'nurture']),
          statusBefore: 'new',
          reason: 'Asked to call back next quarter',
          activityId: uuidv7(),
          updatedAt: at,
        });
      case 'owner':
        return mutation('lead.setOwner', {
          id: lead,
          ownerId: pick(['rep1@batched.example', 'rep2@batched.example', null, 'nobody@batched.example']),
          updatedAt: at,
        });
      case 'research':
        return mutation('research.set', { leadId: lead, body: `${who} notes ${random()}`, updatedAt: at });
      case 'phones':
        return mutation('lead.setPrimaryPhone', { id: lead, e164: '+12025550199', ext: null, updatedAt: at });
      default:
        // One user action's changes together: a lead edit the server refuses is left out of it.
        return mutation('outcome.log', {
          changes: [
            { name: 'lead.setStatus', args: { id: lead, status: 'working', updatedAt: at } },
            { name: 'lead.update', args: { id: lead, changes: { city: `${who} city` }, updatedAt: at } },
          ],
        });
    }
  };
  return Array.from({ length: rounds }, () => {
    const who = pick(['rep1', 'rep2', 'manager'] as const);
    return { who, mutations: Array.from({ length: 1 + Math.floor(random() * 12) }, () => edit(who)) };
  });
};

describe.skipIf(adminUrl === null)('a push applied as one batch', { timeout: 180_000 }, () => {
  it('leaves the same leads, verdicts and change versions as the same mutations pushed one at a time', async () => {
    const seed = Number(process.env.PUSH_BATCH_SEED ?? Math.floor(Math.random() * 1_000_000));
    // Each team on its own server and database: an address signs in to one team only, and both teams
    // need the same members for the same mutations to mean the same.
    const servers = await Promise.all(
      [0, 1].map(async () => {
        const databaseUrl = await freshDatabase(adminUrl ?? '');
        const server = await startServerProcess(['--database-url', databaseUrl]);
        return { server, db: new pg.Pool({ connectionString: databaseUrl, max: 2 }) };
      }),
    );
    const [first, second] = servers as [(typeof servers)[number], (typeof servers)[number]];
    try {
      const teamOf = async (name: string, { server }: typeof first) => {
        const admin = server.adminToken ?? '';
        const team = CreateTeamOutput.parse(
          (await request(server.url, 'POST', '/v1/teams', admin, { name })).body,
        );
        const tokens: Record<string, string> = {};
        for (const [who, role] of [
          ['rep1', 'rep'],
          ['rep2', 'rep'],
          ['manager', 'manager'],
        ] as const) {
          const user = AddUserOutput.parse(
            (
              await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, {
                email: `${who}@batched.example`,
                role,
              })
            ).body,
          );
          tokens[who] = user.token;
        }
        return { teamId: team.teamId, tokens, url: server.url };
      };
      const batched = await teamOf('Batched', first);
      const single = await teamOf('One by one', second);
      const push = async (url: string, token: string, mutations: Mutation[]) => {
        const answer = await request(url, 'POST', '/v1/sync/push', token, {
          protocolVersion: SYNC_PROTOCOL_VERSION,
          mutations,
        });
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return PushResponse.parse(answer.body).results;
      };
      const rounds = script(seed, 40);
      const verdicts = { batched: [] as unknown[], single: [] as unknown[] };
      for (const round of rounds) {
        verdicts.batched.push(...(await push(batched.url, batched.tokens[round.who] ?? '', round.mutations)));
        for (const mutation of round.mutations)
          verdicts.single.push(...(await push(single.url, single.tokens[round.who] ?? '', [mutation])));
      }
      const context = `seed ${seed} (PUSH_BATCH_SEED replays it)`;
      expect(verdicts.batched, context).toEqual(verdicts.single);
      // Both kinds of answer occur, so the comparison is not between two empty sets of edits.
      const statuses = new Set(verdicts.single.map((v) => (v as { status: string }).status));
      expect([...statuses].sort(), context).toEqual(['applied', 'rejected']);

      const state = async (teamId: string, { db }: typeof first) => {
        const leads = await db.query(
          `SELECT l.id, u.email AS owner, c.email AS created_by, l.status, l.fields, l.field_hlcs,
                  l.phones_e164, l.email_folded, l.created_at, l.updated_at, l.change_version
             FROM leads l LEFT JOIN users u ON u.id = l.owner_id LEFT JOIN users c ON c.id = l.created_by
            WHERE l.team_id = $1 ORDER BY l.id`,
          [teamId],
        );
        const mutations = await db.query(
          'SELECT id, status, code, change_version FROM mutations WHERE team_id = $1 ORDER BY id',
          [teamId],
        );
        const moves = await db.query(
          `SELECT m.lead_id, f.email AS from_email, t.email AS to_email, m.change_version
             FROM lead_moves m LEFT JOIN users f ON f.id = m.from_user_id LEFT JOIN users t ON t.id = m.to_user_id
            WHERE m.team_id = $1 ORDER BY m.change_version, m.lead_id`,
          [teamId],
        );
        const activities = await db.query(
          'SELECT id, lead_id, kind, change_version FROM activities WHERE team_id = $1 ORDER BY id',
          [teamId],
        );
        return {
          leads: leads.rows,
          mutations: mutations.rows,
          moves: moves.rows,
          activities: activities.rows,
        };
      };
      const one = await state(batched.teamId, first);
      const other = await state(single.teamId, second);
      expect(one.leads.length, context).toBeGreaterThan(0);
      expect(one, context).toEqual(other);
    } finally {
      for (const { server, db } of servers) {
        await db.end();
        await stopServer(server);
      }
    }
  });
});
