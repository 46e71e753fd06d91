import type { LogResult } from '@shared/api/outcomes';
import type { Outcome } from '@shared/domain/outcome';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';

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
  error: string | null;
  setNote: (leadId: string, note: string) => void;
  load: () => Promise<void>;
  /** Logs at once, or asks first (callback time, do-not-contact confirmation). */
  choose: (leadId: string, outcome: Outcome) => Promise<boolean>;
  cancelPending: () => void;
  log: (leadId: string, outcome: string, callbackAt?: number) => Promise<boolean>;
  update: (id: string, patch: Partial<Pick<Outcome, 'label' | 'active'>>) => Promise<void>;
};

/** The outcomes a rep can log now, in the team's order. */
export const activeOutcomes = (outcomes: Outcome[]): Outcome[] =>
  outcomes.filter((o) => o.active).sort((a, b) => a.position - b.position);

export const useOutcomeStore = create<OutcomeStore>((set, get) => ({
  outcomes: [],
  loaded: false,
  pending: null,
  results: {},
  notes: {},
  saving: false,
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
    if (outcome.effect === 'callback' || outcome.effect === 'do_not_contact') {
      set({ pending: { leadId, outcome }, error: null });
      return false;
    }
    return get().log(leadId, outcome.id);
  },
  cancelPending: () => set({ pending: null, error: null }),
  log: async (leadId, outcome, callbackAt) => {
    if (get().saving) return false;
    set({ saving: true, error: null });
    try {
      const trimmed = (get().notes[leadId] ?? '').trim();
      const result = await invoke('outcomes.log', {
        leadId,
        outcome,
        ...(trimmed ? { note: trimmed } : {}),
        ...(callbackAt !== undefined ? { callbackAt } : {}),
      });
      set({
        results: { ...get().results, [leadId]: result },
        notes: { ...get().notes, [leadId]: '' },
        pending: null,
        saving: false,
      });
      return true;
    } catch (error) {
      set({ saving: false, error: errorMessage(error) });
      return false;
    }
  },
  update: async (id, patch) => {
    const updated = await invoke('outcomes.update', { id, patch });
    set({ outcomes: get().outcomes.map((o) => (o.id === id ? updated : o)) });
  },
}));
