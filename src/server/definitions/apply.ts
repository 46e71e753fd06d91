import type { Change } from '@shared/sync';
import type pg from 'pg';
import type { AppliedBy } from '../sync/activities';
import { dncKey, findDefinition, OUTCOME_SET_KEY, writeDefinition } from './store';

/**
 * Applies a pushed change to the team's definitions inside the push's transaction, stamped with the
 * mutation's HLC (last writer wins per definition, `writeDefinition`):
 * - `script.put` of a `team` script, `script.delete` of one, `cadence.put`, `cadence.delete` and
 *   `outcomes.set`: a manager's only. A rep's or an AE's edit of a team definition is kept as received
 *   (the mutation's row) and not applied: the team's definitions are the manager's (PLAYBOOK: the
 *   manager owns scripts and cadences). A `personal` script is the rep's own and never the team's.
 * - `dnc.add`: anyone's. A prospect who asked not to be called is off every rep's list (TCPA/PECR
 *   practice: a do-not-call request binds the whole organisation).
 * - `dnc.remove`: a manager's only, for the same reason.
 * Returns whether `change` took effect on the team's definitions.
 */
export const applyDefinitionChange = async (
  client: pg.PoolClient,
  change: Change,
  by: AppliedBy,
): Promise<boolean> => {
  const manager = by.role === 'manager';
  const write = (
    kind: 'script' | 'cadence' | 'outcome_set' | 'dnc',
    key: string,
    body: unknown,
    deleted: boolean,
    at: number,
  ) =>
    writeDefinition(client, by.teamId, {
      kind,
      key,
      body,
      deleted,
      hlc: by.hlc,
      at,
      by: by.userId,
      version: by.version,
    });

  switch (change.name) {
    case 'script.put': {
      const { id, kind, scope, name, body, language, updatedAt } = change.args;
      if (scope !== 'team' || !manager) return false;
      return write('script', id, { id, kind, name, body, language }, false, updatedAt);
    }
    case 'script.delete': {
      if (!manager) return false;
      const held = await findDefinition(client, by.teamId, 'script', change.args.id);
      if (!held) return false;
      return write('script', change.args.id, held.body, true, change.args.deletedAt);
    }
    case 'cadence.put': {
      const id = change.args.id;
      if (!manager || id === undefined) return false;
      return write('cadence', id, change.args, false, by.receivedAt);
    }
    case 'cadence.delete': {
      if (!manager) return false;
      const held = await findDefinition(client, by.teamId, 'cadence', change.args.id);
      if (!held) return false;
      return write('cadence', change.args.id, held.body, true, by.receivedAt);
    }
    case 'outcomes.set':
      if (!manager) return false;
      return write('outcome_set', OUTCOME_SET_KEY, { outcomes: change.args }, false, by.receivedAt);
    case 'dnc.add':
      return write(
        'dnc',
        dncKey(change.args.kind, change.args.value),
        change.args,
        false,
        change.args.createdAt,
      );
    case 'dnc.remove': {
      if (!manager) return false;
      const key = dncKey(change.args.kind, change.args.value);
      const held = await findDefinition(client, by.teamId, 'dnc', key);
      if (!held) return false;
      return write('dnc', key, held.body, true, by.receivedAt);
    }
    default:
      return false;
  }
};
