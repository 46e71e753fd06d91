import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../src/main/core/paths';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { ADA } from '../fixtures/leads';
import { OPTION, openApp, openWorkspace, type Workspace, waitForText } from './harness';

// What a Korean-speaking rep sees when the store misbehaves: a lead whose stored times are garbage
// still opens (its times read "unknown"), and a store held by another program is named, with what to
// do, in Korean.

const BAD_INSTANT = 9e15;

describe('errors people can act on, in Chromium', () => {
  let ws: Workspace;
  let leadId = '';

  beforeAll(async () => {
    ws = await openWorkspace({
      seedDemo: false,
      seed: (core) => {
        leadId = core.leads.create(ADA).id;
        core.dialing.enrollNewLeads([leadId]);
        // As an older version or a hand edit might have left them.
        core.db.prepare('UPDATE leads SET created_at = ?').run(BAD_INSTANT);
        core.db.prepare("UPDATE tasks SET due_at = ? WHERE state = 'open'").run(BAD_INSTANT);
      },
    });
    await ws.core.handlers['settings.update']({ locale: 'ko' });
    await openApp(ws.page, ws.host.url);
  });

  afterAll(async () => {
    await ws?.close();
  });

  it('opens a lead whose stored times are not real instants, showing them as unknown', async () => {
    const { page } = ws;
    await page.locator(OPTION).first().click();
    const detail = page.getByTestId('lead-detail');
    await waitForText(detail.locator('.detail__name'), 'Ada Lovelace');
    // The cards below the contact card render a step after the top of the panel.
    await waitForText(detail, ko.errors.unknownTime);
    expect(await detail.textContent()).not.toMatch(/Invalid|NaN/);

    await page.getByTestId('why-ask').click();
    await waitForText(page.getByTestId('why-blocked'), ko.errors.unknownTime);
    expect(await page.getByTestId('why-card').textContent()).not.toMatch(/Invalid|NaN/);
  });

  it('names a store held by another program, in Korean, and saves nothing until it is free', async () => {
    const { page } = ws;
    ws.core.db.pragma('busy_timeout = 100');
    const holder = new Database(storeFile(ws.dataDir));
    holder.exec('BEGIN EXCLUSIVE');
    holder.prepare("INSERT INTO settings(key, value) VALUES ('held', '1')").run();
    try {
      await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').click();
      const shown = page.getByTestId('outcome-card').locator('.form-error');
      await shown.waitFor();
      const text = (await shown.textContent()) ?? '';
      expect(text).toContain(ko.errors.codes.store_busy.replace('{{path}}', storeFile(ws.dataDir)));
      expect(ws.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    await page.getByTestId('outcome-card').locator('[data-outcome="no_answer"]').click();
    await page.getByTestId('outcome-result').waitFor();
    expect(ws.core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 1 });
  });
});
