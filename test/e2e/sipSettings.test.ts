import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../../src/main/core/telephony/secrets';
import { openApp, openWorkspace, type Workspace } from './harness';

// Settings → SIP calling in Chromium against the web host: addresses checked before saving, the
// password kept out of the settings and never shown again, and the form in Korean.

describe('SIP settings form', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await openWorkspace();
    await openApp(ws.page, ws.host.url);
  });
  afterAll(() => ws?.close());

  it('refuses a plain ws:// address and an address without sip:, then saves with the password in the secret store', async () => {
    const { page } = ws;
    await page.getByTestId('open-settings').click();
    const form = page.getByTestId('settings-sip');
    await page.getByTestId('sip-websocketUrl').fill('ws://pbx.example.com/ws');
    await page.getByTestId('sip-sipUri').fill('alex@pbx.example.com');
    await page.getByTestId('sip-save').click();
    await expect
      .poll(() => form.locator('.form-error').allTextContents())
      .toEqual([
        'Enter the SIP server as a wss:// address, such as wss://pbx.example.com:8089/ws (ws:// only for a PBX on this computer).',
        'Enter your SIP address as sip:user@domain, such as sip:alex@pbx.example.com.',
        'Enter the SIP password: none is saved on this computer yet.',
      ]);
    expect(await page.getByTestId('sip-websocketUrl').getAttribute('aria-invalid')).toBe('true');
    expect(await ws.core.handlers['telephony.sipSettings']({})).toEqual({
      settings: null,
      passwordSet: false,
    });

    await page.getByTestId('sip-websocketUrl').fill('wss://pbx.example.com:8089/ws');
    await page.getByTestId('sip-sipUri').fill('sip:alex@pbx.example.com');
    await page.getByTestId('sip-password').fill('pbx-Secret-42');
    await page.getByTestId('sip-save').click();
    await expect.poll(() => page.getByTestId('sip-status').textContent()).toContain('SIP settings saved');
    // The web host keeps the password in a 0600 file in the data folder, not a keychain: it says so.
    const status = await page.getByTestId('sip-status').textContent();
    expect(status).toContain('a file only you can read');
    expect(status).not.toContain('keychain');
    expect(await ws.core.handlers['telephony.sipAccount']({})).toMatchObject({
      websocketUrl: 'wss://pbx.example.com:8089/ws',
      sipUri: 'sip:alex@pbx.example.com',
      password: 'pbx-Secret-42',
    });
    expect(readFileSync(join(ws.dataDir, SECRETS_FILE), 'utf8')).toContain('pbx-Secret-42');
    // The saved password is never sent back to the page.
    expect(await page.getByTestId('sip-password').inputValue()).toBe('');
    expect(await page.getByTestId('sip-password').getAttribute('placeholder')).toBe('••••••••');
    expect(await page.getByTestId('settings-sip').textContent()).not.toContain('keychain');
  });

  it('shows the form in Korean and forgets the settings and password', async () => {
    const { page } = ws;
    await ws.core.handlers['settings.update']({ locale: 'ko' });
    await page.reload();
    await page.getByTestId('open-settings').click();
    const form = page.getByTestId('settings-sip');
    await expect.poll(() => form.locator('legend').textContent()).toBe('SIP 통화 (자체 PBX)');
    await expect.poll(() => page.getByTestId('sip-sipUri').inputValue()).toBe('sip:alex@pbx.example.com');
    await page.getByTestId('sip-forget').click();
    await expect
      .poll(() => page.getByTestId('sip-status').textContent())
      .toBe('이 컴퓨터에서 SIP 설정과 비밀번호를 지웠습니다.');
    expect(existsSync(join(ws.dataDir, SECRETS_FILE))).toBe(false);
  });
});
