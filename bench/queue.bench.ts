// The call queue over a large store: next-lead selection, the daily plan and outcome logging (durable
// commit included) with 100k leads and 1M activities, against the raw cost of one durable SQLite commit;
// the pages one logged outcome writes to the write-ahead log; and putting many new leads on their
// cadence at once, against inserting the same rows raw.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../src/main/core';
import type { CreatedLead } from '../src/main/core/cadence/bulk-enroll';
import { INBOUND_CADENCE_ID, NEW_LEAD_CADENCE_ID } from '../src/main/core/cadence/defaults';
import { newId } from '../src/main/core/ids';
import { bandOf, NEVER } from '../src/main/core/queue/schedule';
import { zoneKeyOf } from '../src/shared/queue/zones';

const ENROLL_LEADS = Number(process.env.DIALDECK_BENCH_ENROLL_LEADS ?? 20_000);
const ENROLL_TARGET_US = 15;

const LEADS = Number(process.env.DIALDECK_BENCH_LEADS ?? 100_000);
const ACTIVITIES = Number(process.env.DIALDECK_BENCH_ACTIVITIES ?? 1_000_000);
const TARGETS = { nextP99Ms: 5, planMs: 200, logP99Ms: 5 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Tuesday 10 March 2026, 15:00 UTC: the Americas and Europe are inside their calling windows, Asia is not.
const START = Date.parse('2026-03-10T15:00:00Z');

/** Where the leads are: weighted zones, plus leads with only a country or nothing at all. */
const ZONES: [zone: string | null, country: string | null, weight: number][] = [
  ['America/New_York', 'US', 18],
  ['America/Chicago', 'US', 10],
  ['America/Denver', 'US', 4],
  ['America/Los_Angeles', 'US', 10],
  ['America/Phoenix', 'US', 1],
  ['America/Toronto', 'CA', 3],
  ['America/Vancouver', 'CA', 1],
  ['America/Mexico_City', 'MX', 2],
  ['America/Sao_Paulo', 'BR', 3],
  ['America/Bogota', 'CO', 1],
  ['Europe/London', 'GB', 8],
  ['Europe/Dublin', 'IE', 1],
  ['Europe/Paris', 'FR', 4],
  ['Europe/Berlin', 'DE', 5],
  ['Europe/Madrid', 'ES', 2],
  ['Europe/Rome', 'IT', 2],
  ['Europe/Amsterdam', 'NL', 2],
  ['Europe/Stockholm', 'SE', 1],
  ['Europe/Warsaw', 'PL', 1],
  ['Asia/Dubai', 'AE', 1],
  ['Asia/Kolkata', 'IN', 3],
  ['Asia/Singapore', 'SG', 1],
  ['Asia/Shanghai', 'CN', 6],
  ['Asia/Hong_Kong', 'HK', 1],
  ['Asia/Seoul', 'KR', 3],
  ['Asia/Tokyo', 'JP', 3],
  ['Australia/Sydney', 'AU', 2],
  ['Australia/Perth', 'AU', 1],
  ['Pacific/Auckland', 'NZ', 1],
  [null, 'US', 2],
  [null, 'AU', 1],
  [null, 'GB', 1],
  [null, null, 1],
];
const CHANNELS = [
  'web_form',
  'hotline',
  'content_download',
  'event',
  'ads',
  'partner',
  'referral',
  'outbound_list',
];

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const round = (n: number) => Math.round(n * 1000) / 1000;
const stats = (samples: number[]) => ({
  n: samples.length,
  p50Ms: round(percentile(samples, 50)),
  p90Ms: round(percentile(samples, 90)),
  p99Ms: round(percentile(samples, 99)),
  maxMs: round(Math.max(...samples)),
});
const time = <T>(fn: () => T): [T, number] => {
  const start = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
};

/**
 * Putting many new leads on their cadence at once, the way an import does: from their ids (read back
 * from the store) and from the facts the import holds, against inserting the same enrollments, tasks
 * and outbox rows with prepared statements, each on a fresh store, best of three.
 */
const enrollmentBench = () => {
  const random = mulberry32(7);
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialdeck-enroll-bench-'));
    const core = openCore({ dataDir: dir });
    const { db } = core;
    const insertLead = db.prepare(`INSERT INTO leads (id, name, email, time_zone, country, source_channel,
      direction, status, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'new', 0, ?, ?)`);
    const insertPhone = db.prepare(
      'INSERT INTO lead_phones (lead_id, position, e164, ext, label, raw) VALUES (?, 0, ?, NULL, NULL, ?)',
    );
    const at = START;
    const leads: CreatedLead[] = [];
    db.transaction(() => {
      for (let i = 0; i < ENROLL_LEADS; i++) {
        const id = newId();
        const [timeZone, country] = ZONES[Math.floor(random() * ZONES.length)] as (typeof ZONES)[number];
        const inbound = random() < 0.35;
        const sourceChannel = (
          inbound ? CHANNELS[i % 5] : CHANNELS[5 + (i % 3)]
        ) as CreatedLead['sourceChannel'];
        const direction = inbound ? 'inbound' : 'outbound';
        insertLead.run(
          id,
          `Lead ${i}`,
          `lead${i}@example.com`,
          timeZone,
          country,
          sourceChannel,
          direction,
          at,
          at,
        );
        const hasPhone = random() < 0.95;
        if (hasPhone) insertPhone.run(id, `+1555${String(i).padStart(7, '0')}`, 'raw');
        leads.push({
          id,
          status: 'new',
          direction,
          sourceChannel,
          timeZone,
          country,
          createdAt: at,
          hasPhone,
        });
      }
    })();
    const done = () => {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { core, db, leads, done };
  };
  const measure = (fn: (s: ReturnType<typeof fresh>) => void) => {
    const best = { us: Number.POSITIVE_INFINITY, cpuUs: Number.POSITIVE_INFINITY };
    for (let round = 0; round < 3; round++) {
      const s = fresh();
      try {
        const cpu = process.cpuUsage();
        const [, ms] = time(() => fn(s));
        const used = process.cpuUsage(cpu);
        best.us = Math.min(best.us, (ms * 1000) / ENROLL_LEADS);
        best.cpuUs = Math.min(best.cpuUs, (used.user + used.system) / ENROLL_LEADS);
      } finally {
        s.done();
      }
    }
    return { usPerLead: round(best.us), cpuUsPerLead: round(best.cpuUs) };
  };
  const byIds = measure((s) =>
    s.db.transaction(() =>
      s.core.dialing.enrollNewLeads(
        s.leads.map((l) => l.id),
        START,
      ),
    )(),
  );
  const fromFacts = measure((s) =>
    s.db.transaction(() => s.core.dialing.engine.enrollCreated(s.leads, START))(),
  );
  // The floor: the same three rows per lead, values worked out ahead, one prepared INSERT each.
  const raw = measure((s) => {
    const insertEnrollment = s.db.prepare(`INSERT INTO enrollments (id, lead_id, cadence_id, state, step_id,
      step_attempts, started_at, updated_at) VALUES (?, ?, ?, 'active', 'call-1', 0, ?, ?)`);
    const insertTask =
      s.db.prepare(`INSERT INTO tasks (id, lead_id, enrollment_id, step_id, kind, lane, title,
      interstitial, state, due_at, ready_at, zone_key, band, fresh, lead_created_at, created_at)
      VALUES (?, ?, ?, 'call-1', 'call', 'dial', ?, 0, 'open', ?, ?, ?, 3, 0, ?, ?)`);
    const insertOutbox = s.db.prepare(
      "INSERT INTO outbox (id, name, args, hlc, created_at) VALUES (?, 'lead.enroll', ?, ?, ?)",
    );
    const title = 'First call: use the research, leave a voicemail under 20 seconds if no one answers';
    const rows = s.leads.map((l) => {
      const enrollmentId = newId();
      const taskId = newId();
      const args = JSON.stringify({
        changes: [
          {
            name: 'enrollment.put',
            args: { id: enrollmentId, leadId: l.id, cadenceId: NEW_LEAD_CADENCE_ID },
          },
          { name: 'task.put', args: { id: taskId, leadId: l.id, enrollmentId, title, dueAt: START } },
        ],
      }).padEnd(820);
      return { l, enrollmentId, taskId, outboxId: newId(), args, zone: zoneKeyOf(l.timeZone, l.country) };
    });
    const hlc = `${START.toString(36).padStart(11, '0')}:00000:0000000000000000`;
    s.db.transaction(() => {
      for (const r of rows) {
        insertEnrollment.run(r.enrollmentId, r.l.id, NEW_LEAD_CADENCE_ID, START, START);
        insertTask.run(r.taskId, r.l.id, r.enrollmentId, title, START, START, r.zone, START, START);
        insertOutbox.run(r.outboxId, r.args, hlc, START);
      }
    })();
  });
  return {
    leads: ENROLL_LEADS,
    fromIds: byIds,
    fromFacts,
    rawInsertFloor: raw,
    targetUsPerLead: ENROLL_TARGET_US,
    meetsTarget: byIds.usPerLead <= ENROLL_TARGET_US,
  };
};

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-queue-bench-'));
  let clock = START;
  const core = openCore({ dataDir: dir, now: () => clock });
  try {
    const random = mulberry32(20260310);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const totalWeight = ZONES.reduce((sum, z) => sum + z[2], 0);
    const pickZone = () => {
      let r = random() * totalWeight;
      for (const zone of ZONES) {
        r -= zone[2];
        if (r < 0) return zone;
      }
      return ZONES[0] as (typeof ZONES)[number];
    };

    const { db } = core;
    const insertLead = db.prepare(`INSERT INTO leads (id, name, email, time_zone, country, source_channel,
      direction, status, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
    const insertPhone = db.prepare(
      'INSERT INTO lead_phones (lead_id, position, e164, ext, label, raw) VALUES (?, 0, ?, NULL, NULL, ?)',
    );
    const insertEnrollment = db.prepare(`INSERT INTO enrollments (id, lead_id, cadence_id, state, step_id,
      step_attempts, started_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?, ?, ?)`);
    const insertTask = db.prepare(`INSERT INTO tasks (id, lead_id, enrollment_id, step_id, kind, lane, title,
      interstitial, state, due_at, ready_at, zone_key, band, fresh, lead_created_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'open', ?, ?, ?, ?, ?, ?, ?)`);
    const insertCounters = db.prepare(`INSERT INTO lead_queue (lead_id, attempts_total, attempts_day,
      attempts_day_key, connects_total, last_attempt_at, last_outcome, fit, updated_at)
      VALUES (?, ?, 0, NULL, 0, ?, 'no_answer', ?, ?)`);
    const insertActivity = db.prepare(`INSERT INTO activities (id, lead_id, kind, outcome, body, data,
      occurred_at, created_at) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)`);
    const insertDnc = db.prepare(
      "INSERT OR IGNORE INTO dnc (id, kind, value, reason, lead_id, created_at) VALUES (?, 'phone', ?, 'bench', NULL, ?)",
    );

    const perLead = ACTIVITIES / LEADS;
    const [, seedMs] = time(() =>
      db.transaction(() => {
        let activities = 0;
        const ids: string[] = [];
        for (let i = 0; i < LEADS; i++) {
          const id = newId();
          ids.push(id);
          const [zone, country] = pickZone();
          const inbound = random() < 0.35;
          const channel = inbound ? pick(CHANNELS.slice(0, 5)) : pick(CHANNELS.slice(5));
          // A few hundred inbound leads arrived in the last day (speed to lead); the rest over a year.
          const fresh = inbound && random() < 0.004;
          const createdAt = fresh
            ? START - Math.floor(random() * DAY)
            : START - DAY - Math.floor(random() * 364 * DAY);
          const stale = random() < 0.005;
          const attempts = fresh ? 0 : Math.floor(random() * perLead * 2);
          const status = fresh ? 'new' : stale ? 'won' : attempts === 0 ? 'new' : 'working';
          const phone = `+1555${String(i).padStart(7, '0')}`;
          insertLead.run(
            id,
            `Lead ${i}`,
            `lead${i}@example${i % 5000}.com`,
            zone,
            country,
            channel,
            inbound ? 'inbound' : 'outbound',
            status,
            createdAt,
            createdAt,
          );
          insertPhone.run(id, phone, phone);
          if (random() < 0.02) insertDnc.run(newId(), phone, createdAt);
          let lastAt: number | null = null;
          for (let a = 0; a < attempts && activities < ACTIVITIES; a++, activities++) {
            // History up to yesterday; today starts with no calls, so the plan has the day's target to fill.
            const at = Math.max(createdAt, START - DAY - Math.floor(random() * 89 * DAY));
            lastAt = lastAt === null ? at : Math.max(lastAt, at);
            insertActivity.run(newId(), id, random() < 0.8 ? 'call' : 'email', 'no_answer', at, at);
          }
          const fit = random() < 0.5 ? null : Math.floor(random() * 101);
          insertCounters.run(id, attempts, lastAt, fit, createdAt);
          const enrollmentId = newId();
          const cadenceId =
            inbound && (channel === 'web_form' || channel === 'hotline')
              ? INBOUND_CADENCE_ID
              : NEW_LEAD_CADENCE_ID;
          const dial = random() < 0.85;
          const stepId = dial ? 'call-2' : 'email-1';
          insertEnrollment.run(enrollmentId, id, cadenceId, stepId, 0, createdAt, createdAt);
          // Due times spread over the ten days either side of now: a backlog, and tomorrow's work.
          const dueAt = fresh ? createdAt : START + Math.floor((random() - 0.5) * 20 * DAY);
          // As the engine writes it: past the retry gap, and out of range once out of attempts.
          const limit = cadenceId === INBOUND_CADENCE_ID ? 10 : 12;
          const readyAt =
            attempts >= limit ? NEVER : lastAt === null ? dueAt : Math.max(dueAt, lastAt + HOUR);
          insertTask.run(
            newId(),
            id,
            enrollmentId,
            stepId,
            dial ? 'call' : 'email',
            dial ? 'dial' : 'todo',
            dial ? 'Second call' : 'Follow-up email',
            dueAt,
            readyAt,
            zoneKeyOf(zone, country),
            bandOf(fit, attempts),
            fresh && dial ? 1 : 0,
            createdAt,
            createdAt,
          );
        }
        // Fill up to the activity count with more history on the oldest leads.
        while (activities < ACTIVITIES) {
          const at = START - DAY - Math.floor(random() * 89 * DAY);
          insertActivity.run(newId(), ids[activities % LEADS], 'call', 'no_answer', at, at);
          activities++;
        }
      })(),
    );
    const counts = {
      leads: db.prepare('SELECT count(*) FROM leads').pluck().get(),
      activities: db.prepare('SELECT count(*) FROM activities').pluck().get(),
      openDialTasks: db
        .prepare("SELECT count(*) FROM tasks WHERE state = 'open' AND lane = 'dial'")
        .pluck()
        .get(),
      dueDialTasks: db
        .prepare("SELECT count(*) FROM tasks WHERE state = 'open' AND lane = 'dial' AND ready_at <= ?")
        .pluck()
        .get(START),
      dncEntries: db.prepare('SELECT count(*) FROM dnc').pluck().get(),
    };

    const h = core.handlers;
    // DIALDECK_BENCH_SYNC=NORMAL shows the cost of the work without the per-commit fsync, for comparison.
    if (process.env.DIALDECK_BENCH_SYNC) db.pragma(`synchronous = ${process.env.DIALDECK_BENCH_SYNC}`);
    // Next-lead selection at 300 instants across the working day, nothing logged in between.
    const nextSamples: number[] = [];
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const at = START - 5 * HOUR + i * 2 * 60_000;
      const [result, ms] = time(() => h['queue.next']({ at }) as { entry: unknown });
      nextSamples.push(ms);
      if (result.entry) found++;
    }

    // The day's plan against the target (60 dials), before any call today.
    const planSamples: number[] = [];
    let plan: { items: unknown[]; shortfall: number; pace: unknown } | undefined;
    for (let i = 0; i < 5; i++) {
      const [value, ms] = time(() => h['queue.plan']({ at: START + i * 60_000 }) as NonNullable<typeof plan>);
      planSamples.push(ms);
      plan = value;
    }

    // The rep's loop: next lead, log an outcome on it (durable commit), next lead…
    const outcomes = [
      'no_answer',
      'no_answer',
      'no_answer',
      'voicemail',
      'busy',
      'gatekeeper',
      'not_interested',
      'callback',
      'meeting_booked',
      'wrong_number',
    ];
    const loopNext: number[] = [];
    const logSamples: number[] = [];
    for (let i = 0; i < 1000; i++) {
      clock = START + i * 90_000;
      const [next, nextMs] = time(() => h['queue.next']({}) as { entry: { lead: { id: string } } | null });
      loopNext.push(nextMs);
      const leadId = next.entry?.lead.id;
      if (!leadId) continue;
      const outcome = outcomes[i % outcomes.length] as string;
      const [, logMs] = time(() =>
        h['outcomes.log']({
          leadId,
          outcome,
          at: clock,
          callbackAt: outcome === 'callback' ? clock + 2 * HOUR : undefined,
          note: 'bench',
        }),
      );
      logSamples.push(logMs);
      // The rep's screen gets the event loop back between calls (idle work such as checkpoints runs here).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }

    const [list, listMs] = time(() => h['queue.list']({ at: clock, limit: 50 }) as { entries: unknown[] });

    // Pages per logged outcome: the write-ahead log is emptied before each one, so its frames after the
    // commit are exactly the pages that outcome wrote.
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const walFile = `${db.name}-wal`;
    const frames: number[] = [];
    for (let i = 0; i < 200; i++) {
      clock += 90_000;
      const next = h['queue.next']({}) as { entry: { lead: { id: string } } | null };
      const leadId = next.entry?.lead.id;
      if (!leadId) continue;
      const outcome = outcomes[i % outcomes.length] as string;
      db.pragma('wal_checkpoint(TRUNCATE)');
      h['outcomes.log']({
        leadId,
        outcome,
        at: clock,
        callbackAt: outcome === 'callback' ? clock + 2 * HOUR : undefined,
        note: 'bench',
      });
      frames.push((readFileSync(walFile).length - 32) / (pageSize + 24));
    }

    // The ceiling: one durable commit of one small row on the same file.
    db.exec('CREATE TABLE IF NOT EXISTS bench_commit_durable (n INTEGER)');
    const commit = db.transaction((n: number) =>
      db.prepare('INSERT INTO bench_commit_durable VALUES (?)').run(n),
    );
    const commitSamples: number[] = [];
    for (let i = 0; i < 300; i++) commitSamples.push(time(() => commit(i))[1]);
    // …and one durable commit touching as many scattered pages as a logged outcome does (about 25:
    // rows of five tables and their indexes), by rewriting 25 random leads' update times.
    const touch = db.prepare('UPDATE leads SET updated_at = updated_at + 1 WHERE id = ?');
    const leadIds = db.prepare('SELECT id FROM leads').pluck().all() as string[];
    const scattered = db.transaction(() => {
      for (let k = 0; k < 25; k++) touch.run(leadIds[Math.floor(random() * leadIds.length)]);
    });
    const scatteredSamples: number[] = [];
    for (let i = 0; i < 300; i++) {
      scatteredSamples.push(time(() => scattered())[1]);
      if (i % 32 === 31) db.pragma('wal_checkpoint(PASSIVE)');
    }

    const next = stats(nextSamples);
    const log = stats(logSamples);
    const planStats = stats(planSamples);
    const rawCommit = stats(commitSamples);
    return {
      store: {
        ...counts,
        seedMs: Math.round(seedMs),
        seedRowsPerSecond: Math.round(((LEADS * 6 + ACTIVITIES) / seedMs) * 1000),
      },
      nextLead: {
        ...next,
        foundCallable: found,
        targetP99Ms: TARGETS.nextP99Ms,
        meetsTarget: next.p99Ms < TARGETS.nextP99Ms,
      },
      nextLeadWhileLogging: stats(loopNext),
      outcomeLog: {
        ...log,
        targetP99Ms: TARGETS.logP99Ms,
        meetsTarget: log.p99Ms < TARGETS.logP99Ms,
        rawDurableCommit: rawCommit,
        p99OverRawCommit: round(log.p99Ms / rawCommit.p99Ms),
        rawDurableCommit25Pages: stats(scatteredSamples),
      },
      dailyPlan: {
        ...planStats,
        items: plan?.items.length,
        shortfall: plan?.shortfall,
        pace: plan?.pace,
        targetMs: TARGETS.planMs,
        meetsTarget: planStats.maxMs < TARGETS.planMs,
      },
      queueList50Ms: round(listMs),
      queueList50Entries: list.entries.length,
      walPagesPerOutcome: {
        n: frames.length,
        mean: round(frames.reduce((a, b) => a + b, 0) / frames.length),
        p50: percentile(frames, 50),
        max: Math.max(...frames),
      },
      bulkEnrollment: enrollmentBench(),
    };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
