import { useDialogStore } from '../../../app/dialogStore';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { i18n } from '../../../i18n';
import { exportLeads } from '../../import/utils/exportLeads';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useCallStore } from '../../outcomes/state/callStore';
import { useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { useQualificationStore } from '../../qualification/state/qualificationStore';
import { useQueueStore } from '../../queue/state/queueStore';
import { useSessionStore } from '../../session/state/sessionStore';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { nextTheme } from '../../settings/utils/theme';
import { useTasksStore } from '../../tasks/state/tasksStore';
import { rememberFocus } from './returnFocus';
import type { ShortcutId } from './shortcuts';

const queueShown = () => useQueueStore.getState().view === 'queue';

/** Moves the highlight in the list on screen: the queue while it is shown, else the lead list. */
export const moveInView = (delta: number): boolean => {
  if (queueShown()) {
    useQueueStore.getState().moveActive(delta);
    return true;
  }
  useLeadListStore.getState().moveActive(delta);
  // The list takes focus so its highlighted row is announced (aria-activedescendant).
  if (document.activeElement?.id !== FOCUS_IDS.list) focusById(FOCUS_IDS.list);
  return true;
};

export const moveToEnd = (end: 'first' | 'last'): boolean => {
  if (queueShown()) useQueueStore.getState().moveActiveTo(end);
  else {
    useLeadListStore.getState().moveActiveTo(end);
    if (document.activeElement?.id !== FOCUS_IDS.list) focusById(FOCUS_IDS.list);
  }
  return true;
};

export const openActiveInView = (): boolean => {
  if (queueShown()) useQueueStore.getState().openActive();
  else useLeadListStore.getState().openActive();
  return true;
};

/** The lead on screen that a skip or snooze is for: the current call's lead while its card shows. */
export const leadOnScreen = (): string | null => {
  const openId = useLeadListStore.getState().openId;
  const { current, visible } = useCallStore.getState();
  return openId && visible && current?.leadId === openId ? openId : null;
};

const openLeadDialog = (dialog: 'skip' | 'snooze'): boolean => {
  if (!leadOnScreen()) return false;
  useDialogStore.getState().openDialog(dialog);
  return true;
};

/**
 * Opens the void dialog for the outcome this window logged last (the call store's `lastLogged`, by
 * its activity id) when its lead is on screen with its call history; false otherwise. The history may
 * not have read that outcome back yet, so its newest entry can still be the call before.
 */
const voidJustLogged = (): boolean => {
  const calls = useCallStore.getState();
  const logged = calls.lastLogged;
  if (!logged || logged.leadId !== useLeadListStore.getState().openId) return false;
  if (!document.querySelector('[data-testid="call-history"]')?.checkVisibility()) return false;
  calls.requestVoid(logged);
  return true;
};

/**
 * The history's "Void…" for the newest outcome that can still be voided (logged earlier, or from
 * another window or the CLI); it is scrolled into view so the rep sees what they void.
 */
const voidNewestInHistory = (): boolean => {
  const button = document.getElementById(FOCUS_IDS.historyVoid);
  if (!button?.checkVisibility()) return false;
  button.scrollIntoView({ block: 'center' });
  button.click();
  return true;
};

/**
 * What each shortcut does, for the keyboard and the command palette alike. Returns false when the
 * action does not apply now (no lead on screen, nothing to undo…). `logOutcome` and `leave` depend on
 * the key or the focus and are run by the keyboard only; the palette lists each outcome by itself.
 */
export const SHORTCUT_ACTIONS: Partial<Record<ShortcutId, () => boolean>> = {
  focusSearch: () => focusById(FOCUS_IDS.search),
  statusFilter: () => focusById(FOCUS_IDS.statusFilter),
  next: () => moveInView(1),
  previous: () => moveInView(-1),
  first: () => moveToEnd('first'),
  last: () => moveToEnd('last'),
  open: openActiveInView,
  toggleTasks: () => {
    useTasksStore.getState().toggle();
    return true;
  },
  toggleQueue: () => {
    useQueueStore.getState().toggleView();
    return true;
  },
  nextInQueue: () => {
    void useQueueStore.getState().openNext(i18n.t('queue.none'));
    return true;
  },
  editNotes: () => focusById(FOCUS_IDS.notes),
  callNote: () => focusById(FOCUS_IDS.callNote),
  call: () => {
    const link = document.getElementById(FOCUS_IDS.callLink);
    link?.click();
    return link !== null;
  },
  handoff: () => useQualificationStore.getState().requestHandoff(),
  // B: the open lead's qualification card, focus on its first BANT toggle (on the card itself once
  // the lead is handed off and the toggles are read-only).
  qualify: () => {
    const card = document.getElementById(FOCUS_IDS.qualification);
    if (!card?.checkVisibility()) return false;
    const toggle = card.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:disabled)');
    (toggle ?? card).focus();
    return true;
  },
  undoOutcome: () => {
    if (!useCallStore.getState().undoable) return false;
    void useOutcomeStore.getState().undo();
    return true;
  },
  voidOutcome: () => {
    const inFlight = useOutcomeStore.getState().inFlight;
    // V while the outcome is still being stored: that outcome, once stored, if its lead is still the
    // one on screen; never another lead's or an older call.
    if (inFlight && inFlight.leadId === useLeadListStore.getState().openId) {
      void inFlight.done.then((stored) => stored && voidJustLogged());
      return true;
    }
    return voidJustLogged() || voidNewestInHistory();
  },
  startSession: () => {
    void useSessionStore.getState().start();
    return true;
  },
  pauseSession: () => {
    if (useSessionStore.getState().state === 'off') return false;
    useSessionStore.getState().togglePause();
    return true;
  },
  stopSession: () => {
    if (useSessionStore.getState().state === 'off') return false;
    useSessionStore.getState().stop();
    return true;
  },
  skipLead: () => openLeadDialog('skip'),
  snoozeLead: () => openLeadDialog('snooze'),
  palette: () => {
    rememberFocus();
    useDialogStore.getState().openDialog('palette');
    return true;
  },
  import: () => {
    useDialogStore.getState().openDialog('import');
    return true;
  },
  export: () => {
    void exportLeads();
    return true;
  },
  settings: () => {
    useDialogStore.getState().openDialog('settings');
    return true;
  },
  theme: () => {
    const { settings, update } = useSettingsStore.getState();
    void update({ theme: nextTheme(settings.theme) });
    return true;
  },
  help: () => {
    useDialogStore.getState().openDialog('help');
    return true;
  },
  sync: () => {
    useDialogStore.getState().openDialog('sync');
    return true;
  },
};
