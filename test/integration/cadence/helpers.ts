import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import type { NewLead } from '../../../src/main/core/leads/repo';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api';
import type { CallingRules } from '../../../src/shared/domain/queue';
import { checkOutbox } from '../sync/outbox-check';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  // Every outbox row a test's store holds must be a mutation the server accepts; checked before the
  // stores go, and reported after they are cleaned up.
  const problems: string[] = [];
  for (const core of cores.splice(0)) {
    if (!core.db.open) continue;
    problems.push(...checkOutbox(core.db).failures);
    core.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (problems.length > 0) throw new Error(`Outbox rows off the wire format:\n${problems.join('\n')}`);
});

export const tempDir = (prefix = 'dialdeck-cadence-'): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

export const utc = (iso: string): number => Date.parse(iso);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A core over a fresh store whose clock the test moves. */
export type Harness = {
  core: Core;
  dataDir: string;
  now(): number;
  setNow(at: number): void;
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  fail<M extends MethodName>(name: M, input: MethodInput<M>): Promise<{ code: string; message: string }>;
  lead(partial?: Partial<NewLead>, options?: { enroll?: boolean; at?: number }): string;
};

export const openHarness = async (
  start: number,
  rules: Partial<CallingRules> = {},
  dataDir = tempDir(),
): Promise<Harness> => {
  let clock = start;
  const core = openCore({ dataDir, now: () => clock });
  cores.push(core);
  const call = async <M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(core.handlers, name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as MethodOutput<M>;
  };
  const harness: Harness = {
    core,
    dataDir,
    now: () => clock,
    setNow: (at) => {
      clock = at;
    },
    call,
    fail: async (name, input) => {
      const result = await dispatch(core.handlers, name, input);
      if (result.ok) throw new Error(`${name} succeeded`);
      return result.error;
    },
    lead(partial = {}, options = {}) {
      const at = options.at ?? clock;
      const lead = core.db.transaction(() =>
        core.leads.create(
          {
            name: 'Test Lead',
            title: null,
            company: null,
            email: null,
            phones: [{ e164: '+12025550100', ext: null, label: null, raw: '+12025550100' }],
            timeZone: 'America/New_York',
            country: 'US',
            region: null,
            city: null,
            sourceChannel: 'outbound_list',
            sourceDetail: null,
            direction: 'outbound',
            status: 'new',
            ...partial,
          },
          { at },
        ),
      )();
      if (options.enroll !== false) core.dialing.enrollNewLeads([lead.id], at);
      return lead.id;
    },
  };
  await call('queue.setRules', { repTimeZone: 'America/Chicago', ...rules });
  return harness;
};

export const phone = (e164: string) => [{ e164, ext: null, label: null, raw: e164 }];

/** The lead's live tasks and live enrollments, straight from the tables. */
export const liveOf = (core: Core, leadId: string) => ({
  tasks: core.db
    .prepare<
      [string],
      { id: string; kind: string; state: string; due_at: number; enrollment_id: string | null; title: string }
    >(
      "SELECT id, kind, state, due_at, enrollment_id, title FROM tasks WHERE lead_id = ? AND state IN ('open', 'paused')",
    )
    .all(leadId),
  enrollments: core.db
    .prepare<[string], { id: string; state: string; step_id: string }>(
      "SELECT id, state, step_id FROM enrollments WHERE lead_id = ? AND state IN ('active', 'paused')",
    )
    .all(leadId),
});

export const outboxRows = (core: Core) =>
  core.db
    .prepare<[], { name: string; args: string }>('SELECT name, args FROM outbox ORDER BY seq')
    .all()
    .map((row) => ({
      name: row.name,
      args: JSON.parse(row.args) as { changes?: { name: string; args: unknown }[] },
    }));
