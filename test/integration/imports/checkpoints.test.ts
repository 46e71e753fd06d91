import { rmSync, statSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointOnRequest, checkpointsOver } from '../../../src/main/core/imports/worker/checkpoint';
import { storeFile } from '../../../src/main/core/paths';
import { openConnection, openStore } from '../../../src/main/core/store/db';
import { writeNow } from '../../../src/main/core/store/write-lock';
import { tempDir } from './helpers';

// An import's passive checkpoints run on another thread's connection, asked for by the writing thread:
// the store file takes the log's pages without the writing connection copying them.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const until = async (ready: () => boolean): Promise<void> => {
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > 10_000) throw new Error('No answer within 10 s.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** A store whose write-ahead log holds rows the store file does not have yet. */
const storeWithUncopiedLog = () => {
  const dir = tempDir('checkpoints');
  dirs.push(dir);
  const file = storeFile(dir);
  openStore(file).close();
  const writer = openConnection(file);
  writer.pragma('wal_autocheckpoint = 0');
  const insert = writer.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  writeNow(writer, () => {
    for (let i = 0; i < 3_000; i++) insert.run(`bench.filler.${i}`, JSON.stringify('x'.repeat(400)));
  });
  return { file, writer };
};

describe('checkpoints asked for over a port', () => {
  it('copies the log into the store file once for requests that come together, and ends when the port closes', async () => {
    const { file, writer } = storeWithUncopiedLog();
    try {
      const before = statSync(file).size;
      const { port1, port2 } = new MessageChannel();
      const done = checkpointOnRequest({ kind: 'checkpoint', store: { file }, requests: port1 });
      const checkpoints = checkpointsOver(port2);
      for (let i = 0; i < 5; i++) checkpoints.ask();
      expect(checkpoints.pending()).toBe(true);
      // The one checkpoint the requests ask for answers with the log's length.
      await until(() => !checkpoints.pending());
      port2.close();
      expect(await done).toBe(1);
      expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
      // Every frame of the log is in the store file now.
      const [result] = writer.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(result?.checkpointed).toBe(result?.log);
      expect(writer.prepare('SELECT count(*) FROM settings').pluck().get()).toBeGreaterThanOrEqual(3_000);
    } finally {
      writer.close();
    }
  });

  it('a store it cannot open ends the checkpoints quietly, leaving the import to report its own failures', async () => {
    const dir = tempDir('checkpoints');
    dirs.push(dir);
    const { port1, port2 } = new MessageChannel();
    const done = checkpointOnRequest({
      kind: 'checkpoint',
      store: { file: storeFile(dir) },
      requests: port1,
    });
    const checkpoints = checkpointsOver(port2);
    checkpoints.ask();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // No answer: the writing thread then checkpoints on its own connection only.
    expect(checkpoints.pending()).toBe(true);
    port2.close();
    expect(await done).toBe(0);
  });

  it('takes no request once its port has closed', async () => {
    const { file, writer } = storeWithUncopiedLog();
    try {
      const before = statSync(file).size;
      const { port1, port2 } = new MessageChannel();
      const done = checkpointOnRequest({ kind: 'checkpoint', store: { file }, requests: port1 });
      port2.close();
      expect(await done).toBe(0);
      expect(statSync(file).size).toBe(before);
    } finally {
      writer.close();
    }
  });
});
