import type { Settings } from '@shared/api/settings';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import { SETTINGS, type SettingDef, type SettingKey, type SettingValue } from './registry';

type Access = {
  read: Statement<[string], string>;
  write: Statement<[string, string]>;
  /** The last value read per key, with the text it was parsed from: unchanged text is not parsed again. */
  parsed: Map<string, { raw: string | undefined; value: unknown }>;
};

// Statements are prepared once per connection.
const accessOf = new WeakMap<Db, Access>();
const access = (db: Db): Access => {
  let found = accessOf.get(db);
  if (!found) {
    found = {
      read: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
      write: db.prepare<[string, string]>(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      parsed: new Map(),
    };
    accessOf.set(db, found);
  }
  return found;
};

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }): string =>
  error.issues.map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`).join('; ');

const unreadable = (key: SettingKey, def: SettingDef, why: string): AppError =>
  new AppError(
    'settings_unreadable',
    `Dialdeck cannot read the saved setting "${key}" (${why}). It was left untouched and will not be saved over. ${def.fix}`,
    { key, reason: why },
  );

const parse = (key: SettingKey, def: SettingDef, raw: string): unknown => {
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    throw unreadable(key, def, 'not valid JSON');
  }
  const candidate =
    def.fillFromDefault && typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? { ...(def.default as object), ...stored }
      : stored;
  const result = def.schema.safeParse(candidate);
  if (!result.success) throw unreadable(key, def, issuesOf(result.error));
  return result.data;
};

/**
 * The value of setting `key` (its registry schema's output): the default while never saved.
 * Values are cached per connection by their stored text, so callers get the same object until it
 * changes; treat it as read-only.
 * @throws AppError `settings_unreadable` (details `{ key, reason }`) when the stored text is not JSON
 *   or fails the schema; the stored value is left as it is.
 */
export const readSetting = <K extends SettingKey>(db: Db, key: K): SettingValue<K> => {
  const { read, parsed } = access(db);
  const raw = read.get(key);
  const cached = parsed.get(key);
  if (cached && cached.raw === raw) return cached.value as SettingValue<K>;
  const def: SettingDef = SETTINGS[key];
  const value = raw === undefined ? def.default : parse(key, def, raw);
  parsed.set(key, { raw, value });
  return value as SettingValue<K>;
};

/**
 * Saves setting `key` as JSON. The value is checked against the registry schema first.
 * @throws Error when the value does not match (a programming error: inputs are validated before).
 */
export const writeSetting = <K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): void => {
  const def: SettingDef = SETTINGS[key];
  const checked = def.schema.safeParse(value);
  if (!checked.success) throw new Error(`Setting "${key}" not saved: ${issuesOf(checked.error)}`);
  access(db).write.run(key, JSON.stringify(value));
};

const PREF_KEYS = {
  locale: 'pref.locale',
  theme: 'pref.theme',
  defaultRegion: 'pref.defaultRegion',
  repName: 'pref.repName',
  repPhone: 'pref.repPhone',
  updateFeedUrl: 'pref.updateFeedUrl',
  callingProvider: 'calling.provider',
  callingTalkShareTarget: 'calling.talkShareTarget',
  callingMonologueSeconds: 'calling.monologueSeconds',
} as const satisfies Record<keyof Settings, SettingKey>;

/**
 * The user's preferences (locale, theme, default region, the rep's name and phone, the calling
 * provider, talk-share target and monologue limit), each its default while never saved.
 * @throws AppError `settings_unreadable` naming the first preference whose stored value is unreadable.
 */
export const readSettings = (db: Db): Settings => ({
  locale: readSetting(db, PREF_KEYS.locale),
  theme: readSetting(db, PREF_KEYS.theme),
  defaultRegion: readSetting(db, PREF_KEYS.defaultRegion),
  repName: readSetting(db, PREF_KEYS.repName),
  repPhone: readSetting(db, PREF_KEYS.repPhone),
  updateFeedUrl: readSetting(db, PREF_KEYS.updateFeedUrl),
  callingProvider: readSetting(db, PREF_KEYS.callingProvider),
  callingTalkShareTarget: readSetting(db, PREF_KEYS.callingTalkShareTarget),
  callingMonologueSeconds: readSetting(db, PREF_KEYS.callingMonologueSeconds),
});

/**
 * Saves the preferences in `patch` (others keep their stored values) and returns them all. A value
 * given here replaces one that could not be read, which is how a user repairs it.
 */
export const updateSettings = (db: Db, patch: Partial<Settings>): Settings => {
  writeNow(db, () => {
    if (patch.locale !== undefined) writeSetting(db, PREF_KEYS.locale, patch.locale);
    if (patch.theme !== undefined) writeSetting(db, PREF_KEYS.theme, patch.theme);
    if (patch.defaultRegion !== undefined) writeSetting(db, PREF_KEYS.defaultRegion, patch.defaultRegion);
    if (patch.repName !== undefined) writeSetting(db, PREF_KEYS.repName, patch.repName);
    if (patch.repPhone !== undefined) writeSetting(db, PREF_KEYS.repPhone, patch.repPhone);
    if (patch.updateFeedUrl !== undefined) writeSetting(db, PREF_KEYS.updateFeedUrl, patch.updateFeedUrl);
    if (patch.callingProvider !== undefined)
      writeSetting(db, PREF_KEYS.callingProvider, patch.callingProvider);
    if (patch.callingTalkShareTarget !== undefined)
      writeSetting(db, PREF_KEYS.callingTalkShareTarget, patch.callingTalkShareTarget);
    if (patch.callingMonologueSeconds !== undefined)
      writeSetting(db, PREF_KEYS.callingMonologueSeconds, patch.callingMonologueSeconds);
  });
  return readSettings(db);
};
