import { z } from 'zod';
import { CadenceDefinition } from '../../domain/cadence';
import { Outcome } from '../../domain/outcome';
import { RowId } from '../protocol';

/** Mutations about the team's cadences and outcome set (manager-owned definitions). */
export const cadenceMutations = {
  /** A cadence saved, whole, with its id. */
  'cadence.put': CadenceDefinition.refine((cadence) => cadence.id !== undefined, {
    message: 'a synced cadence carries its id',
    path: ['id'],
  }),
  /** A cadence archived: `{ id }`. Its enrollments finish with reason `cadence_deleted`. */
  'cadence.delete': z.strictObject({ id: RowId }),
  /** The team's outcome set, whole: the built-in outcomes as edited plus the team's own. */
  'outcomes.set': z.array(Outcome),
};
