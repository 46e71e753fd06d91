import { CadenceDefinition } from '@shared/domain/cadence';
import type { PulledChange } from '@shared/sync/pull';
import { type StoredCadence, toDefinition } from '../../cadence/store';
import type { Dialing } from '../../queue/dialing';
import { createScriptStore } from '../../scripts/store';
import { readSetting } from '../../settings/repo';
import type { Outbox } from '../../sync/outbox';
import {
  cadenceRegister,
  dncRegister,
  OUTCOME_SET_REGISTER,
  type PendingDefinitionStamps,
  pendingDefinitionStamps,
  scriptRegister,
} from './pending-definitions';

/** A pulled change of one of the team's definitions. */
export type DefinitionChange = Extract<PulledChange, { kind: 'script' | 'cadence' | 'outcomeSet' | 'dnc' }>;

/** Which of the team's definitions a pull page changed here, and the leads whose queue changed. */
export type DefinitionsChanged = {
  scripts: boolean;
  cadences: boolean;
  outcomes: boolean;
  dnc: boolean;
  /** Leads whose enrollment or task moved (finished by a DNC entry or a deleted cadence, moved step). */
  leadIds: string[];
};

/** Nothing changed yet. */
export const noDefinitionsChanged = (): DefinitionsChanged => ({
  scripts: false,
  cadences: false,
  outcomes: false,
  dnc: false,
  leadIds: [],
});

// A pulled definition is the server's: writing it records nothing (scripts are written through this).
const silentOutbox: Outbox = {
  record: (name) => {
    throw new Error(`A pulled team definition tried to record "${name}" in the outbox`);
  },
  inBatch: (_batchId, fn) => fn(),
};

/** Applies pulled definition changes to one store; `changed` says what the page changed so far. */
export type PulledDefinitions = {
  apply(change: DefinitionChange, at: number): void;
  changed: DefinitionsChanged;
};

/**
 * Applies the team's definitions pulled from the server (`@shared/server/definitions`) to this store,
 * inside the pull page's transaction and without recording them in the outbox (they came from the
 * server). Each definition is one register, last writer wins as on the server: a definition whose
 * local edit still waits in the outbox with a later stamp (wall time, epoch ms) than the pulled
 * `updatedAt` is kept as edited here; its push decides on the server. Applying a page twice changes
 * nothing.
 * - `script`: stored as a `team` script, or archived when `deleted`; a built-in id shows the team's text.
 * - `cadence`: stored whole (its leads' queue times follow its limits; a lead on a step the team removed
 *   moves to the first step), or, when `deleted`, its leads' enrollments finish with `cadence_deleted`
 *   and their tasks are cancelled, as a local deletion does.
 * - `outcomeSet`: the saved outcome set replaced (built-ins it lacks still show).
 * - `dnc`: the entry added (leads it covers leave their cadence with `do_not_contact`, their tasks
 *   cancelled, as a local `dnc.add`) or, when `removed`, deleted.
 * Consequences on the queue (finished enrollments, cancelled or new tasks) are this desktop's own and
 * are recorded as a local change would record them.
 */
export const createPulledDefinitions = (dialing: Dialing): PulledDefinitions => {
  const { svc, engine, maintenance } = dialing;
  const scripts = createScriptStore(svc.db, silentOutbox, svc.now);
  const changed = noDefinitionsChanged();
  const leadIds = new Set<string>();
  let pending: PendingDefinitionStamps | undefined;
  /** Whether a local edit of `register` waits in the outbox, stamped after `updatedAt`. */
  const localWins = (register: string, updatedAt: number): boolean => {
    pending ??= pendingDefinitionStamps(svc.db);
    const local = pending.get(register);
    return local !== undefined && local > updatedAt;
  };

  /** Finishes each lead's live enrollment for `reason`, cancelling its live task. */
  const finishLeads = (ids: Iterable<string>, reason: 'cadence_deleted' | 'do_not_contact', at: number) => {
    for (const leadId of ids) {
      const facts = svc.leads.facts(leadId);
      const enrollment = svc.leads.liveEnrollment(leadId);
      if (!facts || !enrollment) continue;
      const task = svc.leads.liveTask(leadId);
      engine.finish(
        facts,
        enrollment,
        reason,
        at,
        task ? { row: task, state: 'cancelled', outcome: null } : null,
      );
      leadIds.add(leadId);
    }
  };

  const applyScript = (data: Extract<DefinitionChange, { kind: 'script' }>['data']) => {
    if (localWins(scriptRegister(data.id), data.updatedAt)) return;
    const held = svc.db
      .prepare<
        [string],
        { body: string; name: string; kind: string; language: string; scope: string; archived: number }
      >('SELECT body, name, kind, language, scope, archived FROM scripts WHERE id = ?')
      .get(data.id);
    if (data.deleted) {
      if (!held || held.archived === 1) return;
    } else if (
      held &&
      held.archived === 0 &&
      held.scope === 'team' &&
      held.body === data.body &&
      held.name === data.name &&
      held.kind === data.kind &&
      held.language === data.language
    ) {
      return;
    }
    scripts.putPulled(data, data.deleted);
    changed.scripts = true;
  };

  const applyCadence = (data: Extract<DefinitionChange, { kind: 'cadence' }>['data'], at: number) => {
    const id = data.definition.id;
    if (id === undefined || localWins(cadenceRegister(id), data.updatedAt)) return;
    const held = svc.cadences.get(id);
    if (data.deleted) {
      if (!held || held.archived) return;
      finishLeads(svc.cadences.enrolledLeadIds(id), 'cadence_deleted', at);
      svc.cadences.archive(id, at, { record: false });
      changed.cadences = true;
      return;
    }
    const definition = { ...data.definition, id };
    if (held && !held.archived && sameCadence(held, definition)) return;
    const saved = svc.cadences.save(definition, at, svc.outcomes.ids(), { record: false, pulled: true });
    const first = saved.steps[0];
    const stepIds = new Set(saved.steps.map((s) => s.id));
    for (const leadId of svc.cadences.enrolledLeadIds(id)) {
      const enrollment = svc.leads.liveEnrollment(leadId);
      const facts = svc.leads.facts(leadId);
      if (!enrollment || !facts || (enrollment.step_id !== null && stepIds.has(enrollment.step_id))) continue;
      const live = svc.leads.liveTask(leadId) ?? null;
      const closing = live ? { row: live, state: 'cancelled' as const, outcome: null } : null;
      if (!first) {
        engine.finish(facts, enrollment, 'cadence_deleted', at, closing);
      } else {
        engine.apply({
          facts,
          counters: svc.leads.counters(leadId),
          enrollment,
          cadence: saved,
          decision: { type: 'step', stepId: first.id, stepAttempts: 0, wait: first.wait },
          live,
          closing,
          stepAttempts: 0,
          status: facts.status,
          at,
        });
      }
      leadIds.add(leadId);
    }
    maintenance.refreshAll(id);
    changed.cadences = true;
  };

  const applyOutcomes = (data: Extract<DefinitionChange, { kind: 'outcomeSet' }>['data']) => {
    if (localWins(OUTCOME_SET_REGISTER, data.updatedAt)) return;
    if (JSON.stringify(readSetting(svc.db, 'queue.outcomes')) === JSON.stringify(data.outcomes)) return;
    svc.outcomes.replacePulled(data.outcomes);
    changed.outcomes = true;
  };

  const applyDnc = (data: Extract<DefinitionChange, { kind: 'dnc' }>['data'], at: number) => {
    const { entry, removed } = data;
    if (localWins(dncRegister(entry.kind, entry.value), entry.createdAt)) return;
    if (removed) {
      if (svc.dnc.removePulled(entry.kind, entry.value)) changed.dnc = true;
      return;
    }
    if (!svc.dnc.addPulled(entry)) return;
    finishLeads(svc.dnc.leadsMatching(entry.kind, entry.value), 'do_not_contact', at);
    changed.dnc = true;
  };

  return {
    changed,
    apply(change, at) {
      switch (change.kind) {
        case 'script':
          applyScript(change.data);
          break;
        case 'cadence':
          applyCadence(change.data, at);
          break;
        case 'outcomeSet':
          applyOutcomes(change.data);
          break;
        case 'dnc':
          applyDnc(change.data, at);
          break;
      }
      changed.leadIds = [...leadIds];
    },
  };
};

/** Whether a stored cadence already holds this definition (a page pulled again), compared as parsed. */
const sameCadence = (held: StoredCadence, definition: CadenceDefinition): boolean =>
  JSON.stringify(CadenceDefinition.parse(toDefinition(held))) ===
  JSON.stringify(CadenceDefinition.parse(definition));
