import type { ScriptLanguage } from '@shared/domain/script';
import { estimateReading, VOICEMAIL_LIMIT_SECONDS } from '@shared/scripts/estimate';
import { fillTemplate, type ScriptVariable, templateProblems } from '@shared/scripts/variables';

/** What the editor shows about a script as typed: its placeholder problems and its reading time. */
export type ScriptCheck = {
  /** `templateProblems`: the server refuses the same ones (`script_unknown_variable`). */
  problems: string[];
  /** Seconds to read it aloud (the desktop's estimate), each variable read as its spoken name. */
  seconds: number;
  /** Whether it fits PLAYBOOK's 20-second voicemail (`VOICEMAIL_LIMIT_SECONDS`). */
  fits: boolean;
};

/**
 * Checks a script as the desktop does: placeholders with `templateProblems`, and the reading time of
 * the text with every variable read as its name (`variableName`), as the desktop's editor times it.
 */
export const checkScript = (
  body: string,
  language: ScriptLanguage,
  variableName: (name: ScriptVariable) => string,
): ScriptCheck => {
  const sample = fillTemplate(body, {})
    .map((segment) => (segment.kind === 'text' ? segment.text : variableName(segment.name)))
    .join('');
  const seconds = estimateReading(sample, language).seconds;
  return { problems: templateProblems(body), seconds, fits: seconds <= VOICEMAIL_LIMIT_SECONDS };
};
