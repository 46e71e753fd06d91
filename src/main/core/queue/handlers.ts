import type { TodoEntry } from '@shared/api/queue';
import { zoneKeyOf } from '@shared/queue/zones';
import type { DialingContext } from '../context';
import type { Handlers } from '../handlers';
import { toQueueLead } from '../leads/rows';
import { writeNow } from '../store/write-lock';
import { normalizeDnc } from './dnc-store';
import { dueRange } from './due-range';
import { explain, zoneOf } from './explain';
import { toTask } from './lead-state';
import { planDay } from './plan';
import { toEntry } from './select';

type QueueHandlers = Pick<
  Handlers,
  | 'queue.list'
  | 'queue.next'
  | 'queue.why'
  | 'queue.plan'
  | 'queue.rules'
  | 'queue.setRules'
  | 'queue.setFit'
  | 'tasks.list'
  | 'tasks.complete'
  | 'dnc.list'
  | 'dnc.add'
  | 'dnc.remove'
>;

export const createQueueHandlers = ({ dialing, events, now }: DialingContext): QueueHandlers => {
  const { svc, selector, engine, logger } = dialing;
  const changed = (reason: 'task' | 'rules' | 'dnc' | 'fit', leadIds?: string[]) =>
    events.emit('queue:changed', leadIds ? { leadIds, reason } : { reason });

  return {
    'queue.list': ({ at = now(), limit }) => {
      const entries = [];
      for (const ranked of selector.ranked(at, { memo: selector.readMemo() })) {
        entries.push(toEntry(ranked, entries.length + 1, at));
        if (entries.length >= limit) break;
      }
      dialing.settle();
      return { at, entries };
    },
    'queue.next': ({ at = now(), exclude }) => {
      const memo = selector.readMemo();
      const first = selector.ranked(at, exclude ? { exclude: new Set(exclude), memo } : { memo }).next();
      const entry = first.done ? null : toEntry(first.value, 1, at);
      dialing.settle();
      return { at, entry };
    },
    'queue.why': ({ leadId, at = now() }) => explain(svc, leadId, at),
    'queue.plan': ({ at = now() }) => {
      const plan = planDay(svc, selector, at);
      dialing.settle();
      return plan;
    },
    'queue.rules': () => svc.rules.get().rules,
    'queue.setRules': (patch) => {
      const rules = svc.rules.update(patch);
      dialing.maintenance.refreshAll();
      changed('rules');
      return rules;
    },
    'queue.setFit': ({ leadId, fit }) => {
      dialing.fit.set(leadId, fit, now());
      changed('fit', [leadId]);
      return { leadId, fit };
    },
    'tasks.list': ({ at = now(), limit, due }) => {
      const { from, to } = dueRange(svc.rules.get().repZone, at, due);
      return svc.tasks.dueTodosBetween(from, to, limit).flatMap((row): TodoEntry[] => {
        const facts = svc.leads.facts(row.lead_id);
        if (!facts) return [];
        const enrollment = svc.leads.liveEnrollment(row.lead_id);
        return [
          {
            task: toTask(row),
            lead: toQueueLead(facts),
            cadenceName: enrollment?.cadence_name ?? null,
            zone: zoneOf(facts, zoneKeyOf(facts.timeZone, facts.country), at),
          },
        ];
      });
    },
    'tasks.complete': ({ taskId, result, note, at = now() }) => {
      const done = logger.complete({ taskId, result, note, at });
      dialing.checkpoint.wrote();
      changed(
        'task',
        [done.nextTask?.leadId ?? done.enrollment?.leadId].filter((id): id is string => !!id),
      );
      return done;
    },
    'dnc.list': () => svc.dnc.list(),
    'dnc.add': ({ entries, reason }) => {
      const at = now();
      const normalized = entries.map((e) => ({ kind: e.kind, value: normalizeDnc(e.kind, e.value) }));
      const { added, affected } = writeNow(svc.db, () => {
        const added = svc.dnc.add(normalized, reason ?? null, null, at, false);
        const affected = new Set<string>();
        for (const entry of added)
          for (const id of svc.dnc.leadsMatching(entry.kind, entry.value)) affected.add(id);
        for (const leadId of affected) {
          const enrollment = svc.leads.liveEnrollment(leadId);
          const facts = svc.leads.facts(leadId);
          if (!enrollment || !facts) continue;
          const task = svc.leads.liveTask(leadId);
          engine.finish(
            facts,
            enrollment,
            'do_not_contact',
            at,
            task ? { row: task, state: 'cancelled', outcome: null } : null,
          );
        }
        return { added, affected };
      });
      changed('dnc', [...affected]);
      return { added, leadsAffected: affected.size };
    },
    'dnc.remove': ({ id }) => {
      const removed = writeNow(svc.db, () => svc.dnc.remove(id));
      changed('dnc');
      return removed;
    },
  };
};
