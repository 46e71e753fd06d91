import { useEffect } from 'react';
import { useSyncStore } from '../state/syncStore';

/**
 * Whether the team's scripts, cadences, outcome set and do-not-contact removals are read-only here:
 * true while this desktop is signed in to a team server as a rep or an AE (the manager edits them in
 * the console, and the core refuses the edit with `team_definition_read_only`); false signed out (solo
 * use) and for a manager. Reads the sync status once if nothing has read it yet.
 */
export const useTeamDefinitionsReadOnly = (): boolean => {
  const role = useSyncStore((s) => s.status?.role ?? null);
  const loaded = useSyncStore((s) => s.status !== null);
  const load = useSyncStore((s) => s.load);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  return role === 'rep' || role === 'ae';
};
