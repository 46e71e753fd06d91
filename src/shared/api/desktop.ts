import { z } from 'zod';

/**
 * Where the desktop app's automatic update stands (electron-updater): `off` without a feed URL,
 * `ready` once an update is downloaded and verified (its sha512 from the feed, and on Windows and
 * macOS its code signature) and waits for "Restart to update". `percent` 0–100 while downloading.
 */
export const UpdateStatus = z.object({
  state: z.enum(['off', 'idle', 'checking', 'available', 'downloading', 'ready', 'error']),
  version: z.string().max(100).nullable(),
  /** Release notes as plain text (HTML tags dropped), or null. */
  notes: z.string().max(20_000).nullable(),
  percent: z.number().min(0).max(100).nullable(),
  message: z.string().max(500).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** The OS integration the Electron host reports: the phone handler, start at login, updates. */
export const DesktopIntegration = z.object({
  phoneHandler: z.boolean(),
  startAtLogin: z.boolean(),
  update: UpdateStatus,
});
export type DesktopIntegration = z.infer<typeof DesktopIntegration>;

/** What the renderer may ask of the Electron host's OS integration (checked in the main process). */
export const DesktopRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('integration') }),
  z.strictObject({ action: z.literal('setPhoneHandler'), on: z.boolean() }),
  z.strictObject({ action: z.literal('setStartAtLogin'), on: z.boolean() }),
  z.strictObject({ action: z.literal('checkForUpdates') }),
  z.strictObject({ action: z.literal('restartToUpdate') }),
]);
export type DesktopRequest = z.infer<typeof DesktopRequest>;
