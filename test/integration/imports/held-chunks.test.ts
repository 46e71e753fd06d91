import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedLead } from '../../../src/main/core/cadence/bulk-enroll';
import { newId } from '../../../src/main/core/ids';
import { suggestMapping } from '../../../src/main/core/imports/map/headers';
import { createRowNormalizer, type ImportedLead } from '../../../src/main/core/imports/normalize/row';
import { writeImport } from '../../../src/main/core/imports/write/writer';
import { accountKey } from '../../../src/main/core/leads/writer';
import { storeFile } from '../../../src/main/core/paths';
import { openConnection } from '../../../src/main/core/store/db';
import { writeNow } from '../../../src/main/core/store/write-lock';
import { freshCore } from './helpers';

// An import works each chunk out before it takes the write lock. A company another writer stores in
// between must not be stored twice: the chunk is worked out again on the accounts as they now are.

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.reverse()) done();
  cleanup = [];
});

const HEADERS = ['Name', 'Company', 'Email', 'Phone'];
const rowsOf = (lines: string[][]): ImportedLead[] => {
  const normalize = createRowNormalizer(HEADERS, suggestMapping(HEADERS), 'US');
  return lines.map((fields, i) => {
    const result = normalize(fields, i + 2);
    if (!result.ok) throw new Error(`row ${i + 2} rejected`);
    return result.lead;
  });
};
async function* inOneGroup(rows: ImportedLead[]) {
  yield rows;
}

describe('an import chunk worked out before the lock', () => {
  it('links to the account another writer stored meanwhile instead of storing the company twice', async () => {
    const { core, dir, done } = freshCore();
    cleanup.push(done);
    const other = openConnection(storeFile(dir));
    cleanup.push(() => other.close());
    const at = core.now();
    const typedIn = newId();
    const rows = rowsOf([
      ['Ana Lima', 'Acme Corp', 'ana@acme.example', '+1 415 555 0132'],
      ['Bo Kim', 'Beta Ltd', 'bo@beta.example', '+1 212 555 0101'],
      ['Cy Ng', 'acme  corp', 'cy@acme.example', '+1 415 555 0199'],
    ]);
    let enrollCalls = 0;
    const enroll = (created: readonly CreatedLead[]) => {
      enrollCalls++;
      // Runs while the chunk is worked out: another connection stores Acme Corp before the chunk writes.
      if (enrollCalls === 1) {
        expect(created).toHaveLength(3);
        writeNow(other, () =>
          other
            .prepare(
              'INSERT INTO accounts (id, name, name_key, domain, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)',
            )
            .run(typedIn, 'ACME Corp', accountKey('Acme Corp'), at, at),
        );
      }
    };
    const result = await writeImport(core.db, core.outbox, core.now, {
      fileName: 'race.csv',
      rows: inOneGroup(rows),
      rejected: () => 0,
      onDuplicate: 'skip',
      enroll,
    });
    expect(result.imported).toBe(3);
    // Worked out twice: once before the lock, once inside it after the clash was found.
    expect(enrollCalls).toBe(2);
    const accounts = core.db
      .prepare<[], { id: string; name_key: string }>('SELECT id, name_key FROM accounts ORDER BY name_key')
      .all();
    expect(accounts.map((a) => a.name_key)).toEqual([accountKey('Acme Corp'), accountKey('Beta Ltd')]);
    const leadAccounts = core.db
      .prepare<[], { name: string; account_id: string }>('SELECT name, account_id FROM leads ORDER BY name')
      .all();
    expect(leadAccounts.find((l) => l.name === 'Ana Lima')?.account_id).toBe(typedIn);
    expect(leadAccounts.find((l) => l.name === 'Cy Ng')?.account_id).toBe(typedIn);
    // On the wire: the leads name the stored account, and the import never announced a second Acme.
    const outbox = core.db
      .prepare<[], { name: string; args: string }>('SELECT name, args FROM outbox ORDER BY seq')
      .all()
      .map((row) => ({ name: row.name, args: JSON.parse(row.args) as Record<string, unknown> }));
    const created = outbox.filter((row) => row.name === 'lead.create');
    expect(created).toHaveLength(3);
    expect(created.find((row) => row.args.name === 'Ana Lima')?.args.accountId).toBe(typedIn);
    expect(created.find((row) => row.args.name === 'Ana Lima')?.args.company).toBe('ACME Corp');
    const accountRows = outbox.filter((row) => row.name === 'account.create').map((row) => row.args.name);
    expect(accountRows).toEqual(['Beta Ltd']);
    // Every lead id in the outbox is a stored lead: nothing of the first working-out was written.
    const ids = new Set(core.db.prepare<[], string>('SELECT id FROM leads').pluck().all());
    for (const row of created) expect(ids.has(row.args.id as string)).toBe(true);
  });
});
