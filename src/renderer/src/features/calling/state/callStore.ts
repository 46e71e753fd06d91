import { useStore } from 'zustand';
import { useCallActivityStore } from '../../notifications/state/callActivity';
import { startLiveMeter } from '../meter/liveMeter';
import { availableKinds, providerFor } from '../providers/registry';
import { type CallController, createCallController } from './controller';

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
