import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../../../src/main/core/telephony/secrets';
import { openHarness, utc } from '../cadence/helpers';

const T = utc('2026-03-02T15:00:00Z');
const SETTINGS = {
  websocketUrl: 'wss://pbx.example.com:8089/ws',
  sipUri: 'sip:alex@pbx.example.com',
  authorizationUser: '',
  displayName: 'Alex Rivera',
};

const storedSettings = (db: { prepare: (sql: string) => { all: () => unknown[] } }) =>
  JSON.stringify(db.prepare('SELECT key, value FROM settings').all());

describe('telephony accounts', () => {
  it('keeps the SIP settings in the store and the password in a 0600 secrets file, never in the settings', async () => {
    const { call, core, dataDir } = await openHarness(T);
    expect(await call('telephony.sipSettings', {})).toEqual({ settings: null, passwordSet: false });
    expect(
      await call('telephony.saveSipSettings', { settings: SETTINGS, password: 'pbx-Secret-42' }),
    ).toEqual({
      settings: SETTINGS,
      passwordSet: true,
    });
    expect(storedSettings(core.db)).not.toContain('pbx-Secret-42');
    const file = join(dataDir, SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('pbx-Secret-42');
    expect(await call('telephony.sipAccount', {})).toEqual({ ...SETTINGS, password: 'pbx-Secret-42' });

    // Saving again without a password keeps the saved one.
    const renamed = { ...SETTINGS, displayName: 'Alex R.' };
    await call('telephony.saveSipSettings', { settings: renamed });
    expect(await call('telephony.sipAccount', {})).toEqual({ ...renamed, password: 'pbx-Secret-42' });

    expect(await call('telephony.forgetSipSettings', {})).toEqual({ settings: null, passwordSet: false });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a first save without a password, and a SIP account before any save', async () => {
    const { fail } = await openHarness(T);
    expect((await fail('telephony.sipAccount', {})).code).toBe('telephony_sip_not_set_up');
    expect((await fail('telephony.saveSipSettings', { settings: SETTINGS })).code).toBe(
      'telephony_sip_password_missing',
    );
  });

  it('refuses a ws:// address off this computer and an address that is not sip:', async () => {
    const { fail } = await openHarness(T);
    const plain = await fail('telephony.saveSipSettings', {
      settings: { ...SETTINGS, websocketUrl: 'ws://pbx.example.com/ws' },
      password: 'x',
    });
    expect(plain.code).toBe('invalid_input');
    expect(plain.message).toMatch(/wss:\/\//);
    const bare = await fail('telephony.saveSipSettings', {
      settings: { ...SETTINGS, sipUri: 'alex' },
      password: 'x',
    });
    expect(bare.code).toBe('invalid_input');
    expect(bare.message).toMatch(/sip:user@domain/);
  });

  it('asks to sign in to the team server before fetching a Twilio token', async () => {
    const { fail } = await openHarness(T);
    const failure = await fail('telephony.twilioToken', {});
    expect(failure.code).toBe('sync_not_signed_in');
  });
});
