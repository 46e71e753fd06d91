// A desktop in its own process, for the randomized fault test: opens the store in DATA_DIR, starts
// the background sync (which drains once at start, then waits a minute), and logs a call outcome
// every few milliseconds on the store's leads, printing `logged <activityId>` after each commit. The
// test SIGKILLs it while outcomes it committed are still unpushed.
// Run: node --import tsx test/integration/server/fault-desktop.ts DATA_DIR
import { openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import { fileTokenStore } from '../../../src/main/core/sync/credentials';
import { startSyncLoop } from '../../../src/main/core/sync/loop';

const [dataDir = ''] = process.argv.slice(2);
const core = openCore({ dataDir });
const leadIds = core.db.prepare<[], string>('SELECT id FROM leads ORDER BY created_at').pluck().all();
// The loop drains once at start, then not for a minute: wait for that drain, so what is logged after it
// stays unpushed until the process is killed.
await new Promise<void>((done) =>
  startSyncLoop({
    db: core.db,
    tokens: fileTokenStore(dataDir),
    intervalMs: 60_000,
    onStatus: (status) => {
      if (status.state !== 'syncing') done();
    },
  }),
);
for (let i = 0; ; i++) {
  const result = await dispatch(core.handlers, 'outcomes.log', {
    leadId: leadIds[i % leadIds.length] as string,
    outcome: 'no_answer',
    note: `killed desktop #${i}`,
  });
  if (!result.ok) {
    process.stderr.write(`fault-desktop: ${result.error.code} ${result.error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`logged ${(result.value as { activityId: string }).activityId}\n`);
  await new Promise((done) => setTimeout(done, 15));
}
