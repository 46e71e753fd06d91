import { CadenceDefinition } from '@shared/domain/cadence';
import { BUILTIN_CADENCES } from '../cadence/defaults';
import { createCadenceEngine } from '../cadence/engine';
import { createIdleCheckpoint } from '../outcomes/checkpoint';
import { createOutcomeLogger } from '../outcomes/log';
import { readSetting, writeSetting } from '../settings/repo';
import { publishedLeads } from '../store/published';
import { writeNow } from '../store/write-lock';
import { createFitWriter } from './fit';
import { createMaintenance } from './maintenance';
import { createSelector } from './select';
import { createServices, type DialingDeps } from './services';

const SEEDED_KEY = 'cadence.builtinsSeeded';

export type Dialing = ReturnType<typeof createDialing>;

/** The call-cadence engine, the queue and outcome logging over one store. */
export const createDialing = (deps: DialingDeps) => {
  const svc = createServices(deps);
  const engine = createCadenceEngine(svc);
  const logger = createOutcomeLogger(svc, engine);
  const selector = createSelector(svc);
  const maintenance = createMaintenance(svc, engine);
  const checkpoint = createIdleCheckpoint(deps.db);
  const fit = createFitWriter(svc);

  /**
   * First run on a store: writes the built-in cadences and puts the leads already there on the cadence
   * their rule picks. Later runs leave a team's edits and deletions alone.
   */
  const ensureReady = (at: number): void => {
    if (readSetting(deps.db, SEEDED_KEY)) return;
    writeNow(deps.db, () => {
      const outcomeIds = svc.outcomes.ids();
      for (const builtin of BUILTIN_CADENCES) {
        svc.cadences.save(CadenceDefinition.parse(builtin), at, outcomeIds, { builtin: true, record: false });
      }
      writeSetting(deps.db, SEEDED_KEY, true);
      const waiting = deps.db
        .prepare<[], string>(
          `SELECT id FROM ${publishedLeads('l')} WHERE status IN ('new', 'working')
             AND id NOT IN (SELECT lead_id FROM enrollments WHERE state IN ('active', 'paused'))
           ORDER BY created_at, id`,
        )
        .pluck()
        .all();
      engine.enrollNewLeads(waiting, at);
    });
  };

  return {
    svc,
    engine,
    logger,
    selector,
    maintenance,
    checkpoint,
    fit,
    ensureReady,
    /**
     * After a queue read: leads the read found blocked for good (won, on the do-not-contact list, out of
     * attempts…) leave their cadence or the index's due range, so later reads do not step over them.
     */
    settle(): void {
      const stale = selector.takeStale();
      // A store opened read-only keeps its index as it is; the next writable open settles it.
      if (deps.db.readonly) return;
      if (stale.length > 0) maintenance.refreshLeads(stale, deps.now());
    },
    /**
     * Call after a lead's status, phones, email, time zone or country changed outside the cadence engine
     * (lead edits, sync): its enrollment and queue position follow.
     */
    refreshLeads: (leadIds: readonly string[]) => {
      maintenance.refreshLeads(leadIds, deps.now());
      deps.events.emit('queue:changed', { leadIds: [...leadIds], reason: 'leads' });
    },
    /**
     * Puts newly imported or created leads on the cadence their rule picks; the import and lead creation
     * call this inside their own transaction. Leads already enrolled or not new/working are left alone.
     */
    enrollNewLeads: (leadIds: readonly string[], at: number = deps.now()) => {
      const result = engine.enrollNewLeads(leadIds, at);
      if (result.enrolled > 0) deps.events.emit('queue:changed', { reason: 'enrollment' });
      return result;
    },
  };
};
