import { DEFAULT_SETTINGS, Settings } from '@shared/api/settings';
import type { Db } from '../store/db';

const readRaw = (db: Db, key: string): string | undefined =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export const readSetting = (db: Db, key: string): unknown => {
  const raw = readRaw(db, key);
  return raw === undefined ? undefined : JSON.parse(raw);
};

export const writeSetting = (db: Db, key: string, value: unknown): void => {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
};

/** User preferences, each falling back to its default when unset or unreadable. */
export const readSettings = (db: Db): Settings => {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) {
    const value = readSetting(db, `pref.${key}`);
    if (value !== undefined) merged[key] = value;
  }
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
};

export const updateSettings = (db: Db, patch: Partial<Settings>): Settings => {
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) writeSetting(db, `pref.${key}`, value);
    }
  })();
  return readSettings(db);
};
