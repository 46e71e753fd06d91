import { z } from 'zod';
import { EMAIL_BODY_MAX, EMAIL_SUBJECT_MAX } from '../../domain/emailTemplate';
import { ScriptLanguage, ScriptScope } from '../../domain/script';
import { EpochMs, RowId } from '../protocol';

/** Mutations about the email templates of the Tasks view's email steps. */
export const emailTemplateMutations = {
  /**
   * An email template saved, whole: `{ id, scope, name, language, subject, body, updatedAt (ms) }`.
   * Team templates are the manager's; the server refuses a rep's edit of one. Last writer wins by HLC.
   */
  'emailTemplate.put': z.strictObject({
    id: RowId,
    scope: ScriptScope,
    name: z.string().trim().min(1).max(120),
    language: ScriptLanguage,
    subject: z.string().trim().min(1).max(EMAIL_SUBJECT_MAX),
    body: z.string().trim().min(1).max(EMAIL_BODY_MAX),
    updatedAt: EpochMs,
  }),
  /** An email template removed: `{ id, deletedAt (ms) }`. */
  'emailTemplate.delete': z.strictObject({ id: RowId, deletedAt: EpochMs }),
};
