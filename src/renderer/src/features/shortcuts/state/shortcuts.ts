/**
 * Every shortcut, as the help dialog and the command palette list it (one registry, so they never
 * disagree). `Mod` is ⌘ on a Mac and Ctrl elsewhere. In the Queue view and in a calling session, S skips
 * the lead on screen; in the lead list it opens the status filter.
 */
export type ShortcutId =
  | 'focusSearch'
  | 'statusFilter'
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'open'
  | 'editNotes'
  | 'call'
  | 'leave'
  | 'import'
  | 'export'
  | 'settings'
  | 'theme'
  | 'help'
  | 'logOutcome'
  | 'undoOutcome'
  | 'voidOutcome'
  | 'toggleQueue'
  | 'nextInQueue'
  | 'handoff'
  | 'qualify'
  | 'toggleTasks'
  | 'taskDone'
  | 'taskSkip'
  | 'dncList'
  | 'callNote'
  | 'startSession'
  | 'pauseSession'
  | 'stopSession'
  | 'skipLead'
  | 'snoozeLead'
  | 'palette'
  | 'sync';

export type ShortcutGroup = 'list' | 'lead' | 'session' | 'app';

export type Shortcut = {
  id: ShortcutId;
  group: ShortcutGroup;
  /** Alternatives; each is the keys pressed together. */
  keys: ReadonlyArray<ReadonlyArray<string>>;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'focusSearch', group: 'list', keys: [['/']] },
  { id: 'statusFilter', group: 'list', keys: [['S']] },
  { id: 'next', group: 'list', keys: [['↓'], ['J']] },
  { id: 'previous', group: 'list', keys: [['↑'], ['K']] },
  { id: 'first', group: 'list', keys: [['Home']] },
  { id: 'last', group: 'list', keys: [['End']] },
  { id: 'open', group: 'list', keys: [['Enter'], ['O']] },
  { id: 'toggleQueue', group: 'list', keys: [['Q']] },
  { id: 'nextInQueue', group: 'list', keys: [['Shift', 'Q']] },
  { id: 'editNotes', group: 'lead', keys: [['E']] },
  { id: 'callNote', group: 'lead', keys: [['N']] },
  { id: 'call', group: 'lead', keys: [['C']] },
  { id: 'logOutcome', group: 'lead', keys: [['1–9'], ['0']] },
  { id: 'qualify', group: 'lead', keys: [['B']] },
  { id: 'handoff', group: 'lead', keys: [['H']] },
  { id: 'undoOutcome', group: 'lead', keys: [['Mod', 'Z']] },
  { id: 'voidOutcome', group: 'lead', keys: [['V']] },
  { id: 'leave', group: 'lead', keys: [['Esc']] },
  { id: 'startSession', group: 'session', keys: [['G']] },
  { id: 'pauseSession', group: 'session', keys: [['P']] },
  { id: 'stopSession', group: 'session', keys: [['X']] },
  { id: 'skipLead', group: 'session', keys: [['S']] },
  { id: 'snoozeLead', group: 'session', keys: [['Z']] },
  { id: 'palette', group: 'app', keys: [['Mod', 'K']] },
  { id: 'import', group: 'app', keys: [['Mod', 'I']] },
  { id: 'export', group: 'app', keys: [['Mod', 'Shift', 'E']] },
  { id: 'settings', group: 'app', keys: [[','], ['Mod', ',']] },
  { id: 'theme', group: 'app', keys: [['T']] },
  { id: 'help', group: 'app', keys: [['?']] },
  { id: 'toggleTasks', group: 'app', keys: [['Shift', 'T']] },
  { id: 'sync', group: 'app', keys: [['Y']] },
  { id: 'taskDone', group: 'list', keys: [['D']] },
  { id: 'taskSkip', group: 'list', keys: [['X']] },
  { id: 'dncList', group: 'list', keys: [['L']] },
];

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const keyLabel = (key: string): string => (key === 'Mod' ? (isMac() ? '⌘' : 'Ctrl') : key);
