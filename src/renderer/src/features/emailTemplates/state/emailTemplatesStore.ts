import type { EmailTemplate, EmailTemplateDefinition } from '@shared/domain/emailTemplate';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';

type EmailTemplatesStore = {
  templates: EmailTemplate[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /**
   * Reads every template; called on first use and when an `emailTemplates:changed` event arrives. A
   * read that finds the same templates keeps the same array, so an open picker is not re-rendered
   * under the rep's keys by a refresh that changed nothing.
   */
  load: () => Promise<void>;
  /** Saves a template; rejects with the core's error (e.g. `script_unknown_variable`) for the editor to show. */
  save: (template: EmailTemplateDefinition) => Promise<EmailTemplate>;
  remove: (id: string) => Promise<void>;
};

export const useEmailTemplatesStore = create<EmailTemplatesStore>((set, get) => ({
  templates: [],
  status: 'idle',
  error: null,
  load: async () => {
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      const read = await invoke('emailTemplates.list', {});
      const same = JSON.stringify(read) === JSON.stringify(get().templates);
      set({ templates: same ? get().templates : read, status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  save: async (template) => {
    const saved = await invoke('emailTemplates.save', { template });
    await get().load();
    return saved;
  },
  remove: async (id) => {
    await invoke('emailTemplates.delete', { id });
    await get().load();
  },
}));
