import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { SETTINGS, type SettingKey } from '../../../src/main/core/settings/registry';
import { readSetting, writeSetting } from '../../../src/main/core/settings/repo';
import type { Db } from '../../../src/main/core/store/db';
import { DEFAULT_CALLING_RULES } from '../../../src/shared/domain/queue';
import { openHarness, utc } from '../cadence/helpers';

const T = utc('2026-03-02T15:00:00Z');
const RESOURCES = join(import.meta.dirname, '../../../src/renderer/src/i18n/resources');

const store = (db: Db, key: string, text: string) =>
  db
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run(key, text);
const stored = (db: Db, key: string) =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

const unreadableError = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected settings_unreadable, nothing was thrown');
};

/** A stored value of the right JSON but the wrong shape for each key. */
const WRONG_SHAPE: Record<SettingKey, unknown> = {
  'pref.locale': 'fr',
  'pref.theme': 'sepia',
  'pref.defaultRegion': 'usa',
  'pref.repName': 7,
  'pref.repPhone': ['+1'],
  'pref.updateFeedUrl': 'ftp://updates.example.com',
  'calling.provider': 'skype',
  'calling.talkShareTarget': 3,
  'calling.monologueSeconds': 1.5,
  'scripts.builtinsSeeded': 'no',
  'queue.rules': { maxAttemptsPerDay: 'three' },
  'queue.outcomes': [{ id: 'sms_sent', label: 'SMS sent', effect: 'sms' }],
  'qualification.config': { bantGate: 5 },
  'cadence.builtinsSeeded': 'yes',
  'demo.seeded': 1,
  'sync.nodeId': 'not-a-node',
  'sync.hlc': '2026-03-02',
  'sync.userId': 42,
  'sync.pullCursor': { server: 'http://127.0.0.1:8470', cursor: -1 },
  'telephony.sip': { websocketUrl: 'ws://pbx.example.com/ws', sipUri: 'alex' },
};

describe('settings registry', () => {
  it('gives the default while unset, and the saved value afterwards', async () => {
    const { core } = await openHarness(T);
    expect(readSetting(core.db, 'pref.theme')).toBe('system');
    writeSetting(core.db, 'pref.theme', 'dark');
    expect(readSetting(core.db, 'pref.theme')).toBe('dark');
    expect(stored(core.db, 'pref.theme')).toBe('"dark"');
  });

  it('refuses to save a value that does not match the key', async () => {
    const { core } = await openHarness(T);
    expect(() => writeSetting(core.db, 'pref.locale', 'fr' as never)).toThrow(/"pref.locale" not saved/);
    expect(stored(core.db, 'pref.locale')).toBeUndefined();
  });

  it('sees a value another connection saved', async () => {
    const { core, dataDir } = await openHarness(T);
    expect(readSetting(core.db, 'pref.locale')).toBe('en');
    const other = new Database(join(dataDir, 'dialdeck.sqlite'));
    try {
      store(other, 'pref.locale', '"ko"');
    } finally {
      other.close();
    }
    expect(readSetting(core.db, 'pref.locale')).toBe('ko');
  });

  describe.each(Object.keys(SETTINGS) as SettingKey[])('%s', (key) => {
    it.each([
      ['text that is not JSON', '{"half'],
      ['JSON of the wrong shape', JSON.stringify(WRONG_SHAPE[key])],
    ])(
      'is a loud error naming the key when the stored value is %s, and stays as stored',
      async (_label, text) => {
        const { core } = await openHarness(T);
        store(core.db, key, text);
        const error = unreadableError(() => readSetting(core.db, key));
        expect(error.code).toBe('settings_unreadable');
        expect(error.message).toContain(`"${key}"`);
        expect(error.details).toMatchObject({ key });
        expect(stored(core.db, key)).toBe(text);
      },
    );
  });
});

describe('no silent fall-back that a save writes over', () => {
  it("refuses to show or save over the team's outcome set when it cannot be read", async () => {
    const h = await openHarness(T);
    await h.call('outcomes.update', { id: 'busy', patch: { label: 'Line busy' } });
    // As a newer Dialdeck might have saved it: an outcome with an effect this version does not know.
    const saved = JSON.parse(stored(h.core.db, 'queue.outcomes') as string);
    saved.push({ ...saved[0], id: 'sms_sent', label: 'SMS sent', effect: 'sms' });
    const text = JSON.stringify(saved);
    store(h.core.db, 'queue.outcomes', text);

    for (const failure of [
      await h.fail('outcomes.list', {}),
      await h.fail('outcomes.update', { id: 'no_answer', patch: { label: 'Nobody home' } }),
      await h.fail('outcomes.create', {
        id: 'left_message',
        label: 'Left message',
        active: true,
        effect: 'none',
        connected: false,
        status: null,
        transition: { action: 'next' },
      }),
    ]) {
      expect(failure.code).toBe('settings_unreadable');
      expect(failure.message).toContain('"queue.outcomes"');
    }
    expect(stored(h.core.db, 'queue.outcomes')).toBe(text);
  });

  it("refuses to use or save over the team's calling rules when they cannot be read", async () => {
    const h = await openHarness(T);
    const text = JSON.stringify({ ...DEFAULT_CALLING_RULES, window: { start: '21:00', end: '08:00' } });
    store(h.core.db, 'queue.rules', text);
    expect((await h.fail('queue.rules', {})).code).toBe('settings_unreadable');
    const refused = await h.fail('queue.setRules', { maxAttemptsPerDay: 5 });
    expect(refused.code).toBe('settings_unreadable');
    expect(refused.message).toContain('"queue.rules"');
    expect(stored(h.core.db, 'queue.rules')).toBe(text);
  });

  it('reads calling rules saved before a field existed, with that field at its default', async () => {
    const h = await openHarness(T);
    const { dailyDialTarget: _added, ...older } = { ...DEFAULT_CALLING_RULES, maxAttemptsPerDay: 5 };
    store(h.core.db, 'queue.rules', JSON.stringify(older));
    expect(await h.call('queue.rules', {})).toMatchObject({
      maxAttemptsPerDay: 5,
      dailyDialTarget: DEFAULT_CALLING_RULES.dailyDialTarget,
    });
  });

  it('reports an unreadable preference, and choosing it again repairs it', async () => {
    const h = await openHarness(T);
    await h.call('settings.update', { theme: 'dark' });
    store(h.core.db, 'pref.locale', '"fr"');
    const failure = await h.fail('settings.get', {});
    expect(failure.code).toBe('settings_unreadable');
    expect(failure.message).toContain('"pref.locale"');
    expect(await h.call('settings.update', { locale: 'ko' })).toEqual({
      locale: 'ko',
      theme: 'dark',
      defaultRegion: 'US',
      repName: '',
      repPhone: '',
      updateFeedUrl: '',
      callingProvider: 'system',
      callingTalkShareTarget: 0.3,
      callingMonologueSeconds: 60,
    });
  });

  it('has a translated message for settings_unreadable in en, zh-CN and ko that names the key', async () => {
    const messages: string[] = [];
    for (const [file, name] of [
      ['en', 'en'],
      ['zh-CN', 'zhCN'],
      ['ko', 'ko'],
    ]) {
      // The renderer's resources are outside the Node project's type check, so they are loaded by path.
      const module: Record<string, { errors: { codes: Record<string, string> } }> = await import(
        join(RESOURCES, `${file}.ts`)
      );
      const message = module[name as string]?.errors.codes.settings_unreadable;
      expect(message).toContain('{{key}}');
      messages.push(message as string);
    }
    expect(new Set(messages).size).toBe(3);
  });
});
