/**
 * Performance marks the session sets, read by the session bench (bench/session.bench.ts): the outcome
 * key was handled, "next lead" was asked for, and the queue's answer was opened.
 */
export const OUTCOME_KEY_MARK = 'dialdeck:outcome-key';
export const ADVANCE_MARK = 'dialdeck:session-advance';
export const NEXT_OPENED_MARK = 'dialdeck:session-next-opened';
