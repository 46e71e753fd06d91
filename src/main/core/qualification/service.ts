import type { HandoffInput, HandoffReadiness, Qualification } from '@shared/api/qualification';
import type { Handoff } from '@shared/domain/handoff';
import {
  type BantAnswer,
  type BantCriterion,
  bantInOrder,
  confirmedCount,
  profileCompleteness,
  type QualificationConfig,
} from '@shared/domain/qualification';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { newId } from '../ids';
import { createLeadActivityWriter } from '../leads/activity';
import { leadWriterFor } from '../leads/writer';
import { readSetting, writeSetting } from '../settings/repo';
import { writeNow } from '../store/write-lock';
import { latestHandoffRoute } from './handoff-route';
import { handoffReadiness } from './readiness';
import { createQualificationStore } from './store';

/** Statuses at or past the hand-off (PLAYBOOK funnel: MQL → SQL → opportunity → won). */
const HANDED_OFF = new Set(['mql', 'sql', 'opportunity', 'won']);

type HandoffArgs = Omit<HandoffInput, 'nextStep'> & { nextStep: string; at: number };

const refusal = (readiness: HandoffReadiness, leadId: string): AppError => {
  const { confirmed, required } = readiness;
  switch (readiness.blockedBy) {
    case 'handoff_bant_gate':
      return new AppError(
        'handoff_bant_gate',
        `Only ${confirmed} of the 4 BANT criteria are confirmed; a hand-off needs ${required}. Confirm budget, authority, need or timeline first (--bant budget,authority,…).`,
        { leadId, confirmed, required },
        { confirmed, required },
      );
    case 'handoff_do_not_contact':
      return new AppError(
        'handoff_do_not_contact',
        'This lead is on the do-not-contact list, so it is never handed to sales.',
        { leadId },
      );
    case 'handoff_already_handed_off':
      return new AppError(
        'handoff_already_handed_off',
        'This lead was handed off already (it is an MQL or further along); the AE answers that hand-off.',
        { leadId },
      );
    default:
      return new AppError(
        'handoff_lead_closed',
        'This lead is lost or disqualified. Set it back to working or nurture before handing it off.',
        { leadId },
      );
  }
};

export type QualificationService = ReturnType<typeof createQualificationService>;

/**
 * BANT answers, the profile checklist and the MQL hand-off over one store. Every change writes its
 * outbox mutation in the same transaction; a hand-off is one `lead.handoff` batch.
 */
export const createQualificationService = ({ db, outbox, leads, dialing, now }: CoreContext) => {
  const { svc, engine } = dialing;
  const store = createQualificationStore(db);
  const config = (): QualificationConfig => readSetting(db, 'qualification.config');
  const writeActivity = createLeadActivityWriter(db);
  const writer = leadWriterFor(db, outbox);
  const researchOf = db
    .prepare<[string], number>("SELECT 1 FROM research WHERE lead_id = ? AND trim(body) <> ''")
    .pluck();

  const readinessOf = (leadId: string, bant: readonly BantAnswer[]): HandoffReadiness => {
    const facts = svc.leads.mustFacts(leadId);
    return handoffReadiness({
      status: facts.status,
      onDncList: svc.leads.dncMatches(facts).length > 0,
      confirmed: confirmedCount(bant),
      required: config().bantGate,
      handedOff: store.latestHandoff(leadId) !== null,
    });
  };

  /** The lead's answers, checklist, readiness, last hand-off and where the server routed it. Throws `not_found` for an unknown lead. */
  const get = (leadId: string): Qualification => {
    const lead = leads.getLead(leadId);
    const bant = bantInOrder(store.bant(leadId));
    const profile = profileCompleteness(
      config(),
      { ...lead, hasResearch: researchOf.get(leadId) !== undefined },
      bant,
      store.checkedByHand(leadId),
    );
    const handoff = store.latestHandoff(leadId);
    return {
      leadId,
      status: lead.status,
      bant,
      profile,
      readiness: readinessOf(leadId, bant),
      handoff,
      handoffRoute: handoff ? latestHandoffRoute(db, leadId, handoff.id) : null,
    };
  };

  /**
   * BANT answers and the profile checklist are the SDR's until the hand-off; from then on they are what
   * the AE was given, so edits are refused. Throws `handoff_already_handed_off`.
   */
  const assertEditable = (facts: { id: string; name: string; status: string }) => {
    if (!HANDED_OFF.has(facts.status)) return;
    throw new AppError(
      'handoff_already_handed_off',
      `${facts.name} was handed off already (status ${facts.status}); its BANT answers and profile are what the AE received and are read-only now.`,
      { leadId: facts.id },
    );
  };

  /** Writes one criterion and its mutation. Call inside a transaction. */
  const writeBant = (
    leadId: string,
    isDemo: boolean,
    answer: { criterion: BantCriterion; confirmed: boolean; note: string },
    at: number,
  ) => {
    store.putBant(leadId, answer, at);
    svc.record(isDemo, 'qualification.setBant', { leadId, ...answer, updatedAt: at });
  };

  /** Sets one criterion; a field left out keeps its stored value. One `qualification.setBant` mutation. */
  const setBant = (input: {
    leadId: string;
    criterion: BantCriterion;
    confirmed?: boolean;
    note?: string;
  }): Qualification => {
    const at = now();
    writeNow(db, () => {
      const facts = svc.leads.mustFacts(input.leadId);
      assertEditable(facts);
      const current = bantInOrder(store.bant(input.leadId)).find((a) => a.criterion === input.criterion);
      writeBant(
        facts.id,
        facts.isDemo,
        {
          criterion: input.criterion,
          confirmed: input.confirmed ?? current?.confirmed ?? false,
          note: input.note ?? current?.note ?? '',
        },
        at,
      );
    });
    return get(input.leadId);
  };

  /**
   * Ticks or clears a checklist item by hand; one `qualification.setProfileItem` mutation. Throws
   * `invalid_input` for an id that is not in the team's checklist.
   */
  const setProfileItem = (input: { leadId: string; itemId: string; checked: boolean }): Qualification => {
    if (!config().profileItems.some((item) => item.id === input.itemId)) {
      throw new AppError(
        'invalid_input',
        `"${input.itemId}" is not an item of the profile checklist. Use one of: ${config()
          .profileItems.map((i) => i.id)
          .join(', ')}.`,
      );
    }
    const at = now();
    writeNow(db, () => {
      const facts = svc.leads.mustFacts(input.leadId);
      assertEditable(facts);
      store.putCheck(facts.id, input.itemId, input.checked, at);
      svc.record(facts.isDemo, 'qualification.setProfileItem', {
        leadId: facts.id,
        itemId: input.itemId,
        checked: input.checked,
        updatedAt: at,
      });
    });
    return get(input.leadId);
  };

  /** Saves the team's rules over the stored ones (`qualification.config` in the settings registry). */
  const setConfig = (patch: Partial<QualificationConfig>): QualificationConfig => {
    writeNow(db, () => writeSetting(db, 'qualification.config', { ...config(), ...patch }));
    return config();
  };

  /**
   * One transaction: the criteria `confirm` names, the hand-off row, the status `mql`, the cadence
   * finished (reason `status`, as when a call's outcome makes the lead an MQL) and its open task
   * cancelled, all in one `lead.handoff` outbox batch. Refusals throw before anything is written.
   */
  const handoff = (input: HandoffArgs): Handoff =>
    writeNow(db, () =>
      svc.batch('lead.handoff', () => {
        const { at } = input;
        const facts = svc.leads.mustFacts(input.leadId);
        const stored = bantInOrder(store.bant(facts.id));
        const confirming = new Set(input.confirm ?? []);
        const bant = stored.map((a) => (confirming.has(a.criterion) ? { ...a, confirmed: true } : a));
        const readiness = readinessOf(facts.id, bant);
        if (readiness.blockedBy) throw refusal(readiness, facts.id);

        for (const answer of bant) {
          if (
            confirming.has(answer.criterion) &&
            !stored.find((s) => s.criterion === answer.criterion)?.confirmed
          )
            writeBant(facts.id, facts.isDemo, answer, at);
        }
        const before = get(facts.id);
        const handoff: Handoff = {
          id: newId(),
          leadId: facts.id,
          summary: input.summary,
          bant: bant.map(({ criterion, confirmed, note }) => ({ criterion, confirmed, note })),
          nextStep: input.nextStep,
          suggestedAe: input.suggestedAe?.trim() ? input.suggestedAe.trim() : null,
          profileFilled: before.profile.filled,
          profileTotal: before.profile.total,
          statusBefore: facts.status,
          createdAt: at,
        };
        store.insertHandoff(handoff);
        // The history's hand-off row shares the hand-off's id: the server writes it from `handoff.create`.
        writeActivity({
          id: handoff.id,
          leadId: facts.id,
          kind: 'handoff',
          note: handoff.summary,
          data: { statusBefore: facts.status, status: 'mql', handoffId: handoff.id },
          at,
        });
        svc.record(facts.isDemo, 'handoff.create', handoff);
        writer.setStatus(facts.id, 'mql', at);
        svc.record(facts.isDemo, 'lead.setStatus', { id: facts.id, status: 'mql', updatedAt: at });

        const live = svc.leads.liveTask(facts.id);
        const closing = live ? { row: live, state: 'cancelled' as const, outcome: null } : null;
        const enrollment = svc.leads.liveEnrollment(facts.id);
        if (enrollment) engine.finish(facts, enrollment, 'status', at, closing);
        else if (live) svc.tasks.close(live, 'cancelled', null, at, facts.isDemo);
        return handoff;
      }),
    );

  return { config, get, setBant, setProfileItem, setConfig, handoff };
};
