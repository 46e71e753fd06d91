import type { TFunction } from 'i18next';
import { CadenceFileError } from './cadenceDraft';
import { cadenceIssueText } from './cadenceIssues';

/**
 * Why a cadence file was not imported, in the interface language: not JSON, not a cadence file (with
 * the reader's English detail), or a cadence file whose cadence N has a problem (at step M), in words.
 */
export const importFailureText = (failure: unknown, t: TFunction): string => {
  if (!(failure instanceof CadenceFileError)) {
    return t('console.definitions.cadences.importFailed', { message: String((failure as Error)?.message) });
  }
  if (failure.reason === 'notJson') return t('console.definitions.cadences.importNotJson');
  if (failure.reason === 'cadenceProblem' && failure.problem && failure.cadence !== undefined) {
    const said = cadenceIssueText(failure.problem.words, t);
    return t('console.definitions.cadences.importProblem', {
      n: failure.cadence,
      problem:
        failure.problem.step === null
          ? said
          : t('console.definitions.cadences.importStep', { step: failure.problem.step, problem: said }),
    });
  }
  return t('console.definitions.cadences.importFailed', { message: failure.message });
};
