import type { NoticeTarget } from '@shared/api/notices';

/**
 * One notification: `key` names what it is about (a callback's task and due time, an arrived lead, a
 * rejected change), so the same thing is announced once; `target` is what clicking it opens.
 */
export type Notice = { key: string; title: string; body: string; target: NoticeTarget };

/** What `offer` did with a notice: shown now, held while quiet, or dropped as already announced. */
export type OfferResult = 'shown' | 'held' | 'duplicate';

export type NoticeGate = {
  offer: (notice: Notice) => OfferResult;
  /** Quiet (a call under way, a focused calling session) holds notices; the end of quiet shows them. */
  setQuiet: (quiet: boolean) => void;
  /** The notices held now, oldest first. */
  held: () => readonly Notice[];
};

/** Keys remembered for de-duplication; the oldest are forgotten past this many. */
const REMEMBERED_KEYS = 1_000;
/**
 * Notices shown at most when a quiet spell ends: the newest this many, so a long call does not end in a
 * burst. The rest stay reachable where they live (the queue lists due callbacks and new leads first,
 * the sync dialog lists rejected changes).
 */
export const MAX_SHOWN_AFTER_QUIET = 3;

/**
 * Decides which notices reach the OS: each key once, none while quiet, and after a quiet spell the
 * newest `MAX_SHOWN_AFTER_QUIET` of those held (a notice offered again while held replaces its older
 * copy). Pure: `show` does the showing.
 */
export const createNoticeGate = (show: (notice: Notice) => void): NoticeGate => {
  const seen = new Set<string>();
  let holding: Notice[] = [];
  let quiet = false;
  const remember = (key: string) => {
    seen.add(key);
    if (seen.size > REMEMBERED_KEYS) seen.delete(seen.values().next().value as string);
  };
  return {
    offer: (notice) => {
      if (seen.has(notice.key)) return 'duplicate';
      if (quiet) {
        holding = [...holding.filter((held) => held.key !== notice.key), notice];
        return 'held';
      }
      remember(notice.key);
      show(notice);
      return 'shown';
    },
    setQuiet: (next) => {
      if (next === quiet) return;
      quiet = next;
      if (quiet) return;
      const release = holding.slice(-MAX_SHOWN_AFTER_QUIET);
      for (const notice of holding) remember(notice.key);
      holding = [];
      for (const notice of release) show(notice);
    },
    held: () => holding,
  };
};
