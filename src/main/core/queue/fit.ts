import { writeNow } from '../store/write-lock';
import type { Services } from './services';

export type FitWriter = ReturnType<typeof createFitWriter>;

/** The rep's fit score for a lead, which ranks its next call within its cadence tier. */
export const createFitWriter = (svc: Services) => {
  const upsertFit = svc.db.prepare<[string, number | null, number]>(
    `INSERT INTO lead_queue (lead_id, fit, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(lead_id) DO UPDATE SET fit = excluded.fit, updated_at = excluded.updated_at`,
  );

  return {
    /**
     * Sets the lead's fit (0–100, null clears it) at `at` (epoch ms), moves its live task to the band
     * the new fit gives it, and records `lead.setFit` (demo leads excepted), in one transaction.
     * Throws AppError `not_found` for an unknown lead.
     */
    set(leadId: string, fit: number | null, at: number): void {
      writeNow(svc.db, () => {
        const facts = svc.leads.mustFacts(leadId);
        upsertFit.run(leadId, fit, at);
        const counters = svc.leads.counters(leadId);
        const task = svc.leads.liveTask(leadId);
        if (task) {
          const band = svc.planTask({
            facts,
            counters,
            cadence: null,
            enrollmentId: task.enrollment_id,
            enrollmentState: 'active',
            kind: task.kind,
            stepId: task.step_id,
            title: task.title,
            interstitial: false,
            dueAt: task.due_at,
            status: facts.status,
          }).band;
          svc.tasks.setBand(task.id, band);
        }
        svc.record(facts.isDemo, 'lead.setFit', { id: leadId, fit, updatedAt: at });
      });
    },
  };
};
