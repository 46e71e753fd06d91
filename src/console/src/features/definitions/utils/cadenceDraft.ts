import type { CadenceDraft } from '@renderer/features/cadences/utils/draft';
import { toDefinition } from '@renderer/features/cadences/utils/draft';
import { CADENCE_FILE_FORMAT, CadenceDefinition, CadenceFile } from '@shared/domain/cadence';

/** A stored team cadence as the editor's draft (one row per transition). */
export const draftOf = (definition: CadenceDefinition): CadenceDraft => ({
  ...definition,
  steps: definition.steps.map((step) => ({
    ...step,
    on: Object.entries(step.on).map(([key, transition]) => ({ key, transition })),
  })),
});

/** One thing wrong with a draft: the step it is in (1-based, null for the cadence) and the rule's message. */
export type CadenceProblem = { step: number | null; message: string };

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
    problems: parsed.error.issues.map((issue) => {
      const [first, index] = issue.path;
      const step = first === 'steps' && typeof index === 'number' ? index + 1 : null;
      const field = issue.path.slice(step === null ? 0 : 2).join('.');
      return { step, message: field ? `${field}: ${issue.message}` : issue.message };
    }),
  };
};

/** The desktop's cadence file (`CADENCE_FILE_FORMAT`, version 1) holding `definitions`, as JSON text. */
export const cadenceFileText = (definitions: readonly CadenceDefinition[]): string =>
  `${JSON.stringify({ format: CADENCE_FILE_FORMAT, version: 1, cadences: [...definitions] } satisfies CadenceFile, null, 2)}\n`;

/**
 * Reads a cadence file exported by the desktop app or this console. Throws an `Error` whose message
 * says what is wrong (not JSON, another format, a cadence that breaks a rule).
 */
export const readCadenceFile = (text: string): CadenceDefinition[] => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  const parsed = CadenceFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unreadable');
  }
  return parsed.data.cadences;
};
