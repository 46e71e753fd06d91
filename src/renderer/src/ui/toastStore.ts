import { create } from 'zustand';

export type Toast = { id: number; tone: 'info' | 'success' | 'error'; message: string };

type ToastState = {
  toasts: Toast[];
  show: (tone: Toast['tone'], message: string) => void;
  dismiss: (id: number) => void;
};

let nextId = 1;

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show: (tone, message) => {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, tone, message }].slice(-3) });
    // Errors stay until dismissed; confirmations fade on their own.
    if (tone !== 'error') setTimeout(() => get().dismiss(id), 5000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));

export const showToast = (tone: Toast['tone'], message: string) =>
  useToastStore.getState().show(tone, message);
