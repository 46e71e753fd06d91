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

const readOnly = (what: string): AppError =>
  new AppError(
    'team_definition_read_only',
    `${what} belongs to your team: its manager changes it in the team console, and this desktop shows it read-only. Ask your manager, or save your own text as a personal script.`,
  );

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
        throw readOnly(`The script "${args.script.name}"`);
      }
      return handlers['scripts.save'](args);
    },
    'scripts.delete': (args) => {
      if (blocked() && isTeamScript(args.id)) throw readOnly('This script');
      return handlers['scripts.delete'](args);
    },
    'cadences.save': (args) => {
      if (blocked()) throw readOnly(`The cadence "${args.cadence.name}"`);
      return handlers['cadences.save'](args);
    },
    'cadences.delete': (args) => {
      if (blocked()) throw readOnly('This cadence');
      return handlers['cadences.delete'](args);
    },
    'cadences.import': (args) => {
      if (blocked()) throw readOnly('Every cadence');
      return handlers['cadences.import'](args);
    },
    'outcomes.update': (args) => {
      if (blocked()) throw readOnly('The outcome set');
      return handlers['outcomes.update'](args);
    },
    'outcomes.create': (args) => {
      if (blocked()) throw readOnly('The outcome set');
      return handlers['outcomes.create'](args);
    },
    'dnc.remove': (args) => {
      if (blocked()) throw readOnly('The do-not-contact list');
      return handlers['dnc.remove'](args);
    },
  };
  return { ...handlers, ...guarded };
};
