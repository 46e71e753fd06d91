import type { QueueEntry } from '@shared/domain/queue';
import type { SessionStats, SkipReason, SnoozeReason } from '@shared/domain/session';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { i18n } from '../../../i18n';
import { showToast } from '../../../ui/toastStore';
import { useLeadDetailStore } from '../../leads/state/leadDetailStore';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useCallStore } from '../../outcomes/state/callStore';
import { useQueueStore } from '../../queue/state/queueStore';
import { useResearchFactsStore } from '../../scripts/state/researchFactsStore';
import { ADVANCE_MARK, NEXT_OPENED_MARK } from '../utils/marks';
import { afterNextLead, holdForNextLead, releaseNextLead } from './nextLeadGate';

/** `off`: no session; `running`: each outcome lands on the next lead; `paused`: outcomes stay put. */
export type SessionState = 'off' | 'running' | 'paused';

type SessionStore = {
  state: SessionState;
  /** Leads skipped in this session, passed over by its "next lead" (the queue's order is unchanged). */
  skipped: string[];
  /** An outcome was logged while the rep was typing: the next lead waits until they leave the field. */
  held: boolean;
  stats: SessionStats | null;
  /** Starts (or resumes) a session on the Queue view and opens the next lead. */
  start: () => Promise<void>;
  stop: () => void;
  togglePause: () => void;
  /**
   * Opens the queue's next lead, passing over this session's skips; false when none is callable. With
   * `after`, the lead whose outcome was just logged: the answer asked for while it was being logged
   * (`prefetchNext`) is used when there is one.
   */
  advance: (after?: string) => Promise<boolean>;
  /**
   * An outcome for `leadId` is being logged: ask now for the lead after it (leaving it out) and load
   * its card (the lead, its dial verdict and research facts), so the move lands on a whole card as soon
   * as the log succeeds. Nothing opens until then.
   */
  prefetchNext: (leadId: string) => void;
  /** An outcome was logged for `leadId`: re-read the figures and, when running, move on (or hold). */
  handleOutcome: (leadId: string, typing: boolean) => void;
  /** The rep left the text field: a held advance goes ahead. */
  release: () => void;
  loadStats: () => Promise<void>;
  skip: (leadId: string, reason: SkipReason, note: string) => Promise<boolean>;
  snooze: (leadId: string, until: number, reason: SnoozeReason, note: string) => Promise<boolean>;
};

/** The next lead asked for while `leadId`'s outcome was being logged. */
let prefetched: { leadId: string; next: Promise<QueueEntry | null> } | null = null;

/** Resolves once lead `id`'s card is in the panel and the frame after it has painted. */
const whenCardPainted = (id: string): Promise<void> =>
  new Promise((resolve) => {
    const painted = () => requestAnimationFrame(() => setTimeout(resolve, 0));
    if (useLeadDetailStore.getState().entries[id]?.detail) return painted();
    const stop = useLeadDetailStore.subscribe((state) => {
      if (!state.entries[id] || state.entries[id].status === 'loading') return;
      stop();
      painted();
    });
  });

/**
 * Reads what the top of lead `id`'s card shows: the lead, the queue's verdict on dialling it
 * (do-not-contact hides the call button) and the research facts its script is filled from. Resolves
 * when all three are in their stores (an error included), so the card is drawn once, whole.
 */
const loadCard = async (id: string): Promise<void> => {
  await Promise.all([
    useLeadDetailStore.getState().prefetch(id),
    useCallStore.getState().prefetchDialState(id),
    useResearchFactsStore.getState().prefetch(id),
  ]);
};

export const useSessionStore = create<SessionStore>((set, get) => ({
  state: 'off',
  skipped: [],
  held: false,
  stats: null,
  start: async () => {
    const wasOff = get().state === 'off';
    set({ state: 'running', held: false, ...(wasOff ? { skipped: [] } : {}) });
    useQueueStore.getState().setView('queue');
    void get().loadStats();
    await get().advance();
  },
  stop: () => set({ state: 'off', held: false, skipped: [] }),
  togglePause: () => {
    const { state } = get();
    if (state === 'off') return;
    set({ state: state === 'running' ? 'paused' : 'running', held: false });
  },
  prefetchNext: (leadId) => {
    if (get().state !== 'running') return;
    const exclude = [
      ...get()
        .skipped.filter((id) => id !== leadId)
        .slice(-999),
      leadId,
    ];
    // What this outcome changes beside the card (the list, the figures) is read after the next lead is on screen.
    holdForNextLead();
    const next = invoke('queue.next', { exclude }).then(async ({ entry }) => {
      if (entry) await loadCard(entry.lead.id);
      return entry;
    });
    // A failed ask is asked again by the advance itself.
    next.catch(() => undefined);
    prefetched = { leadId, next };
  },
  advance: async (after) => {
    performance.mark(ADVANCE_MARK);
    const early = after !== undefined && prefetched?.leadId === after ? prefetched.next : null;
    prefetched = null;
    try {
      const entry =
        (await early?.catch(() => undefined)) ??
        (await invoke('queue.next', { exclude: get().skipped.slice(-1000) })).entry;
      if (!entry) {
        releaseNextLead();
        showToast('info', i18n.t('session.noneLeft'), { testId: 'session-none-left' });
        return false;
      }
      performance.mark(NEXT_OPENED_MARK);
      useLeadListStore.getState().open(entry.lead.id);
      void whenCardPainted(entry.lead.id).then(releaseNextLead);
      return true;
    } catch (error) {
      releaseNextLead();
      showToast('error', errorMessage(error));
      return false;
    }
  },
  handleOutcome: (leadId, typing) => {
    afterNextLead(() => void get().loadStats());
    if (get().state !== 'running' || typing) {
      // No move now: nothing waits for a next lead.
      releaseNextLead();
      if (typing && get().state === 'running') set({ held: true });
      return;
    }
    void get().advance(leadId);
  },
  release: () => {
    if (!get().held) return;
    set({ held: false });
    if (get().state === 'running') void get().advance();
  },
  loadStats: async () => {
    try {
      set({ stats: await invoke('session.stats', {}) });
    } catch {
      // The strip keeps its last figures; the next outcome or queue change reads them again.
    }
  },
  skip: async (leadId, reason, note) => {
    try {
      await invoke('session.skip', { leadId, reason, ...(note.trim() ? { note } : {}) });
    } catch (error) {
      showToast('error', errorMessage(error), { testId: 'session-refused' });
      return false;
    }
    set({ skipped: [...get().skipped.filter((id) => id !== leadId), leadId] });
    showToast('info', i18n.t('session.skippedToast'), { testId: 'session-skipped' });
    void get().loadStats();
    if (get().state !== 'off') void get().advance();
    return true;
  },
  snooze: async (leadId, until, reason, note) => {
    try {
      await invoke('session.snooze', { leadId, until, reason, ...(note.trim() ? { note } : {}) });
    } catch (error) {
      showToast('error', errorMessage(error), { testId: 'session-refused' });
      return false;
    }
    showToast('info', i18n.t('session.snoozedToast'), { testId: 'session-snoozed' });
    void get().loadStats();
    if (get().state !== 'off') void get().advance();
    return true;
  },
}));
