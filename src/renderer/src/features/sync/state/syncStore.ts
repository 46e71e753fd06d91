import type { SyncStatusView } from '@shared/api/sync';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';

type SyncStore = {
  /** The last status read from the core (null until the first read). */
  status: SyncStatusView | null;
  /** A sign-in under way, and the last sign-in's failure in the interface language. */
  signingIn: boolean;
  signInError: string | null;
  load: () => Promise<void>;
  signIn: (server: string, token: string) => Promise<boolean>;
  signOut: () => Promise<void>;
  syncNow: () => Promise<void>;
  /** Dismisses a refused change: it leaves the list, kept on this computer. */
  dismiss: (id: string) => Promise<void>;
  clearSignInError: () => void;
};

/** The team sync's status for the top bar and the sync dialog; re-read on every `sync:changed`. */
export const useSyncStore = create<SyncStore>((set) => ({
  status: null,
  signingIn: false,
  signInError: null,
  load: async () => {
    try {
      set({ status: await invoke('sync.status', {}) });
    } catch {
      // The indicator keeps the last status; the next change event reads again.
    }
  },
  signIn: async (server, token) => {
    set({ signingIn: true, signInError: null });
    try {
      const status = await invoke('sync.signIn', { server, token });
      set({ status, signingIn: false });
      return true;
    } catch (error) {
      set({ signingIn: false, signInError: errorMessage(error) });
      return false;
    }
  },
  signOut: async () => {
    set({ status: await invoke('sync.signOut', {}) });
  },
  syncNow: async () => {
    set({ status: await invoke('sync.now', {}) });
  },
  dismiss: async (id) => {
    set({ status: await invoke('sync.dismissRejected', { id }) });
  },
  clearSignInError: () => set({ signInError: null }),
}));
