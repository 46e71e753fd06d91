// A second process on the same store, for bench/import.bench.ts: logs a call outcome on the leads it
// finds, one after another every few milliseconds, until a line arrives on stdin; then prints the
// latency of each log (milliseconds, wall clock, including waiting for the write lock) as JSON.
import { openCore } from '../src/main/core';
import { dispatch } from '../src/main/core/dispatch';

const [dataDir = ''] = process.argv.slice(2);
const core = openCore({ dataDir });
const leadIds = core.db
  .prepare<[], string>('SELECT id FROM leads ORDER BY created_at LIMIT 500')
  .pluck()
  .all();
if (leadIds.length === 0) {
  process.stderr.write(`outcome-writer: the store in ${dataDir} has no leads to log outcomes on\n`);
  process.exit(1);
}
const latencies: number[] = [];
const failures: string[] = [];
let stop = false;
process.stdin.once('data', () => {
  stop = true;
  // An open stdin would keep this process alive after it has printed.
  process.stdin.destroy();
});
process.stdout.write('ready\n');
for (let i = 0; !stop; i++) {
  const started = performance.now();
  const result = await dispatch(core.handlers, 'outcomes.log', {
    leadId: leadIds[i % leadIds.length] as string,
    outcome: 'no_answer',
  });
  latencies.push(performance.now() - started);
  if (!result.ok) failures.push(result.error.code);
  await new Promise((done) => setTimeout(done, 10));
}
core.close();
process.stdout.write(`${JSON.stringify({ latencies, failures })}\n`);
