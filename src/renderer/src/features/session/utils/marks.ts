/**
 * Performance marks the session sets, read by the session bench (bench/session.bench.ts): the outcome
 * key was handled, and "next lead" was asked for.
 */
export const OUTCOME_KEY_MARK = 'dialdeck:outcome-key';
export const ADVANCE_MARK = 'dialdeck:session-advance';
