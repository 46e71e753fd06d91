import type { PulledChange } from '@shared/sync/pull';
import type { PullSource } from '../sync/pull';
import { type DefinitionRow, toTeamCadence, toTeamDnc, toTeamScript } from './store';

/** One stored definition as its pull change (kinds `script`, `cadence`, `outcomeSet`, `dnc`). */
const toChange = (row: DefinitionRow): PulledChange => {
  const version = Number(row.change_version);
  switch (row.kind) {
    case 'script':
      return { version, kind: 'script', data: { ...toTeamScript(row), deleted: row.deleted } };
    case 'cadence':
      return { version, kind: 'cadence', data: { ...toTeamCadence(row), deleted: row.deleted } };
    case 'outcome_set':
      return {
        version,
        kind: 'outcomeSet',
        data: { ...(row.body as { outcomes: [] }), updatedAt: Number(row.updated_at) },
      };
    case 'dnc':
      return { version, kind: 'dnc', data: { entry: toTeamDnc(row), removed: row.deleted } };
  }
};

/**
 * The team's definitions changed after `after`, for every member (reps, AEs and managers alike: the
 * scripts, cadences, outcome set and do-not-contact list are the team's), deletions included.
 */
export const definitionChanges: PullSource = async (client, reader, after, limit) => {
  const { rows } = await client.query<DefinitionRow>(
    `SELECT kind, key, body, deleted, updated_at, updated_by, change_version FROM team_definitions
      WHERE team_id = $1 AND change_version > $2 ORDER BY change_version, kind, key LIMIT $3`,
    [reader.teamId, after, limit],
  );
  return rows.map(toChange);
};
