import { z } from 'zod';
import { Cadence, CadenceDefinition, CadenceFile, Enrollment } from '../domain/cadence';
import { Task } from '../domain/queue';
import { method } from './contract';

const CadenceId = z.string().uuid();
const LeadId = z.string().uuid();

export const EnrollResult = z.object({
  enrolled: z.array(Enrollment),
  skipped: z.array(
    z.object({
      leadId: z.string(),
      reason: z.enum(['not_found', 'status', 'already_enrolled', 'no_matching_cadence']),
    }),
  ),
});
export type EnrollResult = z.infer<typeof EnrollResult>;

export const cadencesMethods = {
  /** Cadences in rule order (the first whose rule matches takes a new lead). */
  'cadences.list': method(z.object({}), z.array(Cadence)),
  'cadences.get': method(z.object({ id: CadenceId }), Cadence),
  /** Creates or replaces a cadence; a step that leads are on cannot be removed. */
  'cadences.save': method(z.object({ cadence: CadenceDefinition }), Cadence),
  /** Retires a cadence; leads on it leave it (their enrollments finish, their tasks are cancelled). */
  'cadences.delete': method(
    z.object({ id: CadenceId }),
    z.object({ id: z.string(), finished: z.number().int() }),
  ),
  /** Reads a cadence file (JSON text); an error names the path of the first bad field. */
  'cadences.import': method(
    z.object({ json: z.string().max(5_000_000) }),
    z.object({ saved: z.array(Cadence) }),
  ),
  /** The cadences (all, or those named) as a cadence file. */
  'cadences.export': method(
    z.object({ ids: z.array(CadenceId).optional() }),
    z.object({ json: z.string(), file: CadenceFile }),
  ),
  /** Enrolls leads in a cadence, or in the one each lead's rule picks when no cadence is named. */
  'enrollments.enroll': method(
    z.object({ leadIds: z.array(LeadId).min(1).max(100_000), cadenceId: CadenceId.optional() }),
    EnrollResult,
  ),
  'enrollments.pause': method(z.object({ leadId: LeadId }), Enrollment),
  'enrollments.resume': method(z.object({ leadId: LeadId }), Enrollment),
  /** Takes a lead off its cadence; its next task is cancelled. */
  'enrollments.remove': method(z.object({ leadId: LeadId }), Enrollment),
  /** The lead's current enrollment, its live task and its past enrollments. */
  'enrollments.get': method(
    z.object({ leadId: LeadId }),
    z.object({ current: Enrollment.nullable(), task: Task.nullable(), history: z.array(Enrollment) }),
  ),
};
