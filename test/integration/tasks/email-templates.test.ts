import { describe, expect, it } from 'vitest';
import { BUILTIN_EMAIL_TEMPLATE_IDS } from '../../../src/shared/tasks/emailTemplates';
import { liveOf, openHarness, utc } from '../cadence/helpers';
import { dialdeck } from '../scripts/helpers';
import { checkOutbox } from '../sync/outbox-check';

// Tuesday 09:00 in Chicago, the rep's zone.
const T = utc('2026-03-03T15:00:00Z');

type Listed = {
  id: string;
  scope: string;
  name: string;
  language: string;
  subject: string;
  builtin: boolean;
};
type Rendered = {
  templateId: string;
  to: string | null;
  subject: string;
  body: string;
  mailto: string | null;
  missing: string[];
};

const personal = {
  scope: 'personal' as const,
  name: 'Webinar follow-up',
  language: 'en' as const,
  subject: '{{firstName}}, the webinar slides for {{company}}',
  body: 'Hi {{firstName}},\n\nAs promised, the slides. Is {{painPoint}} still on your list?\n\n{{repName}}',
};

/** A store with one email step for Jane Doe at Acme, optionally bound to a template. */
const setUp = async (emailTemplateId?: string) => {
  const h = await openHarness(T);
  await h.call('settings.update', { repName: 'Sam Lee' });
  const saved = await h.call('emailTemplates.save', { template: personal });
  const cadence = await h.call('cadences.save', {
    cadence: {
      name: 'Email first',
      rule: null,
      steps: [
        {
          id: 'email-1',
          kind: 'email',
          title: 'Send the intro email',
          ...(emailTemplateId === 'personal' ? { emailTemplateId: saved.id } : {}),
        },
        { id: 'call-1', kind: 'call', title: 'Call' },
      ],
    },
  });
  const leadId = h.lead({ name: 'Jane Doe', company: 'Acme', email: 'jane@acme.com' }, { enroll: false });
  await h.call('enrollments.enroll', { leadIds: [leadId], cadenceId: cadence.id });
  const taskId = liveOf(h.core, leadId).tasks[0]?.id as string;
  return { h, saved, taskId, cadence };
};

describe('email templates through the core and the built CLI', () => {
  it('lists the built-in templates read-only, then saved ones; render picks the one asked for', async () => {
    const { h, saved, taskId } = await setUp();
    const listed = dialdeck(h.dataDir, 'email', 'templates');
    expect(listed.status).toBe(0);
    const templates = listed.json as Listed[];
    expect(templates.map((t) => [t.id, t.builtin])).toEqual([
      [BUILTIN_EMAIL_TEMPLATE_IDS.en, true],
      [BUILTIN_EMAIL_TEMPLATE_IDS['zh-CN'], true],
      [BUILTIN_EMAIL_TEMPLATE_IDS.ko, true],
      [saved.id, false],
    ]);
    expect(templates[3]).toMatchObject({
      scope: 'personal',
      name: 'Webinar follow-up',
      subject: personal.subject,
    });

    // Without --template the step has no template: the built-in one of the settings' language.
    const plain = dialdeck(h.dataDir, 'email', 'render', taskId).json as Rendered;
    expect(plain.templateId).toBe(BUILTIN_EMAIL_TEMPLATE_IDS.en);
    expect(plain.subject).toBe('Acme: following up, Jane');

    const run = dialdeck(h.dataDir, 'email', 'render', taskId, '--template', saved.id);
    expect(run.status).toBe(0);
    const email = run.json as Rendered;
    expect(email.templateId).toBe(saved.id);
    expect(email.subject).toBe('Jane, the webinar slides for Acme');
    expect(email.body).toBe(
      'Hi Jane,\n\nAs promised, the slides. Is [painPoint] still on your list?\n\nSam Lee',
    );
    expect(email.body).not.toMatch(/[{}]/);
    expect(email.missing).toEqual(['painPoint']);
    expect(email.mailto).toContain('subject=Jane%2C%20the%20webinar%20slides%20for%20Acme');

    // A built-in template of another language can be picked too.
    const ko = dialdeck(h.dataDir, 'email', 'render', taskId, '--template', BUILTIN_EMAIL_TEMPLATE_IDS.ko)
      .json as Rendered;
    expect(ko.subject).toBe('Acme: Jane님, 후속 연락드립니다');

    const unknown = dialdeck(
      h.dataDir,
      'email',
      'render',
      taskId,
      '--template',
      '0190a000-0000-7000-8000-0000000000ff',
    );
    expect(unknown.status).not.toBe(0);
    expect(unknown.error?.code).toBe('not_found');
    expect(unknown.error?.message).toContain('dialdeck email templates');
  });

  it("fills the template a cadence's email step names, and falls back once it is deleted", async () => {
    const { h, saved, taskId, cadence } = await setUp('personal');
    const stored = await h.call('cadences.get', { id: cadence.id });
    expect(stored.steps[0]?.emailTemplateId).toBe(saved.id);
    const bound = dialdeck(h.dataDir, 'email', 'render', taskId).json as Rendered;
    expect(bound.templateId).toBe(saved.id);
    expect(bound.subject).toBe('Jane, the webinar slides for Acme');

    await h.call('emailTemplates.delete', { id: saved.id });
    const after = dialdeck(h.dataDir, 'email', 'render', taskId).json as Rendered;
    expect(after.templateId).toBe(BUILTIN_EMAIL_TEMPLATE_IDS.en);
    expect((dialdeck(h.dataDir, 'email', 'templates').json as Listed[]).map((t) => t.id)).not.toContain(
      saved.id,
    );
    expect((await h.fail('emailTemplates.delete', { id: saved.id })).code).toBe('not_found');
  });

  it('refuses bad variable names, built-in edits and a template on a step that sends no email', async () => {
    const { h, saved } = await setUp();
    const bad = await h.fail('emailTemplates.save', {
      template: { ...personal, subject: 'Hi {{frstName}}', body: 'About {{company}} and {{budget' },
    });
    expect(bad.code).toBe('script_unknown_variable');
    expect(bad.message).toContain('{{frstName}}');
    expect((bad as { details?: { problems: string[] } }).details?.problems).toEqual(
      expect.arrayContaining(['{{frstName}}']),
    );
    expect((bad as { details?: { problems: string[] } }).details?.problems).toHaveLength(2);

    const builtin = await h.fail('emailTemplates.save', {
      template: { ...personal, id: BUILTIN_EMAIL_TEMPLATE_IDS.en },
    });
    expect(builtin.code).toBe('email_template_builtin');
    expect(builtin.message).toContain('Duplicate');
    expect((await h.fail('emailTemplates.delete', { id: BUILTIN_EMAIL_TEMPLATE_IDS.ko })).code).toBe(
      'email_template_builtin',
    );

    const onCall = await h.fail('cadences.save', {
      cadence: {
        name: 'Calls',
        rule: null,
        steps: [{ id: 'c', kind: 'call', title: 'Call', emailTemplateId: saved.id }],
      },
    });
    expect(onCall.code).toBe('invalid_input');
    expect(onCall.message).toContain('only an email step');

    // Nothing refused reached the store; an edit keeps the id and moves updatedAt.
    h.setNow(T + 60_000);
    const edited = await h.call('emailTemplates.save', {
      template: { ...personal, id: saved.id, name: 'Slides' },
    });
    expect(edited).toMatchObject({ id: saved.id, name: 'Slides', createdAt: T, updatedAt: T + 60_000 });
    expect((await h.call('emailTemplates.list', {})).filter((t) => !t.builtin)).toHaveLength(1);
  });

  it('records one valid outbox mutation per save and delete', async () => {
    const { h, saved } = await setUp();
    await h.call('emailTemplates.delete', { id: saved.id });
    const { names, failures } = checkOutbox(h.core.db);
    expect(failures).toEqual([]);
    expect(names).toContain('emailTemplate.put');
    expect(names).toContain('emailTemplate.delete');
    const rows = h.core.db
      .prepare("SELECT name, args FROM outbox WHERE name LIKE 'emailTemplate.%' ORDER BY seq")
      .all() as { name: string; args: string }[];
    expect(rows.map((r) => [r.name, JSON.parse(r.args).id])).toEqual([
      ['emailTemplate.put', saved.id],
      ['emailTemplate.delete', saved.id],
    ]);
  });
});
