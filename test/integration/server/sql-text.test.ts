import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { nextVersionsSql, sqlText } from '../../../src/server/sync/versions';
import { externalDatabase } from './server-process';

// A push writes its mutations into one statement as dollar-quoted constants (`sqlText`), so that
// BEGIN, the team's versions and the mutations go to PostgreSQL in one round trip. PostgreSQL must read
// back exactly the text given, whatever it holds. Debian's PostgreSQL (TEST_DATABASE_URL).
const url = externalDatabase();
const client = url === null ? null : new pg.Client({ connectionString: url });

afterAll(async () => {
  await client?.end();
});

describe.skipIf(client === null)('dollar-quoted constants', () => {
  it('read back exactly as given, tags and quotes in the text included', async () => {
    if (client === null) return;
    await client.connect();
    const texts = [
      '',
      'plain',
      "won't",
      'back\\slash \\\\ and \\n',
      '$q$ inside',
      'ends with $q',
      'ends with $',
      '$q$$q1$$q2$ $q3',
      '$',
      JSON.stringify([{ note: 'Rang out; won\'t pick up $q$ \\ "quoted"', data: { é: '漢字 🎧' } }]),
    ];
    for (const text of texts) {
      const { rows } = await client.query<{ back: string }>(`SELECT ${sqlText(text)} AS back`);
      expect(rows[0]?.back).toBe(text);
    }
    // A JSON document read as jsonb, as a push's mutations are.
    const doc = [{ id: 1, args: { note: "it's $q$ here" } }];
    const { rows } = await client.query<{ note: string }>(
      `SELECT r.args->>'note' AS note FROM jsonb_to_recordset(${sqlText(JSON.stringify(doc))}::jsonb) AS r(id int, args jsonb)`,
    );
    expect(rows[0]?.note).toBe("it's $q$ here");
  });

  it('a version count that is not a positive integer makes no SQL', () => {
    for (const count of [0, -1, 1.5, Number.NaN]) {
      expect(() => nextVersionsSql(sqlText, '0190a000-0000-7000-8000-000000000001', count)).toThrow(
        RangeError,
      );
    }
  });
});
