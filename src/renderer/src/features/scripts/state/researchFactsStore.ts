import { type LeadResearchFacts, type ResearchFactField, ResearchFacts } from '@shared/domain/script';
import { create } from 'zustand';
import { ApiError, errorMessage, invoke } from '../../../api/client';
import { createReadAhead } from '../../../api/readAhead';

export type FactsSave = { state: 'saving' | 'saved' | 'error'; error?: string };

type ResearchFactsStore = {
  /** Stored facts by lead id, as the core last returned them. */
  facts: Record<string, LeadResearchFacts>;
  /** Values typed but not yet confirmed saved, by lead id and field. */
  drafts: Record<string, Partial<ResearchFacts>>;
  saves: Record<string, FactsSave>;
  load: (leadId: string) => Promise<void>;
  /**
   * Reads lead `leadId`'s facts ahead of its card; the card's own first `load` then takes this answer.
   * Resolves once they are in the store (or failed); never rejects.
   */
  prefetch: (leadId: string) => Promise<void>;
  edit: (leadId: string, field: ResearchFactField, value: string) => void;
  /**
   * Saves the lead's typed fields now (typing saves by itself after a pause), as one edit; a failed
   * save keeps them typed, shown with the error, for the next try.
   */
  flush: (leadId: string) => Promise<void>;
};

/**
 * A lead's research facts as shown: what is typed over what is stored; null until loaded. Select
 * `facts[leadId]` and `drafts[leadId]` separately (stable references) and join them with this.
 */
export const shownFacts = (
  stored: LeadResearchFacts | undefined,
  draft: Partial<ResearchFacts> | undefined,
): ResearchFacts | null => (stored ? { ...stored, ...draft } : null);

/** How long typing must pause before the facts are saved (as for the notes). */
const SAVE_DELAY_MS = 700;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
// One save per lead at a time; a save asked for meanwhile runs after it, against what it stored.
const inFlight = new Set<string>();
const again = new Set<string>();

const RETRY_MS = 5000;
const BACKUP_PREFIX = 'dialdeck.facts.';

// A copy in localStorage until the core confirms, so a crash or a closed window loses no typed fact.
const backup = (leadId: string, draft: Partial<ResearchFacts> | undefined) => {
  try {
    if (draft && Object.keys(draft).length > 0)
      localStorage.setItem(BACKUP_PREFIX + leadId, JSON.stringify(draft));
    else localStorage.removeItem(BACKUP_PREFIX + leadId);
  } catch {
    // Storage full or unavailable: the in-memory draft and the retries still hold the text.
  }
};
const readBackup = (leadId: string): Partial<ResearchFacts> | undefined => {
  try {
    const raw = localStorage.getItem(BACKUP_PREFIX + leadId);
    const parsed = raw ? ResearchFacts.partial().safeParse(JSON.parse(raw)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** Facts asked for ahead of the card, each taken by the card's first `load`. */
const factsAhead = createReadAhead<LeadResearchFacts>();

export const useResearchFactsStore = create<ResearchFactsStore>((set, get) => ({
  facts: {},
  drafts: {},
  saves: {},
  load: async (leadId) => {
    const ahead = factsAhead.take(leadId);
    try {
      const facts = (await ahead?.catch(() => undefined)) ?? (await invoke('research.getFacts', { leadId }));
      const restored = readBackup(leadId);
      set((s) => ({
        facts: { ...s.facts, [leadId]: facts },
        drafts: restored ? { ...s.drafts, [leadId]: { ...restored, ...s.drafts[leadId] } } : s.drafts,
      }));
      if (restored) void get().flush(leadId);
    } catch (error) {
      set((s) => ({ saves: { ...s.saves, [leadId]: { state: 'error', error: errorMessage(error) } } }));
    }
  },
  prefetch: (leadId) => {
    const ahead = invoke('research.getFacts', { leadId });
    // Shown at once when it arrives, unless the card has already read (or the rep edited) them.
    factsAhead.put(leadId, ahead);
    return ahead
      .then((facts) => {
        if (!get().facts[leadId]) set((s) => ({ facts: { ...s.facts, [leadId]: facts } }));
      })
      .catch(() => undefined);
  },
  edit: (leadId, field, value) => {
    set((s) => ({ drafts: { ...s.drafts, [leadId]: { ...s.drafts[leadId], [field]: value } } }));
    backup(leadId, get().drafts[leadId]);
    clearTimeout(timers.get(leadId));
    timers.set(
      leadId,
      setTimeout(() => void get().flush(leadId), SAVE_DELAY_MS),
    );
  },
  flush: async (leadId) => {
    clearTimeout(timers.get(leadId));
    timers.delete(leadId);
    if (inFlight.has(leadId)) {
      again.add(leadId);
      return;
    }
    const draft = get().drafts[leadId];
    const stored = get().facts[leadId];
    if (!draft || !stored) return;
    const changes = Object.fromEntries(
      Object.entries(draft).filter(([field, value]) => stored[field as ResearchFactField] !== value?.trim()),
    ) as Partial<ResearchFacts>;
    if (Object.keys(changes).length === 0) {
      set((s) => ({ drafts: { ...s.drafts, [leadId]: {} } }));
      backup(leadId, undefined);
      return;
    }
    set((s) => ({ saves: { ...s.saves, [leadId]: { state: 'saving' } } }));
    inFlight.add(leadId);
    try {
      const saved = await invoke('research.setFacts', { leadId, facts: changes });
      set((s) => {
        // Only what was sent is confirmed: a field typed meanwhile stays a draft.
        const left = { ...s.drafts[leadId] };
        for (const [field, value] of Object.entries(changes)) {
          if (left[field as ResearchFactField] === value) delete left[field as ResearchFactField];
        }
        return {
          facts: { ...s.facts, [leadId]: saved },
          drafts: { ...s.drafts, [leadId]: left },
          saves: { ...s.saves, [leadId]: { state: 'saved' } },
        };
      });
      backup(leadId, get().drafts[leadId]);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') {
        // The lead was removed; there is nowhere left to save these facts.
        set((s) => ({ drafts: { ...s.drafts, [leadId]: {} } }));
        backup(leadId, undefined);
        return;
      }
      set((s) => ({ saves: { ...s.saves, [leadId]: { state: 'error', error: errorMessage(error) } } }));
      // Kept typed and backed up; tried again until the core answers.
      timers.set(
        leadId,
        setTimeout(() => void get().flush(leadId), RETRY_MS),
      );
    } finally {
      inFlight.delete(leadId);
      if (again.delete(leadId)) void get().flush(leadId);
    }
  },
}));
