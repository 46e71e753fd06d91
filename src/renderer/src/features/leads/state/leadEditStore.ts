import type { MethodInput } from '@shared/api';
import type { LeadEditResult } from '@shared/api/leadEdits';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { useCallStore } from '../../outcomes/state/callStore';
import { useLeadDetailStore } from './leadDetailStore';

/** Which part of the "Fix this lead" card a message belongs to. */
export type EditPart = 'phones' | 'timeZone' | 'status' | 'owner';

type EditMethod =
  | 'leads.setPhones'
  | 'leads.setPrimaryPhone'
  | 'leads.setTimeZone'
  | 'leads.setStatus'
  | 'leads.setOwner';

type LeadEditStore = {
  saving: EditPart | null;
  /** The last edit's outcome, per lead and part: saved, or the translated error. */
  messages: Record<string, { part: EditPart; ok: boolean; text: string } | undefined>;
  /** Numbers of the lead on the do-not-contact list, as the last edit found them. */
  dncPhones: Record<string, string[] | undefined>;
  /** Reads which of the lead's numbers are on the do-not-contact list (kept as they were on failure). */
  loadDnc: (leadId: string) => Promise<void>;
  /** Runs one edit; resolves true when it was saved. The panel re-reads the lead on `leads:changed`. */
  save: <M extends EditMethod>(
    part: EditPart,
    method: M,
    input: MethodInput<M>,
    saved: string,
  ) => Promise<boolean>;
};

export const useLeadEditStore = create<LeadEditStore>((set, get) => ({
  saving: null,
  messages: {},
  dncPhones: {},
  loadDnc: async (leadId) => {
    try {
      const phones = await invoke('leads.dncPhones', { leadId });
      set({ dncPhones: { ...get().dncPhones, [leadId]: phones } });
    } catch {
      // The marks stay as the last edit left them; dialing checks the list itself.
    }
  },
  save: async (part, method, input, saved) => {
    const leadId = (input as { leadId: string }).leadId;
    set({ saving: part });
    try {
      const result = (await invoke(method, input)) as LeadEditResult;
      set({
        saving: null,
        messages: { ...get().messages, [leadId]: { part, ok: true, text: saved } },
        dncPhones: { ...get().dncPhones, [leadId]: result.dncPhones },
      });
      // A number, zone or status changes whether and when the lead may be dialed: the panel's
      // do-not-contact state and calling badge follow the edit at once.
      await Promise.all([
        useLeadDetailStore.getState().refresh([leadId]),
        useCallStore.getState().loadDialState(leadId),
      ]);
      return true;
    } catch (error) {
      set({
        saving: null,
        messages: { ...get().messages, [leadId]: { part, ok: false, text: errorMessage(error) } },
      });
      return false;
    }
  },
}));
