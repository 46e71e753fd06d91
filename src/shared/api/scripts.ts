import { z } from 'zod';
import { LeadResearchFacts, ResearchFacts, Script, ScriptDefinition, ScriptLanguage } from '../domain/script';
import { SCRIPT_VARIABLES } from '../scripts/variables';
import { method } from './contract';

const LeadId = z.string().uuid();
const ScriptId = z.string().uuid();

/** A script filled for one lead, as read: the CLI's `script render` and the lead card's panel. */
export const RenderedScript = z.object({
  scriptId: z.string(),
  /** The filled text; a missing variable reads `[name]`, never `{{name}}`. */
  text: z.string(),
  /** Variables the script uses that have no value for this lead, in order of appearance. */
  missing: z.array(z.enum(SCRIPT_VARIABLES)),
  /** Seconds to read `text` aloud in `language` (see `estimateReading`). */
  seconds: z.number(),
  language: ScriptLanguage,
});
export type RenderedScript = z.infer<typeof RenderedScript>;

export const ReadingTime = z.object({ seconds: z.number(), language: ScriptLanguage });
export type ReadingTime = z.infer<typeof ReadingTime>;

export const scriptsMethods = {
  /** Every script that is not deleted: team ones first, then personal, each by kind and name. */
  'scripts.list': method(z.object({}), z.array(Script)),
  /**
   * Creates (no id) or replaces a script. Raises `script_unknown_variable` (details `{ problems }`) when
   * the body uses a name that is not a script variable or leaves braces open, and `not_found` for an id
   * that is not stored.
   */
  'scripts.save': method(z.object({ script: ScriptDefinition }), Script),
  /** Removes a script (a built-in one too; it does not come back). `not_found` when there is none. */
  'scripts.delete': method(z.object({ id: ScriptId }), z.object({ id: z.string() })),
  /**
   * Fills a script for a lead from the lead, its research facts and the rep's name and phone, and times
   * it in the script's language. `not_found` (details `{ kind: 'script' | 'lead' }`) for either id.
   */
  'scripts.render': method(z.object({ scriptId: ScriptId, leadId: LeadId }), RenderedScript),
  /** Seconds to read `text` aloud in `language`. `script_empty_text` for text with nothing to say. */
  'scripts.estimate': method(
    z.object({ text: z.string().max(20_000), language: ScriptLanguage.default('en') }),
    ReadingTime,
  ),
  /** A lead's research facts ('' for each unknown one). `not_found` for an unknown lead. */
  'research.getFacts': method(z.object({ leadId: LeadId }), LeadResearchFacts),
  /** Saves the given research facts of a lead (others keep their values) as one outbox mutation. */
  'research.setFacts': method(
    z.object({
      leadId: LeadId,
      facts: ResearchFacts.partial().refine((f) => Object.keys(f).length > 0, 'change at least one fact'),
    }),
    LeadResearchFacts,
  ),
};
