import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { claimBatch, discardBatch, releaseBatch } from '../../../src/main/core/imports/write/batches';
import type { NewLead } from '../../../src/main/core/leads/repo';
import { leadWriterFor } from '../../../src/main/core/leads/writer';
import { writeNow } from '../../../src/main/core/store/write-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const openTemp = (): Core => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-discard-'));
  dirs.push(dir);
  return openCore({ dataDir: dir });
};

const lead = (name: string, company: string): NewLead => ({
  name,
  title: null,
  company,
  email: null,
  phones: [],
  timeZone: 'America/New_York',
  country: 'US',
  region: 'NY',
  city: null,
  sourceChannel: 'other',
  sourceDetail: null,
  direction: 'outbound',
  status: 'new',
});

/** Writes one lead of `company` into an unpublished import batch, as an import's chunk does. */
const writeInBatch = (core: Core, company: string) => {
  const batch = claimBatch(core.db, 'list.csv', Date.now());
  if (!batch) throw new Error('the store was already claimed by an import');
  const writer = leadWriterFor(core.db, core.outbox);
  writeNow(core.db, () =>
    core.outbox.inBatch(batch.id, () =>
      writer.create(lead('From the file', company), { at: Date.now(), batchId: batch.id }),
    ),
  );
  return batch;
};

const accountCreates = (core: Core, name: string) =>
  core.db
    .prepare<[string], { batch_id: string | null }>(
      "SELECT batch_id FROM outbox WHERE name = 'account.create' AND json_extract(args, '$.name') = ?",
    )
    .all(name);

describe('discarding an unpublished import', () => {
  it('keeps an account a lead typed in meanwhile adopted, and still tells sync it was created', async () => {
    const core = openTemp();
    try {
      const batch = writeInBatch(core, 'Acme Robotics');
      // A lead typed in while the import runs finds the import's account and adopts it.
      const typed = writeNow(core.db, () => core.leads.create(lead('Typed In', 'Acme Robotics')));
      await discardBatch(core.db, batch.id);
      releaseBatch(batch.id);

      const accounts = core.db.prepare<[], { id: string; batch_id: string | null }>(
        'SELECT id, batch_id FROM accounts',
      );
      expect(accounts.all()).toEqual([{ id: typed.accountId, batch_id: null }]);
      expect(accountCreates(core, 'Acme Robotics')).toEqual([{ batch_id: null }]);
      const leads = core.db.prepare<[], string>('SELECT name FROM leads ORDER BY name').pluck().all();
      expect(leads).toEqual(['Typed In']);
      expect(core.db.prepare('SELECT count(*) AS n FROM outbox WHERE batch_id IS NOT NULL').get()).toEqual({
        n: 0,
      });
    } finally {
      core.close();
    }
  });

  it('removes an account no one else took, with its account.create', async () => {
    const core = openTemp();
    try {
      const batch = writeInBatch(core, 'Globex');
      await discardBatch(core.db, batch.id);
      releaseBatch(batch.id);
      expect(core.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
      expect(accountCreates(core, 'Globex')).toEqual([]);
    } finally {
      core.close();
    }
  });
});
