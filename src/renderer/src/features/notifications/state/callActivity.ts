import { create } from 'zustand';
import type { CallState } from '../../calling/provider';

/** States in which a call is under way: notifications wait until it ends. */
const UNDER_WAY: ReadonlySet<CallState> = new Set([
  'connecting',
  'ringing',
  'connected',
  'reconnecting',
  'on-hold',
]);

export const isCallUnderWay = (state: CallState): boolean => UNDER_WAY.has(state);

type CallActivityStore = {
  /** The calling provider's last reported state for the rep's call (`idle` when none). */
  state: CallState;
  /** The call screen reports each provider state here (`TelephonyProvider` events). */
  setCallState: (state: CallState) => void;
};

/** Whether the rep is on a call, as the calling provider reports it: the notices keep quiet meanwhile. */
export const useCallActivityStore = create<CallActivityStore>((set) => ({
  state: 'idle',
  setCallState: (state) => set({ state }),
}));
