/** What the practice prospect does when called. */
export type PracticeScenario = 'objection' | 'voicemail' | 'hangup';
/** The rep's pick for the next practice call; `random` lets the prospect surprise them. */
export type PracticeChoice = PracticeScenario | 'random';

export const PRACTICE_SCENARIOS: readonly PracticeScenario[] = ['objection', 'voicemail', 'hangup'];
export const PRACTICE_CHOICES: readonly PracticeChoice[] = ['random', ...PRACTICE_SCENARIOS];

/** The objections the prospect raises, one per call (clip ids; see scripts/practice-clips.mjs). */
export const OBJECTIONS = ['notNow', 'noBudget', 'sendEmail', 'haveVendor', 'wrongPerson'] as const;
export type ObjectionClip = (typeof OBJECTIONS)[number];
export type PracticeClip = 'greeting' | 'voicemail' | 'listening' | 'goodbye' | ObjectionClip;

/** One step of a practice call: wait `afterMs` after the previous step ends, then do it. */
export type PracticeStep =
  | { afterMs: number; say: PracticeClip }
  /** The prospect hangs up. */
  | { afterMs: number; hangUp: true };

/** How long the phone rings before the prospect (or the voicemail) answers, ms. */
export const RING_MS = 1_500;
/** The time the prospect leaves the rep to answer before speaking again, ms. */
export const REP_TURN_MS = 4_000;

/**
 * The prospect's side of a practice call: answers, then either raises `objection` after the rep's
 * first turn and keeps listening, plays the voicemail greeting and its tone, or says no and hangs up.
 */
export const practiceSteps = (scenario: PracticeScenario, objection: ObjectionClip): PracticeStep[] => {
  switch (scenario) {
    case 'voicemail':
      return [{ afterMs: 0, say: 'voicemail' }];
    case 'hangup':
      return [
        { afterMs: 0, say: 'greeting' },
        { afterMs: REP_TURN_MS, say: 'goodbye' },
        { afterMs: 300, hangUp: true },
      ];
    case 'objection':
      return [
        { afterMs: 0, say: 'greeting' },
        { afterMs: REP_TURN_MS, say: objection },
        { afterMs: REP_TURN_MS * 2, say: 'listening' },
      ];
  }
};

/** The scenario a choice stands for; `random` draws from `random()` (0 ≤ r < 1). */
export const scenarioOf = (choice: PracticeChoice, random: () => number): PracticeScenario =>
  choice === 'random'
    ? (PRACTICE_SCENARIOS[Math.floor(random() * PRACTICE_SCENARIOS.length)] ?? 'objection')
    : choice;

export const objectionOf = (random: () => number): ObjectionClip =>
  OBJECTIONS[Math.floor(random() * OBJECTIONS.length)] ?? 'notNow';
