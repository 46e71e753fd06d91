import type { Script, ScriptDefinition } from '@shared/domain/script';
import { templateProblems } from '@shared/scripts/variables';
import { AppError } from '../errors';
import { newId } from '../ids';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import type { Clock, Outbox } from '../sync/outbox';

type ScriptRow = {
  id: string;
  kind: Script['kind'];
  scope: Script['scope'];
  name: string;
  body: string;
  language: Script['language'];
  builtin: number;
  created_at: number;
  updated_at: number;
};

const COLUMNS = 'id, kind, scope, name, body, language, builtin, created_at, updated_at';

const toScript = (row: ScriptRow): Script => ({
  id: row.id,
  kind: row.kind,
  scope: row.scope,
  name: row.name,
  body: row.body,
  language: row.language,
  builtin: row.builtin === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Refuses a body whose placeholders cannot be filled.
 * @throws AppError `script_unknown_variable` with details `{ problems }` (e.g. `["{{frstName}}"]`).
 */
export const checkTemplate = (body: string): void => {
  const problems = templateProblems(body);
  if (problems.length === 0) return;
  throw new AppError(
    'script_unknown_variable',
    `This script uses ${problems.join(', ')}, which Dialdeck cannot fill. Use one of the listed variables, written like {{firstName}}.`,
    { problems },
    { problems: problems.join(', ') },
  );
};

export type ScriptStore = ReturnType<typeof createScriptStore>;

/** The `scripts` table: every write and its outbox mutation in one transaction. */
export const createScriptStore = (db: Db, outbox: Outbox, now: Clock) => {
  const byId = db.prepare<[string], ScriptRow>(
    `SELECT ${COLUMNS} FROM scripts WHERE id = ? AND archived = 0`,
  );
  const anyById = db.prepare<[string], { id: string }>('SELECT id FROM scripts WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO scripts (id, kind, scope, name, body, language, builtin, archived,
      created_at, updated_at) VALUES (@id, @kind, @scope, @name, @body, @language, @builtin, 0, @at, @at)
    ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, scope = excluded.scope, name = excluded.name,
      body = excluded.body, language = excluded.language, updated_at = excluded.updated_at`);

  /** A stored script. @throws AppError `not_found` (details `{ kind: 'script', id }`). */
  const get = (id: string): Script => {
    const row = byId.get(id);
    if (!row) {
      throw new AppError(
        'not_found',
        `No script has the id ${id}. List scripts with \`dialdeck script list\`.`,
        {
          kind: 'script',
          id,
        },
      );
    }
    return toScript(row);
  };

  return {
    get,

    /**
     * Scripts not deleted: team first, then personal; by kind (voicemail, opener, objection); built-in
     * ones in the PLAYBOOK's order, then the rest by name.
     */
    list: (): Script[] =>
      db
        .prepare<[], ScriptRow>(
          `SELECT ${COLUMNS} FROM scripts WHERE archived = 0 ORDER BY scope = 'personal',
             CASE kind WHEN 'voicemail' THEN 0 WHEN 'opener' THEN 1 ELSE 2 END, builtin DESC,
             CASE builtin WHEN 1 THEN id ELSE name END, id`,
        )
        .all()
        .map(toScript),

    /**
     * Creates or replaces a script and records `script.put`. `builtin` marks the seeded ones, which are
     * not recorded (every desktop writes them alike).
     * @throws AppError `script_unknown_variable`, or `not_found` for an id not stored.
     */
    save: (definition: ScriptDefinition, options: { builtin?: boolean } = {}): Script => {
      checkTemplate(definition.body);
      const at = now();
      const id = definition.id ?? newId();
      if (definition.id !== undefined && !options.builtin) get(definition.id);
      writeNow(db, () => {
        upsert.run({
          id,
          kind: definition.kind,
          scope: definition.scope,
          name: definition.name,
          body: definition.body,
          language: definition.language,
          builtin: options.builtin ? 1 : 0,
          at,
        });
        if (!options.builtin) {
          outbox.record('script.put', {
            id,
            kind: definition.kind,
            scope: definition.scope,
            name: definition.name,
            body: definition.body,
            language: definition.language,
            updatedAt: at,
          });
        }
      });
      return get(id);
    },

    /** Archives a script and records `script.delete`. @throws AppError `not_found`. */
    remove: (id: string): void => {
      get(id);
      const at = now();
      writeNow(db, () => {
        db.prepare('UPDATE scripts SET archived = 1, updated_at = ? WHERE id = ?').run(at, id);
        outbox.record('script.delete', { id, deletedAt: at });
      });
    },

    /**
     * Writes a team script pulled from the team server (`@shared/server/definitions` `TeamScript`) as a
     * `team` script, without an outbox row (it came from the server): a deleted one is archived, any
     * other one stored whole and shown again if it was archived. A built-in script keeps its id and its
     * built-in flag but shows the team's text. `updatedAt` is the server's (epoch ms). Call inside the
     * pull page's transaction.
     */
    putPulled: (script: Omit<Script, 'scope' | 'builtin' | 'createdAt'>, deleted: boolean): void => {
      if (deleted) {
        db.prepare('UPDATE scripts SET archived = 1, updated_at = ? WHERE id = ?').run(
          script.updatedAt,
          script.id,
        );
        return;
      }
      upsert.run({
        id: script.id,
        kind: script.kind,
        scope: 'team',
        name: script.name,
        body: script.body,
        language: script.language,
        builtin: 0,
        at: script.updatedAt,
      });
      db.prepare('UPDATE scripts SET archived = 0 WHERE id = ?').run(script.id);
    },

    /** The scope of a stored script (archived ones included), or null for an id never stored. */
    scopeOf: (id: string): Script['scope'] | null =>
      db.prepare<[string], { scope: Script['scope'] }>('SELECT scope FROM scripts WHERE id = ?').get(id)
        ?.scope ?? null,

    /** Whether an id was ever stored (deleted ones included), so seeding never brings one back. */
    known: (id: string): boolean => anyById.get(id) !== undefined,
  };
};
