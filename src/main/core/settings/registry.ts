import { DEFAULT_SETTINGS, Locale, Settings, Theme } from '@shared/api/settings';
import { SipSettings } from '@shared/api/telephony-sip';
import { Outcome } from '@shared/domain/outcome';
import { DEFAULT_QUALIFICATION_CONFIG, QualificationConfig } from '@shared/domain/qualification';
import { CallingRules, DEFAULT_CALLING_RULES } from '@shared/domain/queue';
import { Hlc } from '@shared/sync/protocol';
import { z } from 'zod';

/** One stored setting: the schema its JSON must match, and the value it has while never saved. */
export type SettingDef<S extends z.ZodType = z.ZodType> = {
  schema: S;
  default: z.output<S>;
  /**
   * Stored objects are laid over the default before they are checked, so a field that a newer version
   * added takes its default in a store saved by an older one.
   */
  fillFromDefault?: boolean;
  /** What the user can do when the stored value cannot be read (English; the UI translates the code). */
  fix: string;
};

const setting = <S extends z.ZodType>(
  schema: S,
  fallback: z.output<S>,
  fix: string,
  fillFromDefault = false,
): SettingDef<S> => ({ schema, default: fallback, fix, fillFromDefault });

const RESTORE =
  'If this data folder was last used by a newer Dialdeck, update Dialdeck; otherwise restore the folder from a backup.';
const CHOOSE_AGAIN = 'Choose it again in Settings to replace the stored value.';

/**
 * Every key of the `settings` table, with its schema and default. Values are stored as JSON text.
 * Reading one that fails its schema raises `settings_unreadable`; nothing falls back to a default that
 * the next save would write over the team's data.
 */
export const SETTINGS = {
  'pref.locale': setting(Locale, DEFAULT_SETTINGS.locale, CHOOSE_AGAIN),
  'pref.theme': setting(Theme, DEFAULT_SETTINGS.theme, CHOOSE_AGAIN),
  /** ISO 3166-1 alpha-2 region for phone numbers written without a country code. */
  'pref.defaultRegion': setting(Settings.shape.defaultRegion, DEFAULT_SETTINGS.defaultRegion, CHOOSE_AGAIN),
  /** The rep's name and callback number, filled into scripts as `{{repName}}` and `{{repPhone}}`. */
  'pref.repName': setting(Settings.shape.repName, DEFAULT_SETTINGS.repName, CHOOSE_AGAIN),
  'pref.repPhone': setting(Settings.shape.repPhone, DEFAULT_SETTINGS.repPhone, CHOOSE_AGAIN),
  /** Where the desktop app looks for updates ('' = automatic updates off). */
  'pref.updateFeedUrl': setting(Settings.shape.updateFeedUrl, DEFAULT_SETTINGS.updateFeedUrl, CHOOSE_AGAIN),
  /** How this rep places calls (the call screen's provider). */
  'calling.provider': setting(Settings.shape.callingProvider, DEFAULT_SETTINGS.callingProvider, CHOOSE_AGAIN),
  /** The live talk-share target, 0–1. */
  'calling.talkShareTarget': setting(
    Settings.shape.callingTalkShareTarget,
    DEFAULT_SETTINGS.callingTalkShareTarget,
    CHOOSE_AGAIN,
  ),
  /** The monologue warning's threshold, seconds. */
  'calling.monologueSeconds': setting(
    Settings.shape.callingMonologueSeconds,
    DEFAULT_SETTINGS.callingMonologueSeconds,
    CHOOSE_AGAIN,
  ),
  /** Set once the built-in scripts were written into this store. */
  'scripts.builtinsSeeded': setting(z.boolean(), false, RESTORE),
  /** The team's calling rules (window, business days, holidays, attempt limits…). */
  'queue.rules': setting(CallingRules, DEFAULT_CALLING_RULES, RESTORE, true),
  /** The team's saved outcome set (edited built-ins and its own); empty until first saved. */
  'queue.outcomes': setting(z.array(Outcome), [], RESTORE),
  /** The team's BANT gate, profile threshold and checklist items (PLAYBOOK defaults until saved). */
  'qualification.config': setting(QualificationConfig, DEFAULT_QUALIFICATION_CONFIG, CHOOSE_AGAIN, true),
  /** Set once the built-in cadences were written into this store. */
  'cadence.builtinsSeeded': setting(z.boolean(), false, RESTORE),
  /** Set once the demo call list was written into this store. */
  'demo.seeded': setting(z.boolean(), false, RESTORE),
  /** This store's node id in HLC stamps: 16 hex digits, made on first open. */
  'sync.nodeId': setting(
    z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .nullable(),
    null,
    RESTORE,
  ),
  /** The newest HLC stamp issued, saved when outbox rows are cleared, so the clock never goes back. */
  'sync.hlc': setting(Hlc.nullable(), null, RESTORE),
  /** The signed-in rep's id; null when nobody signed in. */
  'sync.userId': setting(z.string().min(1).nullable(), null, RESTORE),
  /**
   * Where the last pull ended: the team's change version reached, and the server, team and user it was
   * pulled as (another sign-in pulls from the start). Null before the first pull.
   */
  'sync.pullCursor': setting(
    z
      .object({ server: z.string(), teamId: z.string(), userId: z.string(), cursor: z.number().int().min(0) })
      .nullable(),
    null,
    RESTORE,
  ),
  /** The rep's SIP account for the SIP provider (its password is in the secret store); null until saved. */
  'telephony.sip': setting(SipSettings.nullable(), null, CHOOSE_AGAIN),
} satisfies Record<string, SettingDef>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
