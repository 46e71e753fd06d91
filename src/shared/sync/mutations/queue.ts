import { z } from 'zod';
import { Enrollment } from '../../domain/cadence';
import { CallingRules, DncEntry, DncKind, Task } from '../../domain/queue';
import { RowId } from '../protocol';

/** Mutations about the call queue: tasks, enrollments, the do-not-contact list and the calling rules. */
export const queueMutations = {
  /** A task as it now stands (created, closed, paused, moved to another step); times in epoch ms. */
  'task.put': Task,
  /** An enrollment as it now stands (started, moved, paused, finished); times in epoch ms. */
  'enrollment.put': Enrollment,
  /** An entry added to the do-not-contact list (E.164 phone, lowercase email or domain). */
  'dnc.add': DncEntry,
  /** An entry taken off the list: `{ id, kind, value }` (the value lets a peer match its own copy). */
  'dnc.remove': z.strictObject({ id: RowId, kind: DncKind, value: z.string().min(1) }),
  /** The team's calling rules, whole (window, business days, holidays, attempt limits…). */
  'queue.rules.set': CallingRules,
};
