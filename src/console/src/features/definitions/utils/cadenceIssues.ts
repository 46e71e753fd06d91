import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** What is wrong with one field, as a key under `console.definitions.cadences.issues`. */
export type CadenceIssueKind =
  | 'empty'
  | 'tooShort'
  | 'tooLong'
  | 'tooSmall'
  | 'tooLarge'
  | 'noSteps'
  | 'tooManySteps'
  | 'gotoMissing'
  | 'stepIdTwice'
  | 'ruleKeyWrong'
  | 'invalid';

/** The field a problem is in, as a key under `console.definitions.cadences.fields`. */
export type CadenceField =
  | 'name'
  | 'description'
  | 'priority'
  | 'steps'
  | 'title'
  | 'kind'
  | 'wait'
  | 'maxAttempts'
  | 'rule'
  | 'ruleStep'
  | 'ruleTitle'
  | 'ruleWait'
  | 'stepId'
  | 'limits'
  | 'other';

/**
 * One problem in words that translate: the field, the kind of problem and its figures (`min`, `max`,
 * `key` for an outcome rule). The console renders it from `console.definitions.cadences.issues.<kind>`
 * with the field's name from `console.definitions.cadences.fields.<field>`.
 */
export type CadenceIssueWords = {
  field: CadenceField;
  kind: CadenceIssueKind;
  params: Record<string, string | number>;
};

const fieldOf = (rest: readonly PropertyKey[]): { field: CadenceField; key?: string } => {
  const [first, second, third] = rest;
  if (first === 'on') {
    const key = typeof second === 'string' ? second : '';
    if (third === 'step') return { field: 'ruleStep', key };
    if (third === 'title') return { field: 'ruleTitle', key };
    if (third === 'wait') return { field: 'ruleWait', key };
    return { field: 'rule', key };
  }
  if (first === 'id') return { field: 'stepId' };
  if (first === 'limits') return { field: 'limits' };
  const known: readonly CadenceField[] = [
    'name',
    'description',
    'priority',
    'steps',
    'title',
    'kind',
    'wait',
    'maxAttempts',
  ];
  return known.includes(first as CadenceField) ? { field: first as CadenceField } : { field: 'other' };
};

const kindOf = (issue: z.core.$ZodIssue, field: CadenceField): CadenceIssueKind => {
  if (issue.code === 'too_small') {
    if (issue.origin === 'array') return 'noSteps';
    if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'empty' : 'tooShort';
    return 'tooSmall';
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'array') return 'tooManySteps';
    return issue.origin === 'string' ? 'tooLong' : 'tooLarge';
  }
  if (issue.code === 'custom') {
    if (field === 'ruleStep') return 'gotoMissing';
    if (field === 'stepId') return 'stepIdTwice';
    if (field === 'rule') return 'ruleKeyWrong';
  }
  return 'invalid';
};

/**
 * A zod issue of `CadenceDefinition` in words: `rest` is the issue's path below the step (or below
 * the cadence for a cadence-wide field). The rules are the desktop's (`@shared/domain/cadence`).
 */
export const cadenceIssueWords = (
  issue: z.core.$ZodIssue,
  rest: readonly PropertyKey[],
): CadenceIssueWords => {
  const { field, key } = fieldOf(rest);
  const params: Record<string, string | number> = {};
  if (key !== undefined) params.key = key;
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  return { field, kind: kindOf(issue, field), params };
};

/**
 * A problem's sentence in the interface language: "The title is empty: type one." —
 * `console.definitions.cadences.issues.<kind>` with the field named from `…cadences.fields.<field>`.
 */
export const cadenceIssueText = (words: CadenceIssueWords, t: TFunction): string => {
  const field = t(`console.definitions.cadences.fields.${words.field}`, {
    key: String(words.params.key ?? ''),
  });
  return t(`console.definitions.cadences.issues.${words.kind}`, {
    field,
    min: Number(words.params.min ?? 0),
    max: Number(words.params.max ?? 0),
  });
};
