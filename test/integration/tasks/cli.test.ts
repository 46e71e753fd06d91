import { describe, expect, it } from 'vitest';
import { buildMailto } from '../../../src/shared/tasks/mailto';
import { DAY, HOUR, liveOf, openHarness, utc } from '../cadence/helpers';
import { dialdeck } from '../scripts/helpers';

// Tuesday 09:00 in Chicago, the rep's zone.
const T = utc('2026-03-03T15:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

type Todo = {
  task: { id: string; kind: string; dueAt: number };
  lead: { name: string };
  zone: { localTime: string | null };
};
type Rendered = {
  to: string | null;
  subject: string;
  body: string;
  mailto: string | null;
  missing: string[];
};

/** A store with an email → LinkedIn → call cadence and leads enrolled in it at `T`. */
const setUp = async () => {
  const h = await openHarness(T);
  const cadence = await h.call('cadences.save', {
    cadence: {
      name: 'Email first',
      rule: null,
      steps: [
        { id: 'email-1', kind: 'email', title: 'Send the intro email' },
        {
          id: 'linkedin-1',
          kind: 'linkedin',
          title: 'Connect on LinkedIn',
          wait: { amount: 1, unit: 'days' },
        },
        { id: 'call-1', kind: 'call', title: 'Call' },
      ],
    },
  });
  const enroll = async (partial: Parameters<typeof h.lead>[0]) => {
    const id = h.lead(partial, { enroll: false });
    await h.call('enrollments.enroll', { leadIds: [id], cadenceId: cadence.id });
    return id;
  };
  return { h, enroll };
};

describe('dialdeck tasks, task done|skip and email render (the built CLI)', () => {
  it('renders an email step from the lead, its research and the rep, with an RFC 6068 mailto', async () => {
    const { h, enroll } = await setUp();
    const leadId = await enroll({ name: 'Jane Doe', company: 'Acme & Sons', email: 'jane@acme.com' });
    await h.call('settings.update', { repName: 'Sam Lee' });
    await h.call('research.setFacts', { leadId, facts: { triggerEvent: 'your Series B news' } });
    const taskId = liveOf(h.core, leadId).tasks[0]?.id as string;

    const run = dialdeck(h.dataDir, 'email', 'render', taskId);
    expect(run.status).toBe(0);
    const email = run.json as Rendered;
    expect(email.to).toBe('jane@acme.com');
    expect(email.subject).toBe('Acme & Sons: following up, Jane');
    expect(email.body).toContain('I saw your Series B news and thought');
    expect(email.body).toContain('[painPoint]');
    expect(email.body).not.toMatch(/[{}]/);
    expect(email.missing).toEqual(['painPoint', 'repPhone']);
    expect(email.mailto).toBe(buildMailto({ to: 'jane@acme.com', subject: email.subject, body: email.body }));
    expect(email.mailto).toContain('subject=Acme%20%26%20Sons');
    expect(email.mailto).toContain('Hi%20Jane%2C%0D%0A%0D%0AI%20tried');

    // In the settings' language.
    await h.call('settings.update', { locale: 'zh-CN' });
    const zh = dialdeck(h.dataDir, 'email', 'render', taskId).json as Rendered;
    expect(zh.subject).toBe('Acme & Sons：Jane，跟进一下');
  });

  it('lists tasks by the rep’s day: overdue, today, all', async () => {
    const { h, enroll } = await setUp();
    const old = await enroll({ name: 'Old Lead', email: 'old@example.com' });
    h.setNow(T + DAY + 2 * HOUR);
    const fresh = await enroll({ name: 'Fresh Lead', email: 'fresh@example.com' });
    const at = iso(T + DAY + 3 * HOUR);
    const names = (due: string) =>
      (dialdeck(h.dataDir, 'tasks', '--due', due, '--at', at).json as Todo[]).map((t) => t.lead.name);
    expect(names('overdue')).toEqual(['Old Lead']);
    expect(names('today')).toEqual(['Fresh Lead']);
    expect(names('all')).toEqual(['Old Lead', 'Fresh Lead']);
    const listed = dialdeck(h.dataDir, 'tasks', '--due', 'all', '--at', at).json as Todo[];
    expect(listed[0]?.zone.localTime).toBe('2026-03-04T13:00:00-05:00');
    expect([old, fresh]).toHaveLength(2);
    // Without --due the command answers as before: due by --at.
    expect(
      (dialdeck(h.dataDir, 'tasks', '--at', iso(T + HOUR)).json as Todo[]).map((t) => t.lead.name),
    ).toEqual(['Old Lead']);
    const bad = dialdeck(h.dataDir, 'tasks', '--due', 'tomorrow');
    expect(bad.status).not.toBe(0);
    expect(bad.error?.code).toBe('invalid_input');
    expect(bad.error?.message).toContain('today, overdue, all');
  });

  it('marks a step done and skips one with its reason; the cadence moves on', async () => {
    const { h, enroll } = await setUp();
    const leadId = await enroll({ name: 'Jo Park', email: 'jo@example.com' });
    const email = liveOf(h.core, leadId).tasks[0]?.id as string;
    const done = dialdeck(h.dataDir, 'task', 'done', email, '--at', iso(T + HOUR));
    expect(done.status).toBe(0);
    expect(done.json).toMatchObject({ nextTask: { kind: 'linkedin' } });
    const linkedin = liveOf(h.core, leadId).tasks[0];
    expect(linkedin?.kind).toBe('linkedin');
    const skipped = dialdeck(
      h.dataDir,
      'task',
      'skip',
      linkedin?.id as string,
      '--reason',
      'No profile found',
    );
    expect(skipped.status).toBe(0);
    expect(liveOf(h.core, leadId).tasks[0]?.kind).toBe('call');
    const history = await h.call('history.list', { leadId });
    expect(history.activities.map((a) => [a.kind, a.outcome, a.note])).toEqual([
      ['linkedin', 'skipped', 'No profile found'],
      ['email', 'done', null],
    ]);
    // A finished step cannot be finished again.
    const again = dialdeck(h.dataDir, 'task', 'done', email);
    expect(again.status).not.toBe(0);
    expect(again.error?.code).toBe('conflict');
  });

  it('says a lead has no email address: no mailto, and the step can be skipped', async () => {
    const { h, enroll } = await setUp();
    const leadId = await enroll({ name: 'No Mail', email: null });
    const taskId = liveOf(h.core, leadId).tasks[0]?.id as string;
    const email = dialdeck(h.dataDir, 'email', 'render', taskId);
    expect(email.status).toBe(0);
    expect(email.json).toMatchObject({ to: null, mailto: null });
    expect(dialdeck(h.dataDir, 'task', 'skip', taskId, '--reason', 'No email address').status).toBe(0);
  });

  it('refuses a do-not-contact lead with lead_do_not_contact and changes nothing', async () => {
    const { h, enroll } = await setUp();
    const leadId = await enroll({ name: 'Dee Nc', email: 'dee@blocked.example' });
    const taskId = liveOf(h.core, leadId).tasks[0]?.id as string;
    await h.call('dnc.add', { entries: [{ kind: 'domain', value: 'blocked.example' }], reason: 'Asked' });
    const before = await h.call('history.list', { leadId });
    const render = dialdeck(h.dataDir, 'email', 'render', taskId);
    expect(render.status).not.toBe(0);
    expect(render.json).toBeNull();
    expect(render.error?.code).toBe('lead_do_not_contact');
    // The entry took the lead off its cadence, so the step was cancelled: it cannot be marked done.
    const done = dialdeck(h.dataDir, 'task', 'done', taskId);
    expect(done.status).not.toBe(0);
    expect(done.error?.code).toBe('conflict');
    expect(liveOf(h.core, leadId).tasks).toEqual([]);
    expect(await h.call('history.list', { leadId })).toEqual(before);
    // Not an email step: refused with what to do.
    const other = await enroll({ name: 'Li Kd', email: 'li@example.com' });
    const first = liveOf(h.core, other).tasks[0]?.id as string;
    dialdeck(h.dataDir, 'task', 'done', first);
    const linkedin = liveOf(h.core, other).tasks[0]?.id as string;
    const wrong = dialdeck(h.dataDir, 'email', 'render', linkedin);
    expect(wrong.error?.code).toBe('invalid_input');
    expect(wrong.error?.message).toContain('linkedin step');
  });

  it('keeps a domain typed on the desktop by the rule the team server uses: punycode kept, malformed refused', async () => {
    const { h } = await setUp();
    const added = dialdeck(h.dataDir, 'dnc', 'add', 'domain', '@Bücher.example');
    expect(added.status).toBe(0);
    for (const typed of [
      '-bad.example',
      'exa mple.com',
      'a..b',
      'http://x.com/',
      'example.com.',
      'host.123',
    ]) {
      // `--` ends the options, so a value starting with a hyphen is read as the value.
      const refused = dialdeck(h.dataDir, 'dnc', 'add', 'domain', '--', typed);
      expect(refused.status, typed).toBe(2);
      expect(refused.error?.code, typed).toBe('invalid_input');
      expect(refused.error?.message, typed).toContain('is not a domain name');
    }
    const listed = await h.call('dnc.list', {});
    expect(listed.map((entry) => entry.value)).toEqual(['xn--bcher-kva.example']);
  });
});
