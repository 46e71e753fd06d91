import { z } from 'zod';
import { CallProvider } from '../domain/callProvider';
import { MAX_UPDATE_FEED_LENGTH, updateFeedProblem } from '../updateFeed';
import { method } from './contract';

export const Locale = z.enum(['en', 'zh-CN', 'ko']);
export type Locale = z.infer<typeof Locale>;
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  locale: Locale,
  theme: Theme,
  /** ISO 3166 region used to read phone numbers written without a country code. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/),
  /** The rep's name as said on a call: fills `{{repName}}` in scripts ('' while not set). */
  repName: z.string().trim().max(120),
  /** The callback number the rep leaves in voicemails: fills `{{repPhone}}` ('' while not set). */
  repPhone: z.string().trim().max(40),
  /**
   * The desktop app's update feed: an https URL of a folder holding electron-updater's `latest*.yml`
   * and the installers (the team server's `/updates`, a releases page); http only on loopback, no
   * credentials (see `updateFeedProblem`). '' uses the feed built into the installer, if any.
   */
  updateFeedUrl: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(MAX_UPDATE_FEED_LENGTH)
      .refine((url) => updateFeedProblem(url) === null, {
        message:
          'The update feed must be an https:// address without a user name or password (http:// only for this computer).',
      }),
  ]),
  /** How this rep places calls: Twilio, SIP, the system phone (`tel:`) or the practice prospect. */
  callingProvider: CallProvider,
  /** The rep's talk-share target during a call, 0–1 (PLAYBOOK.md: talk 30%, listen 70%). */
  callingTalkShareTarget: z.number().min(0.05).max(0.95),
  /** A rep monologue longer than this many seconds is flagged live (default 60 s). */
  callingMonologueSeconds: z.number().int().min(10).max(600),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'en',
  theme: 'system',
  defaultRegion: 'US',
  repName: '',
  repPhone: '',
  updateFeedUrl: '',
  callingProvider: 'system',
  callingTalkShareTarget: 0.3,
  callingMonologueSeconds: 60,
};

export const settingsMethods = {
  'settings.get': method(z.object({}), Settings),
  'settings.update': method(Settings.partial(), Settings),
};
