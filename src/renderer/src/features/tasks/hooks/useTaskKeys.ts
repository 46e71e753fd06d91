import { useEffect } from 'react';
import { useTasksStore } from '../state/tasksStore';
import { markStepDone, runStepAction } from '../utils/stepActions';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLElement && target.isContentEditable);

/** Keys that act on the lead list, queue or open lead: held back while the Tasks view covers them. */
const WORKSPACE_KEYS = new Set([
  'j',
  'k',
  'o',
  's',
  'e',
  'n',
  'c',
  'h',
  'b',
  'v',
  'q',
  'Q',
  '/',
  'Enter',
  'ArrowDown',
  'ArrowUp',
  'PageDown',
  'PageUp',
  'Home',
  'End',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
]);
/** With Ctrl/⌘: focus the hidden lead search, undo the hidden lead's outcome. */
const WORKSPACE_MOD_KEYS = new Set(['k', 'z']);

/**
 * The Tasks view's keys, while it is shown and no dialog is open: J/K (or arrows) move, Enter opens
 * the step's action, D marks done, X skips (asking a reason), L switches to the do-not-contact list,
 * Esc goes back. Runs before the workspace's own listener and stops the keys that would act on the
 * lead list, queue or open lead hidden under this view.
 */
export const useTaskKeys = () => {
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey) return;
      const store = useTasksStore.getState();
      if (!store.shown) return;
      const stop = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      // A dialog's buttons keep Enter and arrows; letters still never reach the hidden workspace.
      if (document.querySelector('[role="dialog"]')) {
        if (!isTyping(event.target) && /^[a-z0-9/]$/i.test(event.key) && WORKSPACE_KEYS.has(event.key))
          stop();
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        if (WORKSPACE_MOD_KEYS.has(event.key.toLowerCase()) && !isTyping(event.target)) stop();
        return;
      }
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) {
          event.target.blur();
          stop();
        }
        return;
      }
      const active = store.entries.find((entry) => entry.task.id === store.activeId);
      const onSteps = store.tab === 'steps';
      switch (event.key) {
        case 'Escape':
          store.setShown(false);
          return stop();
        case 'l':
          store.setTab(onSteps ? 'dnc' : 'steps');
          return stop();
        case 'j':
        case 'ArrowDown':
          if (onSteps) store.move(1);
          return stop();
        case 'k':
        case 'ArrowUp':
          if (onSteps) store.move(-1);
          return stop();
        case 'Enter':
          // Enter on a focused button presses it; on the page or the list it runs the step.
          if (event.target instanceof HTMLButtonElement) return;
          if (onSteps && active) runStepAction(active);
          return stop();
        case 'd':
          if (onSteps && active) markStepDone(active);
          return stop();
        case 'x':
          if (onSteps && active) store.openDialog({ kind: 'skip', taskId: active.task.id });
          return stop();
        default:
          if (WORKSPACE_KEYS.has(event.key)) stop();
      }
    };
    window.addEventListener('keydown', handleKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', handleKeyDown, { capture: true });
  }, []);
};
