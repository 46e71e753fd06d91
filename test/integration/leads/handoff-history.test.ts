import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR, openHarness, outboxRows, utc } from '../cadence/helpers';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BIN = resolve(ROOT, 'bin', 'dialdeck.mjs');
const T = utc('2026-03-02T15:00:00Z');

describe('a hand-off in the lead history, and qualification read-only after it', () => {
  it('writes a handoff activity that history.list and `dialdeck history` show', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Ana Diaz' });
    h.setNow(T + HOUR);
    const done = await h.call('handoffs.create', {
      leadId: lead,
      summary: '40 seats, replacing spreadsheets',
      nextStep: 'Demo on Tuesday',
      confirm: ['budget', 'need'],
    });
    const history = await h.call('history.list', { leadId: lead });
    expect(history.activities[0]).toMatchObject({
      id: done.handoffId,
      kind: 'handoff',
      note: '40 seats, replacing spreadsheets',
      statusBefore: 'new',
      status: 'mql',
      occurredAt: T + HOUR,
      voidable: false,
    });
    // The activity rides on the hand-off's own mutation: no extra outbox row names it.
    const names = outboxRows(h.core).map((r) => r.name);
    expect(names.filter((n) => n === 'lead.handoff')).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('activity.'))).toEqual([]);

    if (!existsSync(resolve(ROOT, 'out', 'main'))) throw new Error('run `npm run build` first');
    h.core.close();
    const run = spawnSync(process.execPath, [BIN, '--data-dir', h.dataDir, 'history', lead], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/handoff \(new → mql\)/);
    expect(run.stdout).toContain('40 seats, replacing spreadsheets');
  });

  it('refuses BANT and profile edits after the hand-off with handoff_already_handed_off', async () => {
    const h = await openHarness(T);
    const lead = h.lead({ name: 'Bo Li' });
    await h.call('qualification.setBant', { leadId: lead, criterion: 'timeline', note: 'Q3' });
    await h.call('handoffs.create', { leadId: lead, summary: 'Hot', confirm: ['budget', 'need'] });
    const before = outboxRows(h.core).length;
    const bant = await h.fail('qualification.setBant', {
      leadId: lead,
      criterion: 'timeline',
      confirmed: true,
    });
    expect(bant.code).toBe('handoff_already_handed_off');
    const item = await h.fail('qualification.setProfileItem', {
      leadId: lead,
      itemId: 'pain_points',
      checked: true,
    });
    expect(item.code).toBe('handoff_already_handed_off');
    expect(outboxRows(h.core)).toHaveLength(before);
    const q = await h.call('qualification.get', { leadId: lead });
    expect(q.bant.find((a) => a.criterion === 'timeline')).toMatchObject({ confirmed: false, note: 'Q3' });
  });
});
