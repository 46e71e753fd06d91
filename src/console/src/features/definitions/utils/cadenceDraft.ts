import type { CadenceDraft } from '@renderer/features/cadences/utils/draft';
import { toDefinition } from '@renderer/features/cadences/utils/draft';
import { CADENCE_FILE_FORMAT, CadenceDefinition, CadenceFile } from '@shared/domain/cadence';
import type { z } from 'zod';
import { type CadenceIssueWords, cadenceIssueWords } from './cadenceIssues';

/** A stored team cadence as the editor's draft (one row per transition). */
export const draftOf = (definition: CadenceDefinition): CadenceDraft => ({
  ...definition,
  steps: definition.steps.map((step) => ({
    ...step,
    on: Object.entries(step.on).map(([key, transition]) => ({ key, transition })),
  })),
});

/**
 * One thing wrong with a draft: the step it is in (1-based, null for the cadence), the rule's English
 * message (zod's, with its path) and the same problem in words that translate (`words`).
 */
export type CadenceProblem = { step: number | null; message: string; words: CadenceIssueWords };

const problemOf = (issue: z.core.$ZodIssue, path: readonly PropertyKey[]): CadenceProblem => {
  const [first, index] = path;
  const step = first === 'steps' && typeof index === 'number' ? index + 1 : null;
  const rest = path.slice(step === null ? 0 : 2);
  const field = rest.join('.');
  return {
    step,
    message: field ? `${field}: ${issue.message}` : issue.message,
    words: cadenceIssueWords(issue, rest),
  };
};

/**
 * The draft as a definition checked with the desktop's own schema (`CadenceDefinition`: step ids once,
 * transitions by outcome on dial steps and by done/skipped on others, `goto` to a step that exists,
 * waits and attempts in range); `problems` empty when it may be saved.
 */
export const checkCadence = (
  draft: CadenceDraft,
): { definition: CadenceDefinition | null; problems: CadenceProblem[] } => {
  const parsed = CadenceDefinition.safeParse(toDefinition(draft));
  if (parsed.success) return { definition: parsed.data, problems: [] };
  return {
    definition: null,
    problems: parsed.error.issues.map((issue) => problemOf(issue, issue.path)),
  };
};

/** The desktop's cadence file (`CADENCE_FILE_FORMAT`, version 1) holding `definitions`, as JSON text. */
export const cadenceFileText = (definitions: readonly CadenceDefinition[]): string =>
  `${JSON.stringify({ format: CADENCE_FILE_FORMAT, version: 1, cadences: [...definitions] } satisfies CadenceFile, null, 2)}\n`;

/**
 * Why a file could not be imported: `notJson`, `notCadenceFile` (another format or shape), or
 * `cadenceProblem` — a Dialdeck cadence file whose cadence `cadence` (1-based) has `problem`.
 */
export class CadenceFileError extends Error {
  constructor(
    message: string,
    readonly reason: 'notJson' | 'notCadenceFile' | 'cadenceProblem',
    readonly cadence?: number,
    readonly problem?: CadenceProblem,
  ) {
    super(message);
    this.name = 'CadenceFileError';
  }
}

/**
 * Reads a cadence file exported by the desktop app or this console. Throws a `CadenceFileError`
 * whose message (English) and `reason` say what is wrong: not JSON, another format, or a cadence
 * that breaks a rule (with the cadence's number and the problem at its step).
 */
export const readCadenceFile = (text: string): CadenceDefinition[] => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CadenceFileError('the file is not JSON', 'notJson');
  }
  const parsed = CadenceFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [first, index, ...below] = issue?.path ?? [];
    if (issue && first === 'cadences' && typeof index === 'number' && below.length > 0) {
      const problem = problemOf(issue, below);
      throw new CadenceFileError(
        `cadence ${index + 1}${problem.step === null ? '' : `, step ${problem.step}`}: ${problem.message}`,
        'cadenceProblem',
        index + 1,
        problem,
      );
    }
    throw new CadenceFileError(
      issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unreadable',
      'notCadenceFile',
    );
  }
  return parsed.data.cadences;
};
