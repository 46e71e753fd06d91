import type { StoreApi } from 'zustand/vanilla';
import { type CallController, isLive } from './controller';

/** The keys of a telephone keypad (ITU-T E.161): what DTMF can send. */
const DTMF_KEYS: ReadonlySet<string> = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);

/**
 * Routes a keyboard key to the live call, as the on-screen keypad does. While a call is live
 * (connecting, ringing, connected, on hold, reconnecting) a keypad key belongs to the call: it is sent
 * as DTMF when the call is connected (an IVR menu, an extension) and otherwise swallowed, so it can
 * never log an outcome mid-call — outcomes are logged after hang-up, with the call's final figures.
 * Returns true when the key was taken by the call (the caller must not give it another meaning).
 */
export const routeKeyToLiveCall = (controller: StoreApi<CallController>, key: string): boolean => {
  if (!DTMF_KEYS.has(key)) return false;
  const { call, sendDigits } = controller.getState();
  if (!call || !isLive(call.state)) return false;
  sendDigits(key);
  return true;
};
