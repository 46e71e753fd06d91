import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { BUILTIN_SCRIPTS } from '../../../src/main/core/scripts/defaults';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { dataDir, ok, send, storeWithLead } from './helpers';

const outbox = (core: ReturnType<typeof openCore>, name: string) =>
  core.db
    .prepare<[string], { args: string }>('SELECT args FROM outbox WHERE name = ? ORDER BY seq')
    .all(name)
    .map((row) => JSON.parse(row.args) as Record<string, unknown>);

describe('scripts in the store', () => {
  it('seeds the built-in scripts once, unrecorded, and keeps a deleted one deleted', async () => {
    const dir = dataDir();
    const core = openCore({ dataDir: dir });
    const list = await ok(core, 'scripts.list', {});
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining(BUILTIN_SCRIPTS.map((s) => s.id)));
    expect(list.every((s) => s.builtin)).toBe(true);
    expect(outbox(core, 'script.put')).toEqual([]);
    const removed = BUILTIN_SCRIPTS[0]?.id ?? '';
    await ok(core, 'scripts.delete', { id: removed });
    expect(outbox(core, 'script.delete')).toMatchObject([{ id: removed }]);
    core.close();
    const reopened = openCore({ dataDir: dir });
    expect((await ok(reopened, 'scripts.list', {})).map((s) => s.id)).not.toContain(removed);
    reopened.close();
  });

  it('keeps the built-in text equal to the English interface text it is translated from', () => {
    const byName = Object.values(en.scripts.builtin) as Array<{ name: string; body: string }>;
    for (const script of BUILTIN_SCRIPTS) {
      expect(byName, script.name).toContainEqual({ name: script.name, body: script.body });
    }
  });

  it('saves a personal script as one outbox mutation, and edits it in place', async () => {
    const core = openCore({ dataDir: dataDir() });
    const saved = await ok(core, 'scripts.save', {
      script: {
        kind: 'voicemail',
        scope: 'personal',
        name: 'My short one',
        body: 'Hi {{firstName}}, {{repName}} here.',
        language: 'en',
      },
    });
    expect(saved).toMatchObject({ scope: 'personal', builtin: false });
    const edited = await ok(core, 'scripts.save', {
      script: { ...saved, body: 'Hi {{ firstName }}, {{repName}} again.' },
    });
    expect(edited.id).toBe(saved.id);
    expect(outbox(core, 'script.put').map((m) => m.body)).toEqual([
      'Hi {{firstName}}, {{repName}} here.',
      'Hi {{ firstName }}, {{repName}} again.',
    ]);
    core.close();
  });

  it('refuses an unknown variable or an open brace and stores nothing', async () => {
    const core = openCore({ dataDir: dataDir() });
    const before = (await ok(core, 'scripts.list', {})).length;
    const failed = await send(core, 'scripts.save', {
      script: {
        kind: 'opener',
        scope: 'team',
        name: 'Typo',
        body: 'Hi {{frstName}} at {{company',
        language: 'en',
      },
    });
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe('script_unknown_variable');
      expect(failed.error.details).toEqual({ problems: ['{{frstName}}', '{{'] });
    }
    expect((await ok(core, 'scripts.list', {})).length).toBe(before);
    expect(outbox(core, 'script.put')).toEqual([]);
    core.close();
  });

  it('saves research facts field by field, each edit one mutation with only its fields', async () => {
    const { core, leadId } = storeWithLead(dataDir());
    expect(await ok(core, 'research.getFacts', { leadId })).toMatchObject({
      triggerEvent: '',
      updatedAt: null,
    });
    await ok(core, 'research.setFacts', { leadId, facts: { triggerEvent: ' Series B ' } });
    const facts = await ok(core, 'research.setFacts', { leadId, facts: { techStack: 'HubSpot, Slack' } });
    expect(facts).toMatchObject({ triggerEvent: 'Series B', techStack: 'HubSpot, Slack', painPoint: '' });
    expect(outbox(core, 'research.setFacts').map((m) => m.facts)).toEqual([
      { triggerEvent: 'Series B' },
      { techStack: 'HubSpot, Slack' },
    ]);
    // The free-text notes are a separate record: saving them leaves the facts alone.
    await ok(core, 'leads.setResearch', { leadId, body: '# Notes' });
    expect(await ok(core, 'research.getFacts', { leadId })).toMatchObject({ triggerEvent: 'Series B' });
    const unknown = await send(core, 'research.setFacts', {
      leadId: '0190a000-0000-7000-8000-0000000000ff',
      facts: { painPoint: 'x' },
    });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    core.close();
  });
});
