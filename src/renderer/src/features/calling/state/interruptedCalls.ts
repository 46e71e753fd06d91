import { z } from 'zod';
import { create } from 'zustand';
import { CallProvider } from '../../../../../shared/domain/callProvider';
import { TalkMetrics } from '../../../../../shared/talk/metrics';

/**
 * A call that was under way (or ended and not yet logged) when the window was reloaded or crashed:
 * what the rep needs to log it. Times are epoch ms; `lastSeenAt` is the last moment the window knew
 * the call was still going (it is saved every few seconds), `endedAt` when it ended, if it did.
 */
export const InterruptedCall = z.object({
  callId: z.string().min(1),
  leadId: z.string().min(1),
  /** The number dialled, E.164. */
  to: z.string(),
  provider: CallProvider,
  connectedAt: z.number().nullable(),
  lastSeenAt: z.number(),
  endedAt: z.number().nullable(),
  /** The meter's figures so far (null: no meter ran, or the rep's side was not measured). */
  metrics: TalkMetrics.nullable(),
});
export type InterruptedCall = z.infer<typeof InterruptedCall>;

/** How often a live call's record is saved, ms: at most this much of a call is lost to a crash. */
export const SAVE_EVERY_MS = 2_000;

const PREFIX = 'dialdeck.calling.call.';

/** The call's length in whole seconds, from the answer to its end or the last moment it was seen. */
export const interruptedSeconds = (call: InterruptedCall): number =>
  call.connectedAt === null
    ? 0
    : Math.max(0, Math.round(((call.endedAt ?? call.lastSeenAt) - call.connectedAt) / 1000));

/**
 * Saves the record of a call in progress (localStorage, which Chromium keeps on disk, the same way
 * typed research notes are kept until the core confirms them). Storage that refuses (full, disabled)
 * loses only this safety copy, never the call.
 */
export const rememberCall = (call: InterruptedCall): void => {
  try {
    localStorage.setItem(PREFIX + call.callId, JSON.stringify(call));
  } catch {
    // No safety copy this time; the call itself goes on.
  }
};

/** Drops the record of `callId` once its outcome is logged (or the rep discards it). */
export const forgetCall = (callId: string): void => {
  try {
    localStorage.removeItem(PREFIX + callId);
  } catch {
    // Nothing to drop.
  }
};

/** Every saved call record, oldest first; records that do not parse are dropped. */
export const savedCalls = (): InterruptedCall[] => {
  const calls: InterruptedCall[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const parsed = InterruptedCall.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
      if (parsed.success) calls.push(parsed.data);
    }
  } catch {
    return calls;
  }
  return calls.sort((a, b) => a.lastSeenAt - b.lastSeenAt);
};

type InterruptedStore = {
  /** The interrupted call waiting to be logged, per lead (the latest when a lead has several). */
  byLead: Record<string, InterruptedCall>;
  /** Reads the records a previous window left behind (none of them can still be running). */
  load: () => void;
  /** Forgets the lead's interrupted call (logged or discarded). */
  drop: (leadId: string) => void;
};

/** The calls a reload or crash cut off, offered on their lead's call card to be logged. */
export const useInterruptedCalls = create<InterruptedStore>((set, get) => ({
  byLead: {},
  load: () => {
    const byLead: Record<string, InterruptedCall> = {};
    for (const call of savedCalls()) byLead[call.leadId] = call;
    set({ byLead });
  },
  drop: (leadId) => {
    const call = get().byLead[leadId];
    if (!call) return;
    const { [leadId]: _dropped, ...rest } = get().byLead;
    set({ byLead: rest });
  },
}));
