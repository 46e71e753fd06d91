import type { Script, ScriptDefinition } from '@shared/domain/script';
import { create } from 'zustand';
import { errorMessage, invoke } from '../../../api/client';

type ScriptsStore = {
  scripts: Script[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Reads every script; called on first use and when a `scripts:changed` event arrives. */
  load: () => Promise<void>;
  /** Saves a script; rejects with the core's error (e.g. `script_unknown_variable`) for the editor to show. */
  save: (script: ScriptDefinition) => Promise<Script>;
  remove: (id: string) => Promise<void>;
};

export const useScriptsStore = create<ScriptsStore>((set, get) => ({
  scripts: [],
  status: 'idle',
  error: null,
  load: async () => {
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      set({ scripts: await invoke('scripts.list', {}), status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  save: async (script) => {
    const saved = await invoke('scripts.save', { script });
    await get().load();
    return saved;
  },
  remove: async (id) => {
    await invoke('scripts.delete', { id });
    await get().load();
  },
}));
