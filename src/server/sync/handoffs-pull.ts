import type { PulledHandoff } from '@shared/server/handoffs';
import type pg from 'pg';
import { HANDOFF_COLUMNS, HANDOFF_FROM, type HandoffRow, toPulledHandoff } from '../handoffs/rows';
import { type HandoffReader, visibleTo } from '../handoffs/store';

/** One hand-off change as pull lists it: the team change version it was written at and the hand-off. */
export type HandoffChange = { version: number; kind: 'handoff'; data: PulledHandoff };

/**
 * A pull source: the hand-offs `reader` may see (a rep their own, an AE those routed to them, a manager
 * the team's) written at a change version above `after`, in version order, at most `limit` of them.
 * Each comes once, as it stands now (routed, missed, accepted or rejected with its reason), so the
 * rep's desktop learns the AE's decision. Run it on the pull's client (one snapshot for every source).
 */
export const handoffChanges = async (
  client: pg.PoolClient | pg.Pool,
  reader: HandoffReader,
  after: number,
  limit: number,
): Promise<HandoffChange[]> => {
  const visible = visibleTo(reader, 1);
  const { rows } = await client.query<HandoffRow>(
    `SELECT ${HANDOFF_COLUMNS} FROM ${HANDOFF_FROM}
      WHERE ${visible.sql} AND h.change_version > $${visible.params.length + 1}
      ORDER BY h.change_version, h.id LIMIT $${visible.params.length + 2}`,
    [...visible.params, after, limit],
  );
  return rows.map((row) => ({
    version: Number(row.change_version),
    kind: 'handoff',
    data: toPulledHandoff(row),
  }));
};
