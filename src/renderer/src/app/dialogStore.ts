import { create } from 'zustand';

export type DialogName =
  | 'import'
  | 'settings'
  | 'help'
  | 'removeDemo'
  | 'calling'
  | 'handoff'
  | 'palette'
  | 'skip'
  | 'snooze'
  | 'phoneLink'
  | 'sync';

type DialogStore = {
  dialog: DialogName | null;
  /** Dialogs opened at least once (their code is loaded and they stay mounted). */
  opened: Partial<Record<DialogName, true>>;
  openDialog: (dialog: DialogName) => void;
  closeDialog: () => void;
};

/** One dialog at a time; shortcuts stay quiet while one is open. */
export const useDialogStore = create<DialogStore>((set, get) => ({
  dialog: null,
  opened: {},
  openDialog: (dialog) => set({ dialog, opened: { ...get().opened, [dialog]: true } }),
  closeDialog: () => set({ dialog: null }),
}));
