import type { LogResult } from '@shared/api/outcomes';
import type { Outcome } from '@shared/domain/outcome';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { i18n } from '../../../i18n';
import { translatedError } from '../../../i18n/errors';
import { showToast } from '../../../ui/toastStore';
import { callController } from '../../calling/state/callStore';
import { afterNextLead } from '../../session/state/nextLeadGate';
import { outcomeLabel } from '../utils/labels';
import { isDoNotContact, UNDO_WINDOW_MS, useCallStore } from './callStore';

/** An outcome that needs one more answer before it is logged: a callback time, or a confirmation. */
export type PendingOutcome = { leadId: string; outcome: Outcome };

type OutcomeStore = {
  outcomes: Outcome[];
  loaded: boolean;
  /** The outcome waiting for its callback time or confirmation, if any. */
  pending: PendingOutcome | null;
  /** What the last logged outcome changed, per lead. */
  results: Record<string, LogResult>;
  /** The note typed for each lead's next outcome. */
  notes: Record<string, string>;
  saving: boolean;
  /** The outcome being logged now, if any: `done` resolves once it is stored (true) or refused (false). */
  inFlight: { leadId: string; done: Promise<boolean> } | null;
  error: string | null;
  setNote: (leadId: string, note: string) => void;
  load: () => Promise<void>;
  /** Logs at once, or asks first (callback time, do-not-contact confirmation). */
  choose: (leadId: string, outcome: Outcome) => Promise<boolean>;
  cancelPending: () => void;
  log: (leadId: string, outcome: string, callbackAt?: number) => Promise<boolean>;
  update: (id: string, patch: Partial<Pick<Outcome, 'label' | 'active'>>) => Promise<void>;
  /** Takes back the outcome just logged, within UNDO_WINDOW_MS; false when there is none to undo. */
  undo: () => Promise<boolean>;
  /** Marks the lead's current outcome result as voided (from the history), so the card stops showing it. */
  forget: (leadId: string, activityId: string) => void;
};

/** The undo shortcut as the platform writes it. */
export const undoShortcut = (): string =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';

/** The refusal for a do-not-contact lead, in the interface language (the core refuses the same way). */
const doNotContactMessage = (value: string): string =>
  translatedError(
    'lead_do_not_contact',
    `This lead is on the do-not-contact list (${value}): Dialdeck will not dial it or log an outcome for it.`,
    { value },
  );

/** Whether the lead may not be contacted, from the queue's own verdict (see callStore.isDoNotContact). */
const blockedByDnc = (leadId: string): string | null => {
  const why = useCallStore.getState().dialState[leadId];
  if (!isDoNotContact(why)) return null;
  const blocker = why?.blockers.find((b) => b.rule === 'do_not_contact');
  const value = blocker?.data?.value;
  return typeof value === 'string' ? value : i18n.t('status.do_not_contact');
};

/** The outcomes a rep can log now, in the team's order. */
export const activeOutcomes = (outcomes: Outcome[]): Outcome[] =>
  outcomes.filter((o) => o.active).sort((a, b) => a.position - b.position);

export const useOutcomeStore = create<OutcomeStore>((set, get) => {
  /** Logs one outcome for the call on screen (see `log`). */
  const logNow = async (leadId: string, outcome: string, callbackAt?: number): Promise<boolean> => {
    set({ saving: true, error: null });
    try {
      const trimmed = (get().notes[leadId] ?? '').trim();
      const calls = useCallStore.getState();
      // The call on screen for this lead: a second outcome for it is refused by the core.
      const call = calls.current?.leadId === leadId ? calls.current : calls.show(leadId);
      // A call placed from the workspace brings its duration, talk figures and provider.
      const placed = callController.getState().factsFor(call.callId);
      const result = await invoke('outcomes.log', {
        leadId,
        outcome,
        callId: call.callId,
        ...(trimmed ? { note: trimmed } : {}),
        ...(callbackAt !== undefined ? { callbackAt } : {}),
        ...(placed
          ? {
              durationSeconds: placed.durationSeconds,
              provider: placed.provider,
              ...(placed.metrics ? { talk: placed.metrics } : {}),
            }
          : {}),
      });
      callController.getState().settle(call.callId);
      set({
        results: { ...get().results, [leadId]: result },
        notes: { ...get().notes, [leadId]: '' },
        pending: null,
        saving: false,
      });
      const label = get().outcomes.find((o) => o.id === outcome);
      const toastId = showToast(
        'success',
        i18n.t('history.logged', { outcome: label ? outcomeLabel(label, i18n.t) : outcome }),
        {
          durationMs: UNDO_WINDOW_MS,
          testId: 'undo-toast',
          action: { label: i18n.t('history.undo'), shortcut: undoShortcut(), run: () => void get().undo() },
        },
      );
      calls.setLastLogged({
        activityId: result.activityId,
        leadId,
        outcome,
        occurredAt: Date.now(),
      });
      calls.setUndoable({
        activityId: result.activityId,
        leadId,
        outcome,
        until: Date.now() + UNDO_WINDOW_MS,
        toastId,
      });
      // The logged lead's history and verdict; during a session, once the next lead is on screen.
      afterNextLead(() => {
        void calls.loadHistory(leadId);
        void calls.loadDialState(leadId);
      });
      return true;
    } catch (error) {
      const message = errorMessage(error);
      set({ saving: false, error: message });
      showToast('error', message, { testId: 'outcome-refused' });
      return false;
    }
  };
  return {
    outcomes: [],
    loaded: false,
    pending: null,
    results: {},
    notes: {},
    saving: false,
    inFlight: null,
    error: null,
    setNote: (leadId, note) => set({ notes: { ...get().notes, [leadId]: note } }),
    load: async () => {
      try {
        const outcomes = await invoke('outcomes.list', {});
        set({ outcomes, loaded: true });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    choose: async (leadId, outcome) => {
      const dnc = blockedByDnc(leadId);
      if (dnc !== null) {
        // The card's banner says why already; the toast answers the key that was pressed.
        const message = doNotContactMessage(dnc);
        set({ pending: null });
        showToast('error', message, { testId: 'outcome-refused' });
        return false;
      }
      if (outcome.effect === 'callback' || outcome.effect === 'do_not_contact') {
        set({ pending: { leadId, outcome }, error: null });
        return false;
      }
      return get().log(leadId, outcome.id);
    },
    cancelPending: () => set({ pending: null, error: null }),
    log: async (leadId, outcome, callbackAt) => {
      if (get().saving) return false;
      const done = logNow(leadId, outcome, callbackAt);
      set({ inFlight: { leadId, done } });
      try {
        return await done;
      } finally {
        set({ inFlight: null });
      }
    },
    undo: async () => {
      const calls = useCallStore.getState();
      const undoable = calls.undoable;
      if (!undoable || Date.now() > undoable.until) return false;
      calls.setUndoable(null);
      try {
        await invoke('outcomes.void', { activityId: undoable.activityId, kind: 'undo' });
        calls.forgetLogged(undoable.activityId);
        get().forget(undoable.leadId, undoable.activityId);
        showToast('info', i18n.t('history.undone'), { testId: 'undone-toast' });
      } catch (error) {
        showToast('error', errorMessage(error));
      }
      void calls.loadHistory(undoable.leadId);
      void calls.loadDialState(undoable.leadId);
      return true;
    },
    forget: (leadId, activityId) => {
      const results = { ...get().results };
      if (results[leadId]?.activityId === activityId) delete results[leadId];
      set({ results, error: null });
    },
    update: async (id, patch) => {
      const updated = await invoke('outcomes.update', { id, patch });
      set({ outcomes: get().outcomes.map((o) => (o.id === id ? updated : o)) });
    },
  };
});
