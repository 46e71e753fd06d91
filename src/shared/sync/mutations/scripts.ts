import { z } from 'zod';
import { ResearchFacts, ScriptKind, ScriptLanguage, ScriptScope } from '../../domain/script';
import { EpochMs, RowId } from '../protocol';

/** Research facts changed in one edit: the fields given, at least one. */
export const ResearchFactChanges = ResearchFacts.partial().refine(
  (facts) => Object.keys(facts).length > 0,
  'a research facts edit changes at least one field',
);

/** Mutations about scripts and talk tracks, and the research facts they are filled from. */
export const scriptMutations = {
  /**
   * A script saved, whole: `{ id, kind, scope, name, body, language, updatedAt (ms) }`. Team scripts are
   * the manager's; the server refuses a rep's edit of one. Last writer wins by HLC.
   */
  'script.put': z.strictObject({
    id: RowId,
    kind: ScriptKind,
    scope: ScriptScope,
    name: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(4000),
    language: ScriptLanguage,
    updatedAt: EpochMs,
  }),
  /** A script removed: `{ id, deletedAt (ms) }`. */
  'script.delete': z.strictObject({ id: RowId, deletedAt: EpochMs }),
  /**
   * A lead's research facts edited: `{ leadId, facts, updatedAt (ms) }`, `facts` holding only the fields
   * that changed ('' clears one), so two reps editing different fields both keep theirs.
   */
  'research.setFacts': z.strictObject({ leadId: RowId, facts: ResearchFactChanges, updatedAt: EpochMs }),
};
