import { z } from 'zod';
import { TaskResult } from '../domain/cadence';
import { Instant } from '../domain/instant';
import {
  CallingRules,
  DailyPlan,
  DncEntry,
  DncKind,
  Explanation,
  LeadZone,
  QueueEntry,
  QueueLead,
  Task,
} from '../domain/queue';
import { ScriptLanguage } from '../domain/script';
import { SCRIPT_VARIABLES } from '../scripts/variables';
import { method } from './contract';
import { LogResult } from './outcomes';

const LeadId = z.string().uuid();
/** The instant to answer for, UTC epoch ms; the core's clock when left out. */
const At = Instant.optional();

export const TodoEntry = z.object({
  task: Task,
  lead: QueueLead,
  cadenceName: z.string().nullable(),
  /** The lead's zone and local time at the instant asked for. */
  zone: LeadZone,
});
export type TodoEntry = z.infer<typeof TodoEntry>;

/**
 * Which due tasks to list, by the rep's day (in `repTimeZone`): `overdue` fell due before today began,
 * `today` falls due during today (later today included), `all` is both. Left out: due by `at`.
 */
export const TaskDue = z.enum(['today', 'overdue', 'all']);
export type TaskDue = z.infer<typeof TaskDue>;

/** An email step filled for its lead: what the mail client is handed. */
export const RenderedEmail = z.object({
  taskId: z.string().uuid(),
  leadId: z.string().uuid(),
  /** The email template filled: the one asked for, else the step's, else the built-in one of the language. */
  templateId: z.string().uuid(),
  /** The lead's email address; null when the lead has none (the step can only be skipped). */
  to: z.string().nullable(),
  /** Filled subject and body; a missing variable reads `[name]`, never `{{name}}`. */
  subject: z.string(),
  body: z.string(),
  /** RFC 6068 `mailto:` URL with subject and body; null when the lead has no email. */
  mailto: z.string().nullable(),
  /** True when `mailto` is longer than mail clients reliably open (see `MAILTO_SAFE_LENGTH`). */
  mailtoTooLong: z.boolean(),
  /** Variables the template uses that have no value for this lead, in order of appearance. */
  missing: z.array(z.enum(SCRIPT_VARIABLES)),
  language: ScriptLanguage,
});
export type RenderedEmail = z.infer<typeof RenderedEmail>;

export const queueMethods = {
  /** Leads callable at `at`, in queue order, each with the reasons for its place. */
  'queue.list': method(
    z.object({ at: At, limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ at: z.number().int(), entries: z.array(QueueEntry) }),
  ),
  /** The one lead to call now, or null when no lead is callable (`exclude` leaves leads out). */
  'queue.next': method(
    z.object({
      at: At,
      /** Leads to pass over (a calling session's skips); the queue's order is unchanged. */
      exclude: z.array(LeadId).max(1000).optional(),
    }),
    z.object({ at: z.number().int(), entry: QueueEntry.nullable() }),
  ),
  /** Why a lead is or is not callable at `at`, and when it becomes callable. */
  'queue.why': method(z.object({ leadId: LeadId, at: At }), Explanation),
  /** Today's dials against the target, with the estimated finish from the rep's pace. */
  'queue.plan': method(z.object({ at: At }), DailyPlan),
  'queue.rules': method(z.object({}), CallingRules),
  'queue.setRules': method(CallingRules.partial(), CallingRules),
  /** Sets a lead's fit score (0–100, null to clear), which raises or lowers its priority band. */
  'queue.setFit': method(
    z.object({ leadId: LeadId, fit: z.number().int().min(0).max(100).nullable() }),
    z.object({ leadId: z.string(), fit: z.number().int().nullable() }),
  ),
  /** Email, LinkedIn and custom tasks due by `at` (or by `due`, see `TaskDue`), oldest first. */
  'tasks.list': method(
    z.object({ at: At, limit: z.number().int().min(1).max(1000).default(100), due: TaskDue.optional() }),
    z.array(TodoEntry),
  ),
  /** Marks a task done (email, LinkedIn, custom) or skipped (any task); the cadence moves on. */
  'tasks.complete': method(
    z.object({
      taskId: z.string().uuid(),
      result: TaskResult,
      note: z.string().max(10_000).optional(),
      at: At,
    }),
    LogResult,
  ),
  /**
   * An email task's template filled for its lead, the research and the rep, with its `mailto:` URL.
   * The template is `templateId` when given, else the one the cadence step names, else the built-in
   * one of the settings' language. `not_found` for an unknown task or template, `invalid_input` for a
   * task that is not an email, `lead_do_not_contact` for a lead on the do-not-contact list (no mailto).
   */
  'tasks.renderEmail': method(
    z.object({ taskId: z.string().uuid(), templateId: z.string().uuid().optional() }),
    RenderedEmail,
  ),
  'dnc.list': method(z.object({}), z.array(DncEntry)),
  /** Adds phones (E.164), emails or email domains; leads they cover leave their cadences. */
  'dnc.add': method(
    z.object({
      entries: z
        .array(z.object({ kind: DncKind, value: z.string().min(1).max(320) }))
        .min(1)
        .max(10_000),
      reason: z.string().max(500).optional(),
    }),
    z.object({ added: z.array(DncEntry), leadsAffected: z.number().int() }),
  ),
  'dnc.remove': method(z.object({ id: z.string().uuid() }), DncEntry),
};
