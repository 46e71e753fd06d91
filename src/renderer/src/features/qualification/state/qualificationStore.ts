import type { Qualification } from '@shared/api/qualification';
import type { BantCriterion } from '@shared/domain/qualification';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';
import { useDialogStore } from '../../../app/dialogStore';
import { i18n } from '../../../i18n';
import { showToast } from '../../../ui/toastStore';
import { useLeadDetailStore } from '../../leads/state/leadDetailStore';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { blockedText } from '../utils/labels';

export type HandoffDraft = { summary: string; nextStep: string; suggestedAe: string };

type QualificationStore = {
  /** Each loaded lead's qualification, by lead id. */
  entries: Record<string, Qualification>;
  saving: boolean;
  load: (leadId: string) => Promise<void>;
  setBant: (
    leadId: string,
    criterion: BantCriterion,
    change: { confirmed?: boolean; note?: string },
  ) => Promise<void>;
  setProfileItem: (leadId: string, itemId: string, checked: boolean) => Promise<void>;
  /** Opens the hand-off dialog for the open lead, or says why it cannot be handed off. */
  requestHandoff: () => boolean;
  /** Hands the lead off; resolves true when it was stored. */
  handoff: (leadId: string, draft: HandoffDraft) => Promise<boolean>;
};

const failed = (error: unknown) => showToast('error', errorMessage(error));

export const useQualificationStore = create<QualificationStore>((set, get) => {
  const put = (q: Qualification) => set({ entries: { ...get().entries, [q.leadId]: q } });
  return {
    entries: {},
    saving: false,
    load: async (leadId) => {
      try {
        put(await invoke('qualification.get', { leadId }));
      } catch (error) {
        failed(error);
      }
    },
    setBant: async (leadId, criterion, change) => {
      // The toggle shows the change at once; the core's answer (gate, checklist) follows.
      const shown = get().entries[leadId];
      if (shown)
        put({
          ...shown,
          bant: shown.bant.map((a) => (a.criterion === criterion ? { ...a, ...change } : a)),
        });
      try {
        put(await invoke('qualification.setBant', { leadId, criterion, ...change }));
      } catch (error) {
        failed(error);
        await get().load(leadId);
      }
    },
    setProfileItem: async (leadId, itemId, checked) => {
      const shown = get().entries[leadId];
      if (shown)
        put({
          ...shown,
          profile: {
            ...shown.profile,
            items: shown.profile.items.map((i) =>
              i.id === itemId ? { ...i, checkedByHand: checked, checked: checked || i.derived } : i,
            ),
          },
        });
      try {
        put(await invoke('qualification.setProfileItem', { leadId, itemId, checked }));
      } catch (error) {
        failed(error);
        await get().load(leadId);
      }
    },
    requestHandoff: () => {
      const leadId = useLeadListStore.getState().openId;
      const q = leadId ? get().entries[leadId] : undefined;
      if (!q) return false;
      if (q.readiness.blockedBy) {
        showToast('info', blockedText(q.readiness, i18n.t));
        return true;
      }
      useDialogStore.getState().openDialog('handoff');
      return true;
    },
    handoff: async (leadId, draft) => {
      set({ saving: true });
      try {
        const done = await invoke('handoffs.create', {
          leadId,
          summary: draft.summary,
          nextStep: draft.nextStep,
          suggestedAe: draft.suggestedAe || undefined,
        });
        const name = useLeadDetailStore.getState().entries[leadId]?.detail?.lead.name ?? '';
        showToast('success', i18n.t('qualification.dialog.done', { name }));
        void useLeadDetailStore.getState().refresh([leadId]);
        put(await invoke('qualification.get', { leadId: done.handoff.leadId }));
        return true;
      } catch (error) {
        failed(error);
        void get().load(leadId);
        return false;
      } finally {
        set({ saving: false });
      }
    },
  };
});
