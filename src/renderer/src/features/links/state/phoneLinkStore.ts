import type { PhoneLinkTarget } from '@shared/api/phoneLinks';
import i18next from 'i18next';
import { create } from 'zustand';
import { ApiError, errorMessage, invoke } from '../../../api/client';
import { useDialogStore } from '../../../app/dialogStore';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useQueueStore } from '../../queue/state/queueStore';

type PhoneLinkStore = {
  /** The link being handled, its resolution, and what went wrong (a translated message). */
  url: string | null;
  target: PhoneLinkTarget | null;
  error: string | null;
  /**
   * Handles a `tel:`/`callto:` link the OS (Electron) or the browser (web host) handed to Dialdeck: the
   * lead with that number opens in the Leads view; a number no lead has opens the dialog that offers to
   * add one; a link that holds no number opens it with the reason.
   */
  openLink: (url: string) => Promise<void>;
  /** Adds the lead for the link's number (`leads.create`) and opens it. Throws the core's error. */
  createLead: (input: { name: string; company: string }) => Promise<void>;
};

/**
 * Why the link holds no number Dialdeck can dial, in the interface language: `links.problems.<kind>`
 * filled from the core's params (the link, and the domain, region or formed number the kind names).
 */
export const phoneLinkProblem = (error: unknown): string => {
  if (!(error instanceof ApiError) || error.code !== 'phone_link_invalid') return errorMessage(error);
  const kind = error.params?.kind;
  const key = `links.problems.${String(kind)}`;
  return typeof kind === 'string' && i18next.exists(key)
    ? i18next.t(key, { ...error.params, defaultValue: errorMessage(error) })
    : errorMessage(error);
};

const showLead = (leadId: string) => {
  useQueueStore.getState().setView('leads');
  useLeadListStore.getState().open(leadId);
};

export const usePhoneLinkStore = create<PhoneLinkStore>((set, get) => ({
  url: null,
  target: null,
  error: null,

  openLink: async (url) => {
    set({ url, target: null, error: null });
    try {
      const target = await invoke('links.resolvePhone', { url });
      if (get().url !== url) return;
      if (target.leadId) {
        showLead(target.leadId);
        if (useDialogStore.getState().dialog === 'phoneLink') useDialogStore.getState().closeDialog();
        return;
      }
      set({ target });
    } catch (error) {
      if (get().url !== url) return;
      set({ error: phoneLinkProblem(error) });
    }
    useDialogStore.getState().openDialog('phoneLink');
  },

  createLead: async ({ name, company }) => {
    const target = get().target;
    if (!target) return;
    const lead = await invoke('leads.create', {
      name,
      company: company.trim() || null,
      phone: { number: target.ext ? `${target.e164} ext. ${target.ext}` : target.e164 },
    });
    useDialogStore.getState().closeDialog();
    set({ url: null, target: null, error: null });
    showLead(lead.id);
  },
}));

/** The phone link the web host's page was opened for (`?tel=…`, the browser's tel: handler), once. */
export const takePhoneLinkFromPage = (): string | null => {
  const params = new URLSearchParams(window.location.search);
  const link = params.get('tel');
  if (!link) return null;
  params.delete('tel');
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  return link;
};
