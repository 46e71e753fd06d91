import { isoOrNull } from '@shared/domain/instant';
import type { Explanation, LeadZone } from '@shared/domain/queue';
import { callableAt, type DialState, evaluateBlockers } from '@shared/queue/blockers';
import { isoInZone } from '@shared/queue/clock';
import { describeBlocker } from '@shared/queue/describe';
import { isUnknownZoneKey, type ZoneKey, zoneKeyOf } from '@shared/queue/zones';
import {
  type Counters,
  type EnrollmentRow,
  type LeadFacts,
  limitsFor,
  type TaskRow,
  toTask,
} from './lead-state';
import type { ResolvedRules } from './rules-store';
import type { Services } from './services';

/** One lead's state as the queue rules see it, with the rows it came from. */
export type LoadedDial = {
  facts: LeadFacts;
  counters: Counters;
  task: TaskRow | undefined;
  enrollment: EnrollmentRow | undefined;
  zoneKey: ZoneKey;
  state: DialState;
};

export const loadDialFrom = (svc: Services, facts: LeadFacts, resolved: ResolvedRules): LoadedDial => {
  const counters = svc.leads.counters(facts.id);
  const task = svc.leads.liveTask(facts.id);
  const enrollment = svc.leads.liveEnrollment(facts.id);
  const zoneKey = zoneKeyOf(facts.timeZone, facts.country);
  const state: DialState = {
    status: facts.status,
    phoneCount: facts.phones.length,
    dnc: svc.leads.dncMatches(facts),
    zoneKey,
    task: task
      ? {
          lane: task.lane,
          kind: task.kind,
          state: task.state === 'paused' ? 'paused' : 'open',
          dueAt: task.due_at,
        }
      : null,
    enrollment: enrollment ? { state: enrollment.state === 'paused' ? 'paused' : 'active' } : null,
    limits: limitsFor(resolved.rules, enrollment?.limits),
    attempts: { total: counters.total, day: counters.day, dayKey: counters.dayKey, lastAt: counters.lastAt },
    reservation:
      counters.reservedBy !== null && counters.reservedUntil !== null
        ? { by: counters.reservedBy, until: counters.reservedUntil }
        : null,
    snooze:
      counters.snoozedUntil !== null
        ? { until: counters.snoozedUntil, reason: counters.snoozeReason ?? '' }
        : null,
  };
  return { facts, counters, task, enrollment, zoneKey, state };
};

export const zoneOf = (facts: LeadFacts, zoneKey: ZoneKey, at: number): LeadZone => {
  const unknown = isUnknownZoneKey(zoneKey);
  return {
    timeZone: facts.timeZone,
    country: facts.country,
    timeZoneUnknown: unknown,
    localTime: unknown ? null : isoInZone(zoneKey, at),
  };
};

/** `queue.why`: the rules that keep the lead from being called at `at`, and when each one clears. */
export const explain = (svc: Services, leadId: string, at: number): Explanation => {
  const resolved = svc.rules.get();
  const dial = loadDialFrom(svc, svc.leads.mustFacts(leadId), resolved);
  const env = svc.env(dial.zoneKey, resolved);
  const blockers = evaluateBlockers(dial.state, at, env);
  const when = blockers.length === 0 ? at : callableAt(dial.state, at, env);
  const zoneForText = isUnknownZoneKey(dial.zoneKey) ? null : dial.zoneKey;
  return {
    leadId,
    at,
    callable: blockers.length === 0,
    callableAt: when,
    // A bad stored time (e.g. a hand-edited due time) leaves the instant as stored and its text unknown.
    callableAtIso: isoOrNull(when),
    blockers: blockers.map((b) => describeBlocker(b, zoneForText)),
    zone: zoneOf(dial.facts, dial.zoneKey, at),
    task: dial.task ? toTask(dial.task) : null,
  };
};
