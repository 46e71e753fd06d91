import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import { logFile } from '../../../src/main/core/logs';
import { storeFile } from '../../../src/main/core/paths';
import { later, seedStore, storeState, tempDir } from './helpers';

describe('every handler answers a storage failure with its code, never internal', () => {
  it('a write while another connection holds the store: store_busy, then it goes through', async () => {
    const dataDir = tempDir('dispatch-busy');
    const leadId = seedStore(dataDir);
    const core = openCore({ dataDir });
    later(() => core.close());
    core.db.pragma('busy_timeout = 50');
    const holder = new Database(storeFile(dataDir));
    holder.exec('BEGIN EXCLUSIVE');
    holder.prepare("INSERT INTO settings(key, value) VALUES ('held', '1')").run();

    const refused = await dispatch(core.handlers, 'outcomes.log', { leadId, outcome: 'no_answer' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'store_busy', params: { path: storeFile(dataDir) } },
    });
    holder.exec('ROLLBACK');
    holder.close();
    expect(storeState(dataDir).activities).toBe(0);

    const logged = await dispatch(core.handlers, 'outcomes.log', { leadId, outcome: 'no_answer' });
    expect(logged.ok).toBe(true);
    expect(storeState(dataDir).activities).toBe(1);
  });

  it('a handler that answers at once still does, and a bug is internal with its stack in the log', async () => {
    const dataDir = tempDir('dispatch-internal');
    seedStore(dataDir);
    const core = openCore({ dataDir });
    later(() => core.close());
    expect(core.handlers['settings.get']({})).toMatchObject({ locale: 'en' });

    core.db.exec('DROP TABLE dnc');
    const failed = await dispatch(core.handlers, 'dnc.list', {});
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'internal', params: { action: 'dnc.list', log: logFile(dataDir) } },
    });
    expect(readFileSync(logFile(dataDir), 'utf8')).toMatch(
      /dnc\.list failed: SqliteError: no such table: dnc\n\s+at /,
    );
  });
});
