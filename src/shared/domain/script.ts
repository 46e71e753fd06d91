import { z } from 'zod';

/** The languages a script is written and timed in (the interface's languages). */
export const SCRIPT_LANGUAGES = ['en', 'zh-CN', 'ko'] as const;
export const ScriptLanguage = z.enum(SCRIPT_LANGUAGES, {
  error: 'the language is one of en, zh-CN or ko',
});
export type ScriptLanguage = z.infer<typeof ScriptLanguage>;

/**
 * What a script is for: a `voicemail` left when no one answers (PLAYBOOK: under 20 seconds), a call
 * `opener`, or an `objection` card (a hard question or a common "no", with its talk track).
 */
export const SCRIPT_KINDS = ['voicemail', 'opener', 'objection'] as const;
export const ScriptKind = z.enum(SCRIPT_KINDS);
export type ScriptKind = z.infer<typeof ScriptKind>;

/** `team` scripts are the manager's, shared with every rep; `personal` ones are the rep's own. */
export const ScriptScope = z.enum(['team', 'personal']);
export type ScriptScope = z.infer<typeof ScriptScope>;

/** The longest script body, in characters: far above a voicemail, small enough for any store. */
export const SCRIPT_BODY_MAX = 4000;

/** A script as written in the editor or a file: `{{variable}}` placeholders in `body`. */
export const ScriptDefinition = z.object({
  /** Kept when a script is edited; a new script has none. */
  id: z.string().uuid().optional(),
  kind: ScriptKind,
  scope: ScriptScope,
  name: z.string().trim().min(1, 'a script needs a name').max(120),
  body: z.string().trim().min(1, 'a script needs some text').max(SCRIPT_BODY_MAX),
  language: ScriptLanguage,
});
export type ScriptDefinition = z.infer<typeof ScriptDefinition>;

/** A stored script. Built-in ones carry the PLAYBOOK's text in English; the interface translates them. */
export const Script = z.object({
  id: z.string().uuid(),
  kind: ScriptKind,
  scope: ScriptScope,
  name: z.string(),
  body: z.string(),
  language: ScriptLanguage,
  builtin: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Script = z.infer<typeof Script>;

const Fact = z.string().trim().max(500);

/**
 * What research found that scripts can use, each a short phrase ('' while unknown): the `triggerEvent`
 * that makes now the time to call (a funding round, a new hire, a download), the `painPoint`, the
 * `techStack` and the `currentTool` the lead's team uses for the job Dialdeck's seller sells.
 */
export const ResearchFacts = z.object({
  triggerEvent: Fact,
  painPoint: Fact,
  techStack: Fact,
  currentTool: Fact,
});
export type ResearchFacts = z.infer<typeof ResearchFacts>;
export const RESEARCH_FACT_FIELDS = ['triggerEvent', 'painPoint', 'techStack', 'currentTool'] as const;
export type ResearchFactField = (typeof RESEARCH_FACT_FIELDS)[number];
export const EMPTY_RESEARCH_FACTS: ResearchFacts = {
  triggerEvent: '',
  painPoint: '',
  techStack: '',
  currentTool: '',
};

/** A lead's research facts with the time they last changed (UTC ms; null while never saved). */
export const LeadResearchFacts = ResearchFacts.extend({
  leadId: z.string().uuid(),
  updatedAt: z.number().int().nullable(),
});
export type LeadResearchFacts = z.infer<typeof LeadResearchFacts>;
