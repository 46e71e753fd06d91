import { z } from 'zod';
import { CadenceDefinition } from '../domain/cadence';
import { Outcome, StrictOutcome } from '../domain/outcome';
import { DncEntry, DncKind } from '../domain/queue';
import { SCRIPT_BODY_MAX, ScriptKind, ScriptLanguage } from '../domain/script';
import { storable } from './storable';

/**
 * The team's definitions — team scripts, cadences, the outcome set and the do-not-contact list — as
 * the team server keeps them (`/v1/teams/:teamId/{scripts,cadences,outcomes,dnc}`), edited by a
 * manager in the console or on a manager's desktop, and pulled by every desktop of the team (pull
 * kinds `script`, `cadence`, `outcomeSet`, `dnc` in `@shared/sync/pull`).
 *
 * Conflicts: each definition (a script, a cadence, the outcome set, one DNC value) is one register;
 * the write with the later HLC wins, whether it came from a desktop's push or from the console (the
 * console's writes are stamped with the server's clock).
 */

/** A team script as the server keeps it: `{{variable}}` placeholders in `body`, times in epoch ms. */
export const TeamScript = z.object({
  id: z.uuid(),
  kind: ScriptKind,
  name: z.string(),
  body: z.string(),
  language: ScriptLanguage,
  updatedAt: z.number().int(),
  /** The user who saved it last (null for a write by the administrator). */
  updatedBy: z.uuid().nullable(),
});
export type TeamScript = z.infer<typeof TeamScript>;

/**
 * `PUT /v1/teams/:teamId/scripts/:scriptId` body (a manager of the team): the script whole. Its
 * placeholders must be ones Dialdeck fills (`script_unknown_variable`, 400, with `details.problems`).
 */
export const PutTeamScriptInput = storable(
  z.strictObject({
    kind: ScriptKind,
    name: z.string().trim().min(1, 'a script needs a name').max(120),
    body: z.string().trim().min(1, 'a script needs some text').max(SCRIPT_BODY_MAX),
    language: ScriptLanguage,
  }),
);
export type PutTeamScriptInput = z.infer<typeof PutTeamScriptInput>;

/** `GET /v1/teams/:teamId/scripts` answer: the team's scripts not deleted, by kind then name. */
export const TeamScriptsOutput = z.object({ scripts: z.array(TeamScript) });
export type TeamScriptsOutput = z.infer<typeof TeamScriptsOutput>;

/** A team cadence as the server keeps it: the definition (with its id) and when it last changed. */
export const TeamCadence = z.object({
  definition: CadenceDefinition,
  updatedAt: z.number().int(),
  updatedBy: z.uuid().nullable(),
});
export type TeamCadence = z.infer<typeof TeamCadence>;

/**
 * `PUT /v1/teams/:teamId/cadences/:cadenceId` body: the cadence whole (`id` is the address's; one in
 * the body must match it). Steps, transitions and limits are checked as on the desktop.
 */
export const PutTeamCadenceInput = storable(z.strictObject({ definition: CadenceDefinition }));
export type PutTeamCadenceInput = z.infer<typeof PutTeamCadenceInput>;

/** `GET /v1/teams/:teamId/cadences` answer: the team's cadences not deleted, by priority then name. */
export const TeamCadencesOutput = z.object({ cadences: z.array(TeamCadence) });
export type TeamCadencesOutput = z.infer<typeof TeamCadencesOutput>;

/**
 * `GET /v1/teams/:teamId/outcomes` answer: the team's outcome set (`DEFAULT_OUTCOMES` while never
 * saved, with `edited` false) and when it last changed (null while never saved).
 */
export const TeamOutcomesOutput = z.object({
  outcomes: z.array(Outcome),
  edited: z.boolean(),
  updatedAt: z.number().int().nullable(),
});
export type TeamOutcomesOutput = z.infer<typeof TeamOutcomesOutput>;

/**
 * `PUT /v1/teams/:teamId/outcomes` body: the outcome set whole. Every built-in outcome stays (it may be
 * relabelled, retuned or made inactive, never removed: the desktop's logic names them); ids are unique.
 * `invalid_input` (400) says which rule a set breaks (`outcomeSetProblems`); an outcome with a key
 * Dialdeck does not know is refused, not stripped.
 */
export const PutTeamOutcomesInput = storable(
  z.strictObject({ outcomes: z.array(StrictOutcome).min(1).max(30) }),
);
export type PutTeamOutcomesInput = z.infer<typeof PutTeamOutcomesInput>;

/**
 * `POST /v1/teams/:teamId/dnc` body: one entry as a person types it. The server normalises `value`
 * (a phone to E.164 with `region` as the default country, an email or domain to lower case) and
 * answers `dnc_invalid_value` (400) when it cannot.
 */
export const AddTeamDncInput = storable(
  z.strictObject({
    kind: DncKind,
    value: z.string().trim().min(1).max(320),
    reason: z.string().trim().max(500).nullable().optional(),
    /** ISO 3166-1 alpha-2 country for a phone written without `+` (e.g. `US`). */
    region: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  }),
);
export type AddTeamDncInput = z.infer<typeof AddTeamDncInput>;

/** One entry of the team's do-not-contact list, with who added it (null: the administrator). */
export const TeamDncEntry = DncEntry.extend({ addedBy: z.uuid().nullable() });
export type TeamDncEntry = z.infer<typeof TeamDncEntry>;

/**
 * `POST /v1/teams/:teamId/dnc` answer: the entry as listed, and `alreadyListed`: true (status 200) when
 * the value was on the list before this request, so nothing was added; false (201) when it is new.
 */
export const AddTeamDncOutput = TeamDncEntry.extend({ alreadyListed: z.boolean() });
export type AddTeamDncOutput = z.infer<typeof AddTeamDncOutput>;

/**
 * `GET /v1/teams/:teamId/dnc[?q=TEXT][&after=CURSOR][&limit=N]` query: entries whose value contains `q`
 * (case-insensitive), newest first, `limit` (1–500, default 100) after the page cursor `after` (the
 * `next` of the page before).
 */
export const TeamDncQuery = storable(
  z.strictObject({
    q: z.string().trim().max(320).optional(),
    after: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  }),
);
export type TeamDncQuery = z.infer<typeof TeamDncQuery>;

/**
 * `GET /v1/teams/:teamId/dnc` answer: a page of entries, the cursor of the next page (`after`; null at
 * the end) and how many entries match in all.
 */
export const TeamDncOutput = z.object({
  entries: z.array(TeamDncEntry),
  next: z.string().nullable(),
  total: z.number().int(),
});
export type TeamDncOutput = z.infer<typeof TeamDncOutput>;
