import type { Delimiter } from '@shared/api/imports';

/** The i18n key of each delimiter's name. */
export const DELIMITERS_LABEL_KEYS: Record<Delimiter, 'comma' | 'semicolon' | 'tab' | 'pipe'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
