import { useStore } from 'zustand';
import { useCallActivityStore } from '../../notifications/state/callActivity';
import { startLiveMeter } from '../meter/liveMeter';
import { availableKinds, providerFor } from '../providers/registry';
import { type ActiveCall, type CallController, createCallController, isLive } from './controller';
import {
  forgetCall,
  type InterruptedCall,
  rememberCall,
  SAVE_EVERY_MS,
  useInterruptedCalls,
} from './interruptedCalls';

/** The workspace's one call controller (see controller.ts), over the providers this build carries. */
export const callController = createCallController({
  providerFor,
  kinds: availableKinds,
  startMeter: startLiveMeter,
  now: () => Date.now(),
});

/** Reads the call controller in a component. */
export const useCallController = <T>(selector: (state: CallController) => T): T =>
  useStore(callController, selector);

// Notifications keep quiet while a call is under way: they follow the controller's call state.
callController.subscribe((state) => {
  const callState = state.call?.state ?? 'idle';
  const activity = useCallActivityStore.getState();
  if (activity.state !== callState) activity.setCallState(callState);
});

// A call in progress is saved every few seconds and at each change of state, and dropped once its
// outcome is logged, so a reload or crash mid-call leaves what is needed to log it (interruptedCalls.ts).
// Whatever a previous window left is read first: none of it can still be running here.
useInterruptedCalls.getState().load();

const recordOf = (call: ActiveCall, now: number): InterruptedCall => ({
  callId: call.callId,
  leadId: call.leadId,
  to: call.to,
  provider: call.provider,
  connectedAt: call.connectedAt,
  lastSeenAt: now,
  endedAt: call.endedAt,
  metrics: call.repMeasured ? call.metrics : null,
});

let savedAt = 0;
let ticking: number | null = null;
const save = (call: ActiveCall) => {
  savedAt = Date.now();
  rememberCall(recordOf(call, savedAt));
};

callController.subscribe((state, previous) => {
  for (const callId of Object.keys(previous.ended)) {
    if (!(callId in state.ended) && state.wasLogged(callId)) forgetCall(callId);
  }
  const before = previous.call;
  if (before && before.callId !== state.call?.callId && state.wasLogged(before.callId)) {
    forgetCall(before.callId);
  }
  const call = state.call;
  const live = call !== null && isLive(call.state);
  if (live && ticking === null) {
    ticking = window.setInterval(() => {
      const now = callController.getState().call;
      if (now && isLive(now.state) && !callController.getState().wasLogged(now.callId)) save(now);
    }, SAVE_EVERY_MS);
  } else if (!live && ticking !== null) {
    window.clearInterval(ticking);
    ticking = null;
  }
  if (!call) return;
  if (state.wasLogged(call.callId)) {
    forgetCall(call.callId);
    return;
  }
  const changed =
    call.callId !== before?.callId ||
    call.state !== before.state ||
    call.connectedAt !== before.connectedAt ||
    call.endedAt !== before.endedAt;
  if (changed || Date.now() - savedAt >= SAVE_EVERY_MS) save(call);
});
