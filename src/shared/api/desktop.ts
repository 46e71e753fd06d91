import { z } from 'zod';
import { MAX_PHONE_LINK_LENGTH } from '../phoneLinks';
import { Base64Upload } from './limits';

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
  /** The feed the installer carries (app-update.yml), used while Settings has none; null: none. */
  installerFeedUrl: z.string().max(500).nullable().optional(),
  /** Which feed the last check used: the rep's (`settings`), the installer's, or none (null). */
  feedSource: z.enum(['settings', 'installer']).nullable().optional(),
  /**
   * Why the last "Open tel: and callto: links with Dialdeck" did not take: `refused` (the OS said no to
   * `setAsDefaultProtocolClient`, e.g. no xdg-settings on Linux), `not_default` (registered, but the OS
   * still opens tel: links with another app — Windows asks the rep to pick in Default apps); null: it took.
   */
  phoneHandlerProblem: z.enum(['refused', 'not_default']).nullable().optional(),
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

/**
 * What the OS handed Dialdeck to open (a phone link, a CSV file "Open with Dialdeck", or a CSV it
 * could not take: `empty`, `too_large` over the upload limit, `unreadable`), held by the host until
 * the window takes it.
 */
export const LaunchItem = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('link'), url: z.string().max(MAX_PHONE_LINK_LENGTH) }),
  z.strictObject({ kind: z.literal('file'), fileName: z.string().max(500), dataBase64: Base64Upload }),
  z.strictObject({
    kind: z.literal('fileRefused'),
    fileName: z.string().max(500),
    reason: z.enum(['empty', 'too_large', 'unreadable']),
  }),
]);
export type LaunchItem = z.infer<typeof LaunchItem>;

/** The launch items the window takes once it listens (`takePendingLaunch`), oldest first. */
export const PendingLaunch = z.object({ items: z.array(LaunchItem) });
export type PendingLaunch = z.infer<typeof PendingLaunch>;
