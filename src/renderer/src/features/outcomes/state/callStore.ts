import type { HistoryEntry } from '@shared/api/history';
import type { Explanation } from '@shared/domain/queue';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { createReadAhead } from '../../../api/readAhead';
import { useToastStore } from '../../../ui/toastStore';

/** How long after logging an outcome the toast offers Undo (ms). */
export const UNDO_WINDOW_MS = 10_000;

/** The call attempt on screen: the lead the rep sees and the id every outcome for it carries. */
export type CurrentCall = { leadId: string; callId: string };

/** The outcome just logged, undoable until `until` (epoch ms). */
export type Undoable = {
  activityId: string;
  leadId: string;
  outcome: string;
  until: number;
  /** The toast offering Undo, taken down once the outcome is undone or voided. */
  toastId: number;
};

/** An outcome this window logged: the activity a void or undo acts on. `occurredAt` is epoch ms. */
export type LoggedCall = { activityId: string; leadId: string; outcome: string; occurredAt: number };

type CallStore = {
  current: CurrentCall | null;
  /** Whether the current call's lead is on screen now (its outcome card is mounted). */
  visible: boolean;
  undoable: Undoable | null;
  /**
   * The outcome logged last in this window and still standing (cleared once it is undone or voided).
   * V voids this one while its lead is on screen, whatever the history has read back so far.
   */
  lastLogged: LoggedCall | null;
  /** A void asked for by V or the palette, for the lead's call history to open its dialog on. */
  voidRequest: LoggedCall | null;
  /** Each lead's history, newest first, as last read. */
  history: Record<string, HistoryEntry[]>;
  historyError: Record<string, string>;
  /** The queue's verdict for each lead shown (do-not-contact and the rest), as last read. */
  dialState: Record<string, Explanation>;
  /**
   * The lead is on screen: a new call starts unless its call is the current one already (a re-render or
   * a reload keeps the call; another lead in between starts a new one).
   */
  show: (leadId: string) => CurrentCall;
  /** A new call attempt for the lead on screen (a redial after its last call's outcome was logged). */
  startNew: (leadId: string) => CurrentCall;
  /** Makes `callId` the lead's call again (a call a reload cut off, now to be logged). */
  resume: (leadId: string, callId: string) => CurrentCall;
  hide: (leadId: string) => void;
  setUndoable: (undoable: Undoable | null) => void;
  setLastLogged: (logged: LoggedCall | null) => void;
  /** Forgets `activityId` as the call just logged once it is undone or voided. */
  forgetLogged: (activityId: string) => void;
  requestVoid: (target: LoggedCall | null) => void;
  loadHistory: (leadId: string) => Promise<void>;
  loadDialState: (leadId: string) => Promise<void>;
  /**
   * Reads lead `leadId`'s verdict ahead of its card; the card's own first read then takes this answer.
   * Resolves once it is in the store (or failed); never rejects.
   */
  prefetchDialState: (leadId: string) => Promise<void>;
};

/** Verdicts asked for ahead of the card, each taken by the card's first read. */
const dialStatesAhead = createReadAhead<Explanation>();

const newCallId = (): string => crypto.randomUUID();

export const useCallStore = create<CallStore>((set, get) => ({
  current: null,
  visible: false,
  undoable: null,
  lastLogged: null,
  voidRequest: null,
  history: {},
  historyError: {},
  dialState: {},
  show: (leadId) => {
    const current = get().current;
    const call = current?.leadId === leadId ? current : { leadId, callId: newCallId() };
    set({ current: call, visible: true });
    return call;
  },
  startNew: (leadId) => {
    const call = { leadId, callId: newCallId() };
    set({ current: call, visible: true });
    return call;
  },
  resume: (leadId, callId) => {
    const call = { leadId, callId };
    set({ current: call, visible: true });
    return call;
  },
  hide: (leadId) => {
    if (get().current?.leadId === leadId) set({ visible: false });
  },
  setUndoable: (undoable) => {
    const previous = get().undoable;
    if (previous && previous.toastId !== undoable?.toastId)
      useToastStore.getState().dismiss(previous.toastId);
    set({ undoable });
  },
  setLastLogged: (lastLogged) => set({ lastLogged }),
  forgetLogged: (activityId) => {
    if (get().lastLogged?.activityId === activityId) set({ lastLogged: null });
  },
  requestVoid: (voidRequest) => set({ voidRequest }),
  loadHistory: async (leadId) => {
    try {
      const { activities } = await invoke('history.list', { leadId });
      set({ history: { ...get().history, [leadId]: activities } });
    } catch (error) {
      set({ historyError: { ...get().historyError, [leadId]: errorMessage(error) } });
    }
  },
  loadDialState: async (leadId) => {
    const ahead = dialStatesAhead.take(leadId);
    try {
      const why = (await ahead?.catch(() => undefined)) ?? (await invoke('queue.why', { leadId }));
      set({ dialState: { ...get().dialState, [leadId]: why } });
    } catch {
      // The card still works; the refusal comes from the core if the lead may not be called.
    }
  },
  prefetchDialState: (leadId) => {
    const ahead = invoke('queue.why', { leadId });
    dialStatesAhead.put(leadId, ahead);
    return ahead
      .then((why) => set({ dialState: { ...get().dialState, [leadId]: why } }))
      .catch(() => undefined);
  },
}));

/**
 * Whether the lead may not be contacted at all: the queue's own rule (`do_not_contact`, from the lead's
 * status or a list entry) as the core's explainer reports it — the one source for the panel, the
 * shortcuts and the tel: links.
 */
export const isDoNotContact = (why: Explanation | undefined): boolean =>
  why?.blockers.some((b) => b.rule === 'do_not_contact') ?? false;

/**
 * Whether the lead on screen may not be contacted: its own `do_not_contact` status, or the queue's
 * do-not-contact rule for its numbers and email (read with the card). No dial, tel: link or outcome then.
 */
export const useDoNotContact = (lead: { id: string; status: string }): boolean => {
  const why = useCallStore((s) => s.dialState[lead.id]);
  return lead.status === 'do_not_contact' || isDoNotContact(why);
};
