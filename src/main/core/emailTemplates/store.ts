import type { EmailTemplate, EmailTemplateDefinition } from '@shared/domain/emailTemplate';
import { SCRIPT_LANGUAGES } from '@shared/domain/script';
import { templateProblems } from '@shared/scripts/variables';
import {
  BUILTIN_EMAIL_TEMPLATE_IDS,
  BUILTIN_EMAIL_TEMPLATES,
  builtinEmailLanguage,
} from '@shared/tasks/emailTemplates';
import { AppError } from '../errors';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import type { Clock, Outbox } from '../sync/outbox';

type EmailTemplateRow = {
  id: string;
  scope: EmailTemplate['scope'];
  name: string;
  language: EmailTemplate['language'];
  subject: string;
  body: string;
  created_at: number;
  updated_at: number;
};

const COLUMNS = 'id, scope, name, language, subject, body, created_at, updated_at';

const BUILTIN_NAMES = {
  en: 'Follow-up after a call',
  'zh-CN': '通话后跟进',
  ko: '통화 후 후속 메일',
} as const;

const toTemplate = (row: EmailTemplateRow): EmailTemplate => ({
  id: row.id,
  scope: row.scope,
  name: row.name,
  language: row.language,
  subject: row.subject,
  body: row.body,
  builtin: false,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The built-in follow-up emails as listed: read-only, team scope, one per language. */
export const builtinEmailTemplates = (): EmailTemplate[] =>
  SCRIPT_LANGUAGES.map((language) => ({
    id: BUILTIN_EMAIL_TEMPLATE_IDS[language],
    scope: 'team',
    name: BUILTIN_NAMES[language],
    language,
    subject: BUILTIN_EMAIL_TEMPLATES[language].subject,
    body: BUILTIN_EMAIL_TEMPLATES[language].body,
    builtin: true,
    createdAt: 0,
    updatedAt: 0,
  }));

/**
 * Refuses a subject or body whose placeholders cannot be filled.
 * @throws AppError `script_unknown_variable` with details `{ problems }` (e.g. `["{{frstName}}"]`).
 */
export const checkEmailTemplate = (subject: string, body: string): void => {
  const problems = [...new Set([...templateProblems(subject), ...templateProblems(body)])];
  if (problems.length === 0) return;
  throw new AppError(
    'script_unknown_variable',
    `This email template uses ${problems.join(', ')}, which Dialdeck cannot fill. Use one of the listed variables, written like {{firstName}}.`,
    { problems },
    { problems: problems.join(', ') },
  );
};

const refuseBuiltin = (id: string): void => {
  if (builtinEmailLanguage(id) === null) return;
  throw new AppError(
    'email_template_builtin',
    'Built-in email templates cannot be changed. Duplicate it and edit the copy.',
    { id },
    { id },
  );
};

export type EmailTemplateStore = ReturnType<typeof createEmailTemplateStore>;

/** The `email_templates` table and built-ins: every write and its outbox mutation in one transaction. */
export const createEmailTemplateStore = (db: Db, outbox: Outbox, now: Clock) => {
  const byId = db.prepare<[string], EmailTemplateRow>(
    `SELECT ${COLUMNS} FROM email_templates WHERE id = ? AND archived = 0`,
  );
  const upsert = db.prepare(`INSERT INTO email_templates (id, scope, name, language, subject, body, archived,
      created_at, updated_at) VALUES (@id, @scope, @name, @language, @subject, @body, 0, @at, @at)
    ON CONFLICT(id) DO UPDATE SET scope = excluded.scope, name = excluded.name, language = excluded.language,
      subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`);
  const archive = db.prepare('UPDATE email_templates SET archived = 1, updated_at = ? WHERE id = ?');
  const stepTemplate = db
    .prepare<[string], string | null>(
      `SELECT cs.email_template_id FROM tasks t
         JOIN enrollments e ON e.id = t.enrollment_id
         JOIN cadence_steps cs ON cs.cadence_id = e.cadence_id AND cs.step_id = t.step_id
       WHERE t.id = ?`,
    )
    .pluck();

  /** A built-in or stored template, or undefined. */
  const find = (id: string): EmailTemplate | undefined => {
    const language = builtinEmailLanguage(id);
    if (language !== null) return builtinEmailTemplates().find((t) => t.language === language);
    const row = byId.get(id);
    return row ? toTemplate(row) : undefined;
  };

  /** A built-in or stored template. @throws AppError `not_found` (details `{ kind: 'emailTemplate', id }`). */
  const get = (id: string): EmailTemplate => {
    const template = find(id);
    if (template) return template;
    throw new AppError(
      'not_found',
      `No email template has the id ${id}. List them with \`dialdeck email templates\`.`,
      { kind: 'emailTemplate', id },
    );
  };

  return {
    get,
    find,

    /** Built-in templates (by language), then team, then personal ones, each by name. */
    list: (): EmailTemplate[] => [
      ...builtinEmailTemplates(),
      ...db
        .prepare<[], EmailTemplateRow>(
          `SELECT ${COLUMNS} FROM email_templates WHERE archived = 0
             ORDER BY scope = 'personal', name COLLATE NOCASE, id`,
        )
        .all()
        .map(toTemplate),
    ],

    /**
     * Creates or replaces a template and records `emailTemplate.put`.
     * @throws AppError `script_unknown_variable`, `email_template_builtin`, or `not_found` for an id not stored.
     */
    save: (definition: EmailTemplateDefinition): EmailTemplate => {
      checkEmailTemplate(definition.subject, definition.body);
      if (definition.id !== undefined) {
        refuseBuiltin(definition.id);
        get(definition.id);
      }
      const at = now();
      const id = definition.id ?? newId();
      const fields = {
        scope: definition.scope,
        name: definition.name,
        language: definition.language,
        subject: definition.subject,
        body: definition.body,
      };
      writeNow(db, () => {
        upsert.run({ id, ...fields, at });
        outbox.record('emailTemplate.put', { id, ...fields, updatedAt: at });
      });
      return get(id);
    },

    /** Archives a template and records `emailTemplate.delete`. @throws AppError `email_template_builtin`, `not_found`. */
    remove: (id: string): void => {
      refuseBuiltin(id);
      get(id);
      const at = now();
      writeNow(db, () => {
        archive.run(at, id);
        outbox.record('emailTemplate.delete', { id, deletedAt: at });
      });
    },

    /** The template an email task's cadence step names, or null (none named, or no cadence step). */
    forTask: (taskId: string): string | null => stepTemplate.get(taskId) ?? null,
  };
};
