import { create } from 'zustand';
import type { Lead } from '../../../../../shared/domain/lead';
import { useCallStore } from '../../outcomes/state/callStore';
import { useSettingsStore } from '../../settings/state/settingsStore';
import type { ProviderKind } from '../provider';
import { callController } from './callStore';

type ChosenPhones = { byLead: Record<string, number>; choose: (leadId: string, index: number) => void };

/** Which of a lead's numbers the rep chose to call (an index into `lead.phones`; the first by default). */
export const useChosenPhone = create<ChosenPhones>((set, get) => ({
  byLead: {},
  choose: (leadId, index) => set({ byLead: { ...get().byLead, [leadId]: index } }),
}));

/** The number as dialled: E.164, with `;ext=` when the lead's number has an extension (RFC 3966). */
export const dialString = (phone: { e164: string; ext: string | null }): string =>
  phone.ext ? `${phone.e164};ext=${phone.ext}` : phone.e164;

/**
 * Calls `lead` on their chosen number through `provider` (the rep's setting by default). The call
 * carries the call id the outcome card logs with: the same attempt when another provider retries a
 * failed one, a new one once the last call's outcome was logged. False when there is no number, or a
 * call is live already.
 */
export const dialLead = (lead: Pick<Lead, 'id' | 'phones'>, provider?: ProviderKind): Promise<boolean> => {
  const index = useChosenPhone.getState().byLead[lead.id] ?? 0;
  const phone = lead.phones[index] ?? lead.phones[0];
  if (!phone) return Promise.resolve(false);
  const calls = useCallStore.getState();
  const controller = callController.getState();
  const current = calls.current;
  const call =
    current?.leadId === lead.id && !controller.wasLogged(current.callId)
      ? calls.show(lead.id)
      : calls.startNew(lead.id);
  return controller.dial({
    leadId: lead.id,
    to: dialString(phone),
    callId: call.callId,
    provider: provider ?? useSettingsStore.getState().settings.callingProvider,
  });
};
