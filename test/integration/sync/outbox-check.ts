import type { Db } from '../../../src/main/core/store/db';
import { MutationEnvelope } from '../../../src/shared/sync';

type StoredRow = { id: string; name: string; args: string; hlc: string };

/**
 * Checks every outbox row of a store as the server will check a push: the envelope, and the args by
 * the mutation's schema (each change of a batch by its own). Returns the mutation names seen (with the
 * names inside batches) and one line per row that fails.
 */
export const checkOutbox = (db: Db): { rows: number; names: Set<string>; failures: string[] } => {
  const rows = db.prepare('SELECT id, name, args, hlc FROM outbox ORDER BY seq').all() as StoredRow[];
  const names = new Set<string>();
  const failures: string[] = [];
  for (const row of rows) {
    const parsed = MutationEnvelope.safeParse({ ...row, args: JSON.parse(row.args) });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      failures.push(`outbox row ${row.id} (${row.name}): ${issues}`);
      continue;
    }
    names.add(parsed.data.name);
    const { args } = parsed.data;
    if ('changes' in args && Array.isArray(args.changes))
      for (const change of args.changes) names.add(change.name);
  }
  return { rows: rows.length, names, failures };
};
