import { CadenceDefinition } from '@shared/domain/cadence';
import {
  AddTeamDncInput,
  type AddTeamDncOutput,
  PutTeamCadenceInput,
  PutTeamOutcomesInput,
  PutTeamScriptInput,
  type TeamCadence,
  type TeamCadencesOutput,
  TeamDncQuery,
  type TeamScript,
  type TeamScriptsOutput,
} from '@shared/server/definitions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { parseBody, principalOf, teamIdParam } from '../access';
import { nowOf, poolOf, type ServerContext } from '../context';
import {
  checkCadenceOutcomes,
  checkOutcomeSet,
  checkTeamScript,
  normaliseTeamDnc,
} from '../definitions/input';
import {
  consoleHlc,
  type DefinitionKind,
  dncKey,
  findDefinition,
  findDncById,
  listTeamCadences,
  listTeamDnc,
  listTeamScripts,
  OUTCOME_SET_KEY,
  teamOutcomes,
  toTeamCadence,
  toTeamDnc,
  toTeamScript,
  writeDefinition,
} from '../definitions/store';
import { ServerError } from '../errors';
import { inTransaction, teamExists } from '../store/teams';
import { nextVersion } from '../sync/versions';

/** Text that reads as (part of) a phone number: digits with spaces, brackets, dots, dashes or +. */
const PHONE_TEXT = /^[\d\s()+.-]*\d[\d\s()+.-]*$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The route's `:name` parameter, checked to be a UUID (`invalid_input` otherwise), lower case. */
const idParam = (request: FastifyRequest, name: string, what: string): string => {
  const id = (request.params as Record<string, unknown> | undefined)?.[name];
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new ServerError('invalid_input', `The ${what} id in the address is not an id (a UUID). Check it.`);
  }
  return id.toLowerCase();
};

/**
 * The team's definitions over REST, for the console and scripts (`@shared/server/definitions`):
 * - `GET /v1/teams/:teamId/scripts` → `TeamScriptsOutput`; `GET …/scripts/:scriptId` → `TeamScript`;
 *   `PUT …/scripts/:scriptId` `PutTeamScriptInput` → `TeamScript` (`script_unknown_variable` with
 *   `details.problems`); `DELETE …/scripts/:scriptId` → 204;
 * - `GET …/cadences`, `GET/PUT/DELETE …/cadences/:cadenceId` (`PutTeamCadenceInput`: the body's
 *   `definition.id`, when given, must be the address's);
 * - `GET/PUT …/outcomes` (`PutTeamOutcomesInput`: every built-in outcome kept, ids unique);
 * - `GET …/dnc?q&after&limit` → `TeamDncOutput`; `POST …/dnc` `AddTeamDncInput` → 201 `AddTeamDncOutput`
 *   with `alreadyListed: false`, or 200 with the entry as listed and `alreadyListed: true` when the value
 *   was on the list already; `DELETE …/dnc/:entryId` → 204.
 * Every member of the team reads (reps and AEs too: their desktops use these); a manager of the team or
 * the administrator writes (`forbidden` otherwise). Each write is one transaction that takes the
 * team's next change version and a console HLC (`consoleHlc`), so every desktop pulls it on its next
 * sync and the live channel wakes them; `not_found` (404) for an unknown team or definition.
 */
export const definitionRoutes = (app: FastifyInstance, context: ServerContext): void => {
  const read = { callers: ['admin', 'manager', 'ae', 'rep'] as const, sameTeam: true };
  const write = { callers: ['admin', 'manager'] as const, sameTeam: true };

  /** The route's team, checked to exist (a user's token names its own team; the administrator any). */
  const teamOf = async (request: FastifyRequest): Promise<string> => {
    const teamId = teamIdParam(request);
    if (!(await teamExists(poolOf(context), teamId))) {
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    }
    return teamId;
  };

  const authorOf = (request: FastifyRequest): string | null => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.userId : null;
  };

  /**
   * Writes one register in its own transaction: the team's next version first (the order pushes
   * take their locks in, so the two never wait on each other), then the console HLC, then the row.
   * `body` receives the stored row (null when none) and returns what to store, or throws.
   */
  const save = (
    request: FastifyRequest,
    teamId: string,
    kind: DefinitionKind,
    key: string,
    deleted: boolean,
    body: (held: Awaited<ReturnType<typeof findDefinition>>) => unknown,
  ) =>
    inTransaction(poolOf(context), async (client) => {
      const now = nowOf(context);
      const version = await nextVersion(client, teamId);
      const hlc = await consoleHlc(client, teamId, kind, key, now);
      const held = await findDefinition(client, teamId, kind, key);
      const stored = body(held);
      const by = authorOf(request);
      await writeDefinition(client, teamId, { kind, key, body: stored, deleted, hlc, at: now, by, version });
      return { body: stored, at: now, by };
    });

  const liveOrMissing = (held: Awaited<ReturnType<typeof findDefinition>>, what: string) => {
    if (held === null || held.deleted) {
      throw new ServerError(
        'not_found',
        `The team has no such ${what} (it may have been deleted). Reload the list.`,
      );
    }
    return held;
  };

  // Scripts.
  app.get('/v1/teams/:teamId/scripts', { config: { access: read } }, async (request) => {
    const teamId = await teamOf(request);
    const output: TeamScriptsOutput = { scripts: await listTeamScripts(poolOf(context), teamId) };
    return output;
  });

  app.get('/v1/teams/:teamId/scripts/:scriptId', { config: { access: read } }, async (request) => {
    const teamId = await teamOf(request);
    const id = idParam(request, 'scriptId', 'script');
    const held = liveOrMissing(await findDefinition(poolOf(context), teamId, 'script', id), 'script');
    return toTeamScript(held);
  });

  app.put('/v1/teams/:teamId/scripts/:scriptId', { config: { access: write } }, async (request) => {
    const teamId = await teamOf(request);
    const id = idParam(request, 'scriptId', 'script');
    const input = parseBody(PutTeamScriptInput, request.body);
    checkTeamScript(input);
    const saved = await save(request, teamId, 'script', id, false, () => ({ id, ...input }));
    const script: TeamScript = { id, ...input, updatedAt: saved.at, updatedBy: saved.by };
    return script;
  });

  app.delete('/v1/teams/:teamId/scripts/:scriptId', { config: { access: write } }, async (request, reply) => {
    const teamId = await teamOf(request);
    const id = idParam(request, 'scriptId', 'script');
    await save(request, teamId, 'script', id, true, (held) => liveOrMissing(held, 'script').body);
    return reply.code(204).send();
  });

  // Cadences.
  app.get('/v1/teams/:teamId/cadences', { config: { access: read } }, async (request) => {
    const teamId = await teamOf(request);
    const output: TeamCadencesOutput = { cadences: await listTeamCadences(poolOf(context), teamId) };
    return output;
  });

  app.get('/v1/teams/:teamId/cadences/:cadenceId', { config: { access: read } }, async (request) => {
    const teamId = await teamOf(request);
    const id = idParam(request, 'cadenceId', 'cadence');
    const held = liveOrMissing(await findDefinition(poolOf(context), teamId, 'cadence', id), 'cadence');
    return toTeamCadence(held);
  });

  app.put('/v1/teams/:teamId/cadences/:cadenceId', { config: { access: write } }, async (request) => {
    const teamId = await teamOf(request);
    const id = idParam(request, 'cadenceId', 'cadence');
    const input = parseBody(PutTeamCadenceInput, request.body);
    if (input.definition.id !== undefined && input.definition.id.toLowerCase() !== id) {
      throw new ServerError(
        'invalid_input',
        `The cadence's id (${input.definition.id}) is not the one in the address (${id}). Send it to its own address, or leave the id out.`,
        { issues: [{ path: 'definition.id', message: 'not the id in the address' }] },
      );
    }
    const definition: CadenceDefinition = CadenceDefinition.parse({ ...input.definition, id });
    checkCadenceOutcomes(definition, (await teamOutcomes(poolOf(context), teamId)).outcomes);
    const saved = await save(request, teamId, 'cadence', id, false, () => definition);
    const cadence: TeamCadence = { definition, updatedAt: saved.at, updatedBy: saved.by };
    return cadence;
  });

  app.delete(
    '/v1/teams/:teamId/cadences/:cadenceId',
    { config: { access: write } },
    async (request, reply) => {
      const teamId = await teamOf(request);
      const id = idParam(request, 'cadenceId', 'cadence');
      await save(request, teamId, 'cadence', id, true, (held) => liveOrMissing(held, 'cadence').body);
      return reply.code(204).send();
    },
  );

  // The outcome set.
  app.get('/v1/teams/:teamId/outcomes', { config: { access: read } }, async (request) =>
    teamOutcomes(poolOf(context), await teamOf(request)),
  );

  app.put('/v1/teams/:teamId/outcomes', { config: { access: write } }, async (request) => {
    const teamId = await teamOf(request);
    const input = parseBody(PutTeamOutcomesInput, request.body);
    checkOutcomeSet(input.outcomes);
    const outcomes = input.outcomes.map((outcome, position) => ({ ...outcome, position }));
    await save(request, teamId, 'outcome_set', OUTCOME_SET_KEY, false, () => ({ outcomes }));
    return teamOutcomes(poolOf(context), teamId);
  });

  // The do-not-contact list.
  app.get('/v1/teams/:teamId/dnc', { config: { access: read } }, async (request) => {
    const teamId = await teamOf(request);
    const query = parseBody(TeamDncQuery, request.query);
    // A number searched as written ("(415) 555") matches its E.164 form ("+1415555…").
    const q = query.q && PHONE_TEXT.test(query.q) ? query.q.replace(/[\s().-]/g, '') : query.q;
    return listTeamDnc(poolOf(context), teamId, { ...query, q });
  });

  app.post('/v1/teams/:teamId/dnc', { config: { access: write } }, async (request, reply) => {
    const teamId = await teamOf(request);
    const input = parseBody(AddTeamDncInput, request.body);
    const value = normaliseTeamDnc(input);
    const key = dncKey(input.kind, value);
    const listed = await findDefinition(poolOf(context), teamId, 'dnc', key);
    if (listed !== null && !listed.deleted) {
      const already: AddTeamDncOutput = { ...toTeamDnc(listed), alreadyListed: true };
      return reply.code(200).send(already);
    }
    // Another manager may add the same value between the read above and this transaction.
    let alreadyListed = false;
    const saved = await save(request, teamId, 'dnc', key, false, (held) => {
      if (held !== null && !held.deleted) {
        alreadyListed = true;
        return held.body;
      }
      return {
        id: uuidv7(),
        kind: input.kind,
        value,
        reason: input.reason ?? null,
        leadId: null,
        createdAt: nowOf(context),
      };
    });
    const added: AddTeamDncOutput = {
      ...toTeamDnc({ body: saved.body, updated_by: saved.by }),
      alreadyListed,
    };
    return reply.code(alreadyListed ? 200 : 201).send(added);
  });

  app.delete('/v1/teams/:teamId/dnc/:entryId', { config: { access: write } }, async (request, reply) => {
    const teamId = await teamOf(request);
    const id = idParam(request, 'entryId', 'do-not-contact entry');
    const held = await findDncById(poolOf(context), teamId, id);
    if (held === null) {
      throw new ServerError(
        'not_found',
        'That number or address is not on the do-not-contact list (it may have been removed). Reload the list.',
      );
    }
    await save(request, teamId, 'dnc', held.key, true, (current) => liveOrMissing(current, 'entry').body);
    return reply.code(204).send();
  });
};
