import { isWorkable } from '@shared/domain/outcome';
import { zoneKeyOf } from '@shared/queue/zones';
import type { CadenceEngine } from '../cadence/engine';
import { published } from '../store/published';
import { writeNow } from '../store/write-lock';
import { type Counters, limitsFor, NO_COUNTERS } from './lead-state';
import { bandOf, NEVER, readyAtFor } from './schedule';
import type { Services } from './services';

export type Maintenance = ReturnType<typeof createMaintenance>;

type RefreshRow = {
  id: string;
  due_at: number;
  ready_at: number;
  zone_key: string;
  band: number;
  time_zone: string | null;
  country: string | null;
  limits: string | null;
  attempts_total: number | null;
  attempts_day: number | null;
  attempts_day_key: string | null;
  last_attempt_at: number | null;
  fit: number | null;
  has_phone: number;
};

/**
 * Keeps enrollments and the queue's index fields (zone, band, ready time) in line with data that
 * changed elsewhere: a lead's status, phones or time zone, the do-not-contact list, the limits.
 */
export const createMaintenance = (svc: Services, engine: CadenceEngine) => {
  const { db } = svc;
  const update = db.prepare('UPDATE tasks SET zone_key = ?, band = ?, ready_at = ?, fresh = ? WHERE id = ?');
  const reschedule = db.prepare('UPDATE tasks SET zone_key = ?, band = ?, ready_at = ? WHERE id = ?');
  /** Every live call task with what its ready time and band depend on. */
  const REFRESH_SQL = `SELECT t.id, t.due_at, t.ready_at, t.zone_key, t.band, l.time_zone, l.country, c.limits,
             q.attempts_total, q.attempts_day, q.attempts_day_key, q.last_attempt_at, q.fit,
             EXISTS (SELECT 1 FROM lead_phones p WHERE p.lead_id = t.lead_id) AS has_phone
           FROM tasks t JOIN leads l ON l.id = t.lead_id
             LEFT JOIN lead_queue q ON q.lead_id = t.lead_id
             LEFT JOIN enrollments e ON e.id = t.enrollment_id
             LEFT JOIN cadences c ON c.id = e.cadence_id
           WHERE ${published('t')} AND t.state IN ('open', 'paused') AND t.lane = 'dial'`;
  const refreshEvery = db.prepare<[], RefreshRow>(REFRESH_SQL);
  const refreshOfCadence = db.prepare<[string], RefreshRow>(`${REFRESH_SQL} AND e.cadence_id = ?`);

  /** Brings one lead's enrollment and live task up to date. Call inside a transaction. */
  const refreshLead = (leadId: string, at: number): void => {
    const facts = svc.leads.facts(leadId);
    if (!facts) return;
    const enrollment = svc.leads.liveEnrollment(leadId);
    const task = svc.leads.liveTask(leadId);
    if (!task && !enrollment) return;
    const dnc = svc.leads.dncMatches(facts);
    if (!isWorkable(facts.status) || dnc.length > 0) {
      const reason = dnc.length > 0 ? 'do_not_contact' : 'status';
      const closing = task ? { row: task, state: 'cancelled' as const, outcome: null } : null;
      if (enrollment) engine.finish(facts, enrollment, reason, at, closing);
      else if (task) svc.tasks.close(task, 'cancelled', null, at, facts.isDemo);
      return;
    }
    if (!task) return;
    const planned = svc.planTask({
      facts,
      counters: svc.leads.counters(leadId),
      cadence: enrollment ? (svc.cadences.get(enrollment.cadence_id) ?? null) : null,
      enrollmentId: task.enrollment_id,
      enrollmentState: 'active',
      kind: task.kind,
      stepId: task.step_id,
      title: task.title,
      interstitial: task.interstitial === 1,
      dueAt: task.due_at,
      status: facts.status,
    });
    const fresh = planned.fresh ? 1 : 0;
    if (
      planned.zoneKey !== task.zone_key ||
      planned.band !== task.band ||
      planned.readyAt !== task.ready_at ||
      fresh !== task.fresh
    ) {
      update.run(planned.zoneKey, planned.band, planned.readyAt, fresh, task.id);
      svc.noteZoneKey(planned.zoneKey);
    }
  };

  const refreshLeads = (leadIds: Iterable<string>, at: number): void => {
    writeNow(db, () => {
      for (const id of leadIds) refreshLead(id, at);
    });
  };

  return {
    refreshLead,
    refreshLeads,
    /**
     * Recomputes every live call task's ready time and band (all, or one cadence's) after the calling
     * rules or a cadence's limits changed: one read of everything needed, then only the changed rows.
     */
    refreshAll(cadenceId?: string): void {
      const resolved = svc.rules.get();
      const rows = cadenceId ? refreshOfCadence.all(cadenceId) : refreshEvery.all();
      writeNow(db, () => {
        for (const row of rows) {
          const zoneKey = zoneKeyOf(row.time_zone, row.country);
          const counters: Counters = {
            ...NO_COUNTERS,
            total: row.attempts_total ?? 0,
            day: row.attempts_day ?? 0,
            dayKey: row.attempts_day_key,
            lastAt: row.last_attempt_at,
            fit: row.fit,
          };
          const limits = limitsFor(resolved.rules, row.limits);
          const readyAt = row.has_phone
            ? readyAtFor(row.due_at, 'dial', counters, limits, svc.dayZone(zoneKey, resolved))
            : NEVER;
          const band = bandOf(row.fit, counters.total);
          if (readyAt !== row.ready_at || band !== row.band || zoneKey !== row.zone_key) {
            reschedule.run(zoneKey, band, readyAt, row.id);
            svc.noteZoneKey(zoneKey);
          }
        }
      });
    },
  };
};
