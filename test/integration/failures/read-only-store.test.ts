import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeFile } from '../../../src/main/core/paths';
import {
  bytesOf,
  dialdeck,
  failureOf,
  hasSetpriv,
  isRoot,
  NOBODY,
  seedStore,
  tempDir,
  translations,
} from './helpers';

type QueueOut = { entries: { lead: { id: string } }[] };

/** 10:00 in New York on a Tuesday at least a day from now: inside calling hours for the seeded lead. */
const callingTime = (): string => {
  const at = new Date(Date.now() + 86_400_000);
  at.setUTCHours(15, 0, 0, 0);
  while (at.getUTCDay() !== 2) at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString();
};

describe('a store this user may only read', () => {
  it.skipIf(!(isRoot && hasSetpriv))(
    'read-only file in a read-only folder, no -wal or -shm: leads, queue, why and export work; a write is store_read_only',
    async () => {
      const dataDir = tempDir('ro-store');
      const leadId = seedStore(dataDir);
      const file = storeFile(dataDir);
      const at = callingTime();
      const queueBefore = JSON.parse((await dialdeck(dataDir, ['queue', '--at', at])).stdout) as QueueOut;
      expect(queueBefore.entries.map((entry) => entry.lead.id)).toEqual([leadId]);
      expect(readdirSync(dataDir).filter((name) => name.startsWith('dialdeck'))).toEqual(['dialdeck.sqlite']);
      chmodSync(file, 0o444);
      chmodSync(dataDir, 0o555);
      const bytes = bytesOf(file);

      const leads = await dialdeck(dataDir, ['leads'], { uid: NOBODY });
      expect(leads.stderr).toBe('');
      expect((JSON.parse(leads.stdout) as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);

      const queue = await dialdeck(dataDir, ['queue', '--at', at], { uid: NOBODY });
      expect(queue.stderr).toBe('');
      expect((JSON.parse(queue.stdout) as QueueOut).entries).toEqual(queueBefore.entries);

      const why = await dialdeck(dataDir, ['why', leadId], { uid: NOBODY });
      expect(why.stderr).toBe('');
      expect(why.status).toBe(0);
      expect(why.stdout).toContain(leadId);

      const out = tempDir('ro-store-out');
      chmodSync(out, 0o777);
      const exported = await dialdeck(dataDir, ['export', join(out, 'leads.csv')], { uid: NOBODY });
      expect(exported.stderr).toBe('');
      expect(readFileSync(join(out, 'leads.csv'), 'utf8')).toContain('Ada');

      const csv = join(out, 'more.csv');
      writeFileSync(csv, 'Name,Phone\nBo Han,+12025550188\n');
      for (const args of [
        ['log', leadId, 'no_answer'],
        ['import', csv],
      ]) {
        const write = await dialdeck(dataDir, args, { uid: NOBODY });
        expect(write.status, args.join(' ')).toBe(1);
        const failure = failureOf(write);
        expect(failure.code).toBe('store_read_only');
        expect([file, dataDir]).toContain(failure.params?.path);
        for (const text of translations(failure)) expect(text).toContain(String(failure.params?.path));
      }
      expect(bytesOf(file).equals(bytes)).toBe(true);
      expect(readdirSync(dataDir).filter((name) => name.startsWith('dialdeck'))).toEqual(['dialdeck.sqlite']);
    },
    // Nine runs of the CLI, as two users.
    120_000,
  );
});
