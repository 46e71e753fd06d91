import { useEffect } from 'react';
import { useDialogStore } from '../../../app/dialogStore';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { callController } from '../../calling/state/callStore';
import { routeKeyToLiveCall } from '../../calling/state/keyboardDigits';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useCallStore } from '../../outcomes/state/callStore';
import { activeOutcomes, useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { outcomeIndexOfKey } from '../../outcomes/utils/labels';
import { useQueueStore } from '../../queue/state/queueStore';
import { useSessionStore } from '../../session/state/sessionStore';
import { OUTCOME_KEY_MARK } from '../../session/utils/marks';
import { moveInView, moveToEnd, openActiveInView, SHORTCUT_ACTIONS } from '../state/actions';
import type { ShortcutId } from '../state/shortcuts';

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

const run = (id: ShortcutId): boolean => SHORTCUT_ACTIONS[id]?.() ?? false;

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
  performance.mark(OUTCOME_KEY_MARK);
  void outcomes.choose(current.leadId, outcome);
  return true;
};

/** Esc on a link or button in the lead panel goes back to the list (or the queue, while it is shown). */
const leaveDetail = (): boolean => {
  if (!document.activeElement?.closest(`#${FOCUS_IDS.detail}`)) return false;
  if (useQueueStore.getState().view === 'queue') {
    (document.activeElement as HTMLElement).blur();
    return true;
  }
  return focusById(FOCUS_IDS.list);
};

const handleModifierShortcut = (event: KeyboardEvent): boolean => {
  const key = event.key.toLowerCase();
  // In a text field Ctrl/Cmd+Z undoes typing; elsewhere it undoes the outcome just logged.
  if (key === 'z' && !event.shiftKey) return !isTyping(event.target) && run('undoOutcome');
  if (key === 'i' && !event.shiftKey) return run('import');
  if (key === 'k' && !event.shiftKey) return run('palette');
  if (key === ',') return run('settings');
  if (key === 'e' && event.shiftKey) return run('export');
  return false;
};

/** S skips the lead on screen in the Queue view and in a session; in the lead list it is the status filter. */
const sKey = (): boolean =>
  useQueueStore.getState().view === 'queue' || useSessionStore.getState().state !== 'off'
    ? run('skipLead')
    : run('statusFilter');

const LETTERS: Record<string, () => boolean> = {
  '/': () => run('focusSearch'),
  '?': () => run('help'),
  ',': () => run('settings'),
  t: () => run('theme'),
  T: () => run('toggleTasks'),
  s: sKey,
  z: () => run('snoozeLead'),
  e: () => run('editNotes'),
  n: () => run('callNote'),
  c: () => run('call'),
  b: () => run('qualify'),
  h: () => run('handoff'),
  v: () => run('voidOutcome'),
  q: () => run('toggleQueue'),
  Q: () => run('nextInQueue'),
  g: () => run('startSession'),
  p: () => run('pauseSession'),
  x: () => run('stopSession'),
  y: () => run('sync'),
  j: () => moveInView(1),
  k: () => moveInView(-1),
};

const NAVIGATION: Record<string, () => boolean> = {
  ArrowDown: () => moveInView(1),
  ArrowUp: () => moveInView(-1),
  PageDown: () => moveInView(10),
  PageUp: () => moveInView(-10),
  Home: () => moveToEnd('first'),
  End: () => moveToEnd('last'),
  Enter: openActiveInView,
  o: openActiveInView,
};

const handleSingleKey = (event: KeyboardEvent): boolean => {
  const letter = LETTERS[event.key];
  if (letter) return letter();
  // During a live call the digit keys are the call's keypad (DTMF), never outcome keys.
  if (routeKeyToLiveCall(callController, event.key)) return true;
  if (logOutcomeByKey(event.key)) return true;
  // Arrows, paging and Enter keep their own meaning elsewhere (scrolling the panel, pressing a button).
  if (!isListOrPage(event.target)) return event.key === 'Escape' && leaveDetail();
  return NAVIGATION[event.key]?.() ?? false;
};

/** Esc always leaves a text field (a field with its own Esc, like the research notes, handles it first). */
const leaveTextField = (event: KeyboardEvent): boolean => {
  if (event.key !== 'Escape' || !isTyping(event.target) || !(event.target instanceof HTMLElement))
    return false;
  event.target.blur();
  return true;
};

/**
 * The workspace's keyboard map, in one listener. Dialogs handle their own keys while open. The Queue
 * view owns J/K/arrows/Enter while it is shown, so no keystroke reaches the hidden lead list.
 */
export const useGlobalShortcuts = () => {
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (useDialogStore.getState().dialog !== null) return;
      let handled = false;
      if (event.altKey) handled = false;
      else if (event.ctrlKey || event.metaKey) handled = handleModifierShortcut(event);
      else if (isTyping(event.target)) handled = leaveTextField(event);
      else handled = handleSingleKey(event);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);
};
