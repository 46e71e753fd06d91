import { useEffect } from 'react';
import { useDialogStore } from '../../../app/dialogStore';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { i18n } from '../../../i18n';
import { exportLeads } from '../../import/utils/exportLeads';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useCallStore } from '../../outcomes/state/callStore';
import { activeOutcomes, useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { outcomeIndexOfKey } from '../../outcomes/utils/labels';
import { useQualificationStore } from '../../qualification/state/qualificationStore';
import { useQueueStore } from '../../queue/state/queueStore';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { nextTheme } from '../../settings/utils/theme';
import { useTasksStore } from '../../tasks/state/tasksStore';

/** Fields where letters are text, not commands. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLElement && target.isContentEditable);

/** Enter opens the highlighted lead only where Enter has no meaning of its own. */
const isListOrPage = (target: EventTarget | null): boolean =>
  target === document.body ||
  target === null ||
  (target instanceof HTMLElement && target.id === FOCUS_IDS.list);

const moveInList = (action: () => void) => {
  action();
  // The list takes focus so its highlighted row is announced (aria-activedescendant).
  if (document.activeElement?.id !== FOCUS_IDS.list) focusById(FOCUS_IDS.list);
};

/**
 * Digits log outcomes for the lead on screen, in the order the outcome card shows them. The lead is the
 * one whose card is showing (its call), never one still loading: while "next lead" is on its way the
 * digit does nothing, so it cannot land on the lead that was there before.
 */
const logOutcomeByKey = (key: string): boolean => {
  const index = outcomeIndexOfKey(key);
  if (index < 0) return false;
  const { current, visible } = useCallStore.getState();
  const openId = useLeadListStore.getState().openId;
  if (!current || !visible || current.leadId !== openId) return false;
  const outcomes = useOutcomeStore.getState();
  const outcome = activeOutcomes(outcomes.outcomes)[index];
  if (!outcome) return false;
  void outcomes.choose(current.leadId, outcome);
  return true;
};

/** Esc on a link or button in the lead panel goes back to the list. */
const leaveDetail = (): boolean =>
  document.activeElement?.closest(`#${FOCUS_IDS.detail}`) ? focusById(FOCUS_IDS.list) : false;

const handleModifierShortcut = (event: KeyboardEvent): boolean => {
  const key = event.key.toLowerCase();
  const dialogs = useDialogStore.getState();
  // In a text field Ctrl/Cmd+Z undoes typing; elsewhere it undoes the outcome just logged.
  if (key === 'z' && !event.shiftKey && !isTyping(event.target) && useCallStore.getState().undoable) {
    void useOutcomeStore.getState().undo();
    return true;
  }
  if (key === 'i' && !event.shiftKey) dialogs.openDialog('import');
  else if (key === 'k' && !event.shiftKey) focusById(FOCUS_IDS.search);
  else if (key === ',') dialogs.openDialog('settings');
  else if (key === 'e' && event.shiftKey) void exportLeads();
  else return false;
  return true;
};

const handleSingleKey = (event: KeyboardEvent): boolean => {
  const list = useLeadListStore.getState();
  const dialogs = useDialogStore.getState();
  switch (event.key) {
    case '/':
      focusById(FOCUS_IDS.search);
      return true;
    case '?':
      dialogs.openDialog('help');
      return true;
    case ',':
      dialogs.openDialog('settings');
      return true;
    case 't': {
      const { settings, update } = useSettingsStore.getState();
      void update({ theme: nextTheme(settings.theme) });
      return true;
    }
    case 's':
      return focusById(FOCUS_IDS.statusFilter);
    case 'e':
    case 'n':
      return focusById(FOCUS_IDS.notes);
    case 'c': {
      const link = document.getElementById(FOCUS_IDS.callLink);
      link?.click();
      return link !== null;
    }
    case 'h':
      return useQualificationStore.getState().requestHandoff();
    case 'T':
      useTasksStore.getState().toggle();
      return true;
    case 'q':
      useQueueStore.getState().toggleView();
      return true;
    case 'Q':
      void useQueueStore.getState().openNext(i18n.t('queue.none'));
      return true;
    case 'j':
      moveInList(() => list.moveActive(1));
      return true;
    case 'k':
      moveInList(() => list.moveActive(-1));
      return true;
    default:
      if (logOutcomeByKey(event.key)) return true;
      break;
  }
  // Arrows, paging and Enter keep their own meaning elsewhere (scrolling the panel, pressing a button).
  if (!isListOrPage(event.target)) return event.key === 'Escape' && leaveDetail();
  switch (event.key) {
    case 'ArrowDown':
      moveInList(() => list.moveActive(1));
      return true;
    case 'ArrowUp':
      moveInList(() => list.moveActive(-1));
      return true;
    case 'PageDown':
      moveInList(() => list.moveActive(10));
      return true;
    case 'PageUp':
      moveInList(() => list.moveActive(-10));
      return true;
    case 'Home':
      moveInList(() => list.moveActiveTo('first'));
      return true;
    case 'End':
      moveInList(() => list.moveActiveTo('last'));
      return true;
    case 'Enter':
    case 'o':
      list.openActive();
      return true;
    default:
      return false;
  }
};

/** The workspace's keyboard map, in one listener. Dialogs handle their own keys while open. */
export const useGlobalShortcuts = () => {
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (useDialogStore.getState().dialog !== null) return;
      const handled =
        event.ctrlKey || event.metaKey
          ? !event.altKey && handleModifierShortcut(event)
          : !event.altKey && !isTyping(event.target) && handleSingleKey(event);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);
};
