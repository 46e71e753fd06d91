import type {
  Cadence,
  CadenceDefinition,
  CadenceStep,
  StepKind,
  Transition,
  Wait,
} from '@shared/domain/cadence';

/** A cadence as the editor holds it: the definition, with a key per transition row for React. */
export type StepDraft = Omit<CadenceStep, 'on'> & { on: Array<{ key: string; transition: Transition }> };
export type CadenceDraft = Omit<CadenceDefinition, 'steps'> & { steps: StepDraft[] };

export const toDraft = (cadence: Cadence): CadenceDraft => ({
  id: cadence.id,
  name: cadence.name,
  description: cadence.description,
  rule: cadence.rule,
  priority: cadence.priority,
  limits: cadence.limits,
  steps: cadence.steps.map((step) => ({
    ...step,
    on: Object.entries(step.on).map(([key, transition]) => ({ key, transition })),
  })),
});

/** Later rows win when the same outcome is listed twice; the core checks the rest. */
export const toDefinition = (draft: CadenceDraft): CadenceDefinition => ({
  ...draft,
  steps: draft.steps.map((step) => ({
    ...step,
    on: Object.fromEntries(step.on.map((row) => [row.key, row.transition])),
  })),
});

export const newStep = (
  steps: StepDraft[],
  titleFor: (n: number) => string,
  kind: StepKind = 'call',
): StepDraft => {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n += 1;
  return {
    id: `step-${n}`,
    kind,
    title: titleFor(n),
    wait: { amount: 1, unit: 'business_days' },
    maxAttempts: 1,
    on: [],
  };
};

export const newCadence = (name: string, titleFor: (n: number) => string): CadenceDraft => ({
  name,
  description: '',
  rule: null,
  priority: 100,
  limits: {},
  steps: [{ ...newStep([], titleFor), wait: { amount: 0, unit: 'minutes' } }],
});

const HOUR: Wait = { amount: 1, unit: 'hours' };

/** Switching a transition's action keeps what still applies and fills what the new one needs. */
export const withAction = (
  transition: Transition,
  action: Transition['action'],
  firstStep: string,
): Transition => {
  const wait = 'wait' in transition ? transition.wait : undefined;
  switch (action) {
    case 'next':
      return wait ? { action, wait } : { action };
    case 'retry':
      return { action, wait: wait ?? HOUR };
    case 'goto':
      return wait ? { action, step: firstStep, wait } : { action, step: firstStep };
    case 'task':
      return { action, title: 'Follow up' };
    case 'exit':
      return { action };
  }
};
