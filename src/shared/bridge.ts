import { z } from 'zod';
import type { Result } from './api/contract';
import type { DesktopIntegration, DesktopRequest, PendingLaunch } from './api/desktop';
import { NoticeTarget } from './api/notices';

/**
 * A desktop notification the renderer asks the Electron host to show (a callback that is due, an
 * inbound lead that arrived, a change the server refused); `target` is what clicking it opens.
 */
export const DesktopNotification = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(500),
  target: NoticeTarget,
});
export type DesktopNotification = z.infer<typeof DesktopNotification>;

/** What the preload exposes as `window.dialdeck`, and what the web host's client implements. */
export type DialdeckBridge = {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** Electron only: shows a desktop notification from the main process (the web host uses `Notification`). */
  notify?(notification: DesktopNotification): Promise<void>;
  /** Electron only: the phone handler, start at login and updates (see `DesktopRequest`). */
  desktop?(request: DesktopRequest): Promise<DesktopIntegration>;
  /**
   * Electron only: takes the phone links and files the OS handed over (at launch or since), oldest first;
   * the host keeps them until taken, so the window asks once it listens (a cold start loses nothing).
   */
  takePendingLaunch?(): Promise<PendingLaunch>;
};

export const IPC_INVOKE = 'dialdeck:invoke';
export const IPC_EVENT = 'dialdeck:event';
export const IPC_NOTIFY = 'dialdeck:notify';
export const IPC_DESKTOP = 'dialdeck:desktop';
export const IPC_LAUNCH = 'dialdeck:launch';
