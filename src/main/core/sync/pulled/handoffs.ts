import type { LeadStatus } from '@shared/domain/lead';
import { PulledHandoff } from '@shared/server/handoffs';
import { AppError } from '../../errors';
import { newId } from '../../ids';
import { createLeadActivityWriter } from '../../leads/activity';
import { leadWriterFor } from '../../leads/writer';
import { recordHandoffRoute } from '../../qualification/handoff-route';
import type { Db } from '../../store/db';
import { writeNow } from '../../store/write-lock';
import type { Outbox } from '../outbox';

/**
 * What a pulled change did on this desktop: `applied` (the AE's decision, or the AE the hand-off is
 * routed to, is now on the lead),
 * `unchanged` (nothing to record yet, or recorded before) or `unknown` (this store does not hold the
 * hand-off's lead).
 */
export type PulledResult = 'applied' | 'unchanged' | 'unknown';

// A decision the server took is never sent back: a writer on this outbox fails rather than record one.
const noOutbox: Outbox = {
  record: () => {
    throw new Error('A change pulled from the server is never recorded in the outbox.');
  },
  inBatch: (_batchId, fn) => fn(),
};

/**
 * Records on this desktop an AE's decision pulled from the team server (`data`: a `PulledHandoff`),
 * in one `writeNow` transaction and without any outbox row (PLAYBOOK, "The funnel": accepted → the lead
 * is an SQL; rejected → back to the nurture pool with the reason). The lead's status becomes `sql` or
 * `nurture` (through the lead writer) and its history gets a `status_change` activity at `decidedAt`
 * (epoch ms) with the AE's reason as its note and `{statusBefore, status, handoffId, decision, ae}` as
 * its data. Applying the same decision again changes nothing (the activity is found by hand-off id).
 * An undecided hand-off (open, unassigned) records where the server routed it (`recordHandoffRoute`:
 * `applied` when its AE or due time is new here, e.g. a re-route). Throws `invalid_input` when `data` is
 * not a hand-off change (update Dialdeck).
 */
export const applyPulledHandoff = (db: Db, data: unknown): PulledResult => {
  const parsed = PulledHandoff.safeParse(data);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      `The team server sent a hand-off change this Dialdeck cannot read (${parsed.error.issues
        .map((i) => `${i.path.join('.') || 'change'}: ${i.message}`)
        .join('; ')}). Update Dialdeck, then sync again.`,
    );
  }
  const handoff = parsed.data;
  const decision = handoff.status;
  if (decision !== 'accepted' && decision !== 'rejected') {
    // Undecided: where the server routed it (re-routed when its AE left the team).
    return writeNow(db, () => (recordHandoffRoute(db, handoff, Date.now()) ? 'applied' : 'unchanged'));
  }
  const at = handoff.decidedAt ?? Date.now();
  return writeNow(db, () => {
    const lead = db
      .prepare<[string], { status: LeadStatus }>('SELECT status FROM leads WHERE id = ?')
      .get(handoff.leadId);
    if (!lead) return 'unknown';
    const recorded = db
      .prepare<[string, string]>(
        `SELECT 1 FROM activities WHERE lead_id = ? AND kind = 'status_change'
          AND json_extract(data, '$.handoffId') = ? AND json_extract(data, '$.decision') IS NOT NULL`,
      )
      .get(handoff.leadId, handoff.id);
    if (recorded) return 'unchanged';
    const status: LeadStatus = decision === 'accepted' ? 'sql' : 'nurture';
    leadWriterFor(db, noOutbox).setStatus(handoff.leadId, status, at);
    createLeadActivityWriter(db)({
      id: newId(),
      leadId: handoff.leadId,
      kind: 'status_change',
      note: handoff.reason,
      data: {
        statusBefore: lead.status,
        status,
        handoffId: handoff.id,
        decision,
        ae: handoff.ae,
      },
      at,
    });
    return 'applied';
  });
};
