import { useEffect } from 'react';
import { useResearchStore } from '../../leads/state/researchStore';
import { useCallStore } from '../../outcomes/state/callStore';
import { useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { useSessionStore } from '../state/sessionStore';

/** Text fields where the rep is writing: letters are text there, and the next lead waits for them. */
export const isTextField = (target: EventTarget | null): boolean =>
  (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type)) ||
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLElement && target.isContentEditable);

/**
 * Whether the rep is typing now: focus is in a text field that holds text, or in one while the lead's
 * research notes are typed but not saved yet. Outside a text field nothing holds the next lead.
 */
const isTypingNow = (leadId: string): boolean => {
  const active = document.activeElement;
  const hasText =
    (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) &&
    active.value.trim() !== '';
  return isTextField(active) && (hasText || useResearchStore.getState().drafts[leadId] !== undefined);
};

/**
 * Session auto-advance: each outcome logged lands on the next lead, unless the rep is typing — then the
 * move waits until focus leaves the text field (Esc, Tab or a click elsewhere).
 */
export const useSessionAutoAdvance = () => {
  useEffect(() => {
    const stopOutcomes = useOutcomeStore.subscribe((state, previous) => {
      if (state.saving && !previous.saving) {
        const current = useCallStore.getState().current;
        if (current) useSessionStore.getState().prefetchNext(current.leadId);
      }
      if (state.results === previous.results) return;
      for (const [leadId, result] of Object.entries(state.results)) {
        if (result !== previous.results[leadId])
          useSessionStore.getState().handleOutcome(leadId, isTypingNow(leadId));
      }
    });
    const handleFocusOut = (event: FocusEvent) => {
      if (!useSessionStore.getState().held || !isTextField(event.target)) return;
      if (isTextField(event.relatedTarget)) return;
      useSessionStore.getState().release();
    };
    document.addEventListener('focusout', handleFocusOut);
    return () => {
      stopOutcomes();
      document.removeEventListener('focusout', handleFocusOut);
    };
  }, []);
};
