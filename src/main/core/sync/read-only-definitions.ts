import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import type { Db } from '../store/db';
import type { SyncCredentials, TokenStore } from './credentials';

/** The methods that change a team definition: refused for a signed-in rep or AE. */
type GuardedMethod =
  | 'scripts.save'
  | 'scripts.delete'
  | 'cadences.save'
  | 'cadences.delete'
  | 'cadences.import'
  | 'outcomes.update'
  | 'outcomes.create'
  | 'dnc.remove';

/**
 * The role of the user this data folder is signed in as, or null signed out (solo use). A sign-in
 * file that cannot be read counts as signed out here: the sync itself reports it.
 */
export const signedInRole = (tokens: TokenStore): SyncCredentials['role'] | null => {
  try {
    return tokens.read()?.role ?? null;
  } catch {
    return null;
  }
};

/** Whether the signed-in user may change the team's scripts, cadences, outcome set and DNC removals. */
export const editsTeamDefinitions = (role: SyncCredentials['role'] | null): boolean =>
  role === null || role === 'manager';

/** Which team definition a refused change was for; the refusal's `params.kind` and `details.kind`. */
export type ReadOnlyDefinitionKind = 'script' | 'cadence' | 'outcomeSet' | 'dnc';

const readOnlyMessages: Record<ReadOnlyDefinitionKind, (name?: string) => string> = {
  script: (name) =>
    `${name === undefined ? 'This script' : `The script "${name}"`} belongs to your team: its manager changes it in the team console, and this desktop shows it read-only. Ask your manager for the change, or save your own text as a personal script.`,
  cadence: (name) =>
    `${name === undefined ? "Your team's cadences are" : `The cadence "${name}" is`} set by your team's manager in the team console, and this desktop follows them read-only. Ask your manager to change the cadence.`,
  outcomeSet: () =>
    "Your team's outcome set belongs to your team: its manager adds and changes outcomes in the team console, and this desktop shows them read-only. Ask your manager for the outcome you need.",
  dnc: () =>
    'Only your team’s manager can take an entry off the do-not-contact list, because a do-not-contact request binds the whole team. You can still add numbers, emails and domains here. Ask your manager if this entry should be removed.',
};

/**
 * The refusal `team_definition_read_only` for one kind of team definition, its English message
 * naming the script or cadence when known. `params.kind` and `details.kind` carry the kind, so the
 * renderer shows that kind's translated text (`errors.teamDefinitionReadOnly.<kind>`).
 */
export const readOnly = (kind: ReadOnlyDefinitionKind, name?: string): AppError =>
  new AppError('team_definition_read_only', readOnlyMessages[kind](name), { kind }, { kind });

/**
 * Wraps the handlers that change a team definition so that, while this data folder is signed in to a
 * team server as a rep or an AE, they refuse with `team_definition_read_only`: team scripts (saving
 * one of scope `team`, or over a stored team script; deleting one), cadences (save, delete, import),
 * the outcome set (update, create) and removals from the do-not-contact list (PLAYBOOK: the manager
 * owns scripts and cadences; a do-not-call request binds the whole team, so only a manager lifts one).
 * Personal scripts and DNC additions stay open to everyone. Signed out (solo use) or as a manager,
 * nothing changes. The team server applies the same rule to pushed changes.
 */
export const guardTeamDefinitions = (handlers: Handlers, db: Db, tokens: TokenStore): Handlers => {
  const scopeOf = db.prepare<[string], { scope: string }>('SELECT scope FROM scripts WHERE id = ?');
  const isTeamScript = (id: string | undefined): boolean =>
    id !== undefined && scopeOf.get(id)?.scope === 'team';
  const blocked = (): boolean => !editsTeamDefinitions(signedInRole(tokens));
  const guarded: Pick<Handlers, GuardedMethod> = {
    'scripts.save': (args) => {
      if (blocked() && (args.script.scope === 'team' || isTeamScript(args.script.id))) {
        throw readOnly('script', args.script.name);
      }
      return handlers['scripts.save'](args);
    },
    'scripts.delete': (args) => {
      if (blocked() && isTeamScript(args.id)) throw readOnly('script');
      return handlers['scripts.delete'](args);
    },
    'cadences.save': (args) => {
      if (blocked()) throw readOnly('cadence', args.cadence.name);
      return handlers['cadences.save'](args);
    },
    'cadences.delete': (args) => {
      if (blocked()) throw readOnly('cadence');
      return handlers['cadences.delete'](args);
    },
    'cadences.import': (args) => {
      if (blocked()) throw readOnly('cadence');
      return handlers['cadences.import'](args);
    },
    'outcomes.update': (args) => {
      if (blocked()) throw readOnly('outcomeSet');
      return handlers['outcomes.update'](args);
    },
    'outcomes.create': (args) => {
      if (blocked()) throw readOnly('outcomeSet');
      return handlers['outcomes.create'](args);
    },
    'dnc.remove': (args) => {
      if (blocked()) throw readOnly('dnc');
      return handlers['dnc.remove'](args);
    },
  };
  return { ...handlers, ...guarded };
};
