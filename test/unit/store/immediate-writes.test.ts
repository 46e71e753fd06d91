import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../src/main');
/** The only files that may open a transaction themselves: the write lock, and migrations at open. */
const allowed = new Set(['core/store/write-lock.ts', 'core/store/db.ts']);

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

describe('write transactions', () => {
  // A DEFERRED transaction that reads before it writes fails at once with SQLITE_BUSY (no busy
  // handler runs) when another connection, such as an import's writing thread, commits in between.
  // Every write therefore goes through writeNow, which begins IMMEDIATE and waits for the lock.
  it('are all begun through writeNow, never as a deferred db.transaction', () => {
    const offenders = sources(root)
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((path) => !allowed.has(path))
      .filter((path) => /\.transaction\s*\(/.test(readFileSync(join(root, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
