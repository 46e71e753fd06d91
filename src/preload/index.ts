import {
  type DialdeckBridge,
  IPC_DESKTOP,
  IPC_EVENT,
  IPC_INVOKE,
  IPC_LAUNCH,
  IPC_NOTIFY,
} from '@shared/bridge';
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

// The renderer gets this one typed object and never ipcRenderer itself.
const bridge: DialdeckBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  notify: async (notification) => {
    await ipcRenderer.invoke(IPC_NOTIFY, notification);
  },
  desktop: (request) => ipcRenderer.invoke(IPC_DESKTOP, request),
  takePendingLaunch: () => ipcRenderer.invoke(IPC_LAUNCH),
  onEvent: (listener) => {
    const handle = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, handle);
    return () => {
      ipcRenderer.off(IPC_EVENT, handle);
    };
  },
};

contextBridge.exposeInMainWorld('dialdeck', bridge);
