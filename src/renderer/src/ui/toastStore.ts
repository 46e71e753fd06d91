import { create } from 'zustand';

/** A button on a toast (e.g. Undo), with the shortcut that does the same. */
export type ToastAction = { label: string; shortcut?: string; run: () => void };

export type Toast = {
  id: number;
  tone: 'info' | 'success' | 'error';
  message: string;
  action?: ToastAction;
  testId?: string;
};

export type ToastOptions = { action?: ToastAction; durationMs?: number; testId?: string };

type ToastState = {
  toasts: Toast[];
  show: (tone: Toast['tone'], message: string, options?: ToastOptions) => number;
  dismiss: (id: number) => void;
};

let nextId = 1;

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show: (tone, message, options = {}) => {
    const id = nextId++;
    const toast: Toast = {
      id,
      tone,
      message,
      ...(options.action ? { action: options.action } : {}),
      ...(options.testId ? { testId: options.testId } : {}),
    };
    set({ toasts: [...get().toasts, toast].slice(-3) });
    // Errors stay until dismissed; confirmations fade on their own.
    if (tone !== 'error') setTimeout(() => get().dismiss(id), options.durationMs ?? 5000);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));

export const showToast = (tone: Toast['tone'], message: string, options?: ToastOptions): number =>
  useToastStore.getState().show(tone, message, options);
