import { ApiError, errorMessage } from '../../../api/client';
import { i18n } from '../../../i18n';

const KNOWN = [
  'import_empty_file',
  'import_too_large',
  'import_not_csv',
  'import_no_header',
  'import_no_name_column',
  'import_wrong_delimiter',
  'import_unreadable',
] as const;
type KnownCode = (typeof KNOWN)[number];

const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);

/**
 * The core's import errors in the interface language. The core words them precisely in English
 * (naming the file and what it found), so English shows its message and other languages the
 * translation for its code.
 */
export const importErrorMessage = (error: unknown): string =>
  error instanceof ApiError && isKnown(error.code) && i18n.language !== 'en'
    ? i18n.t(`importErrors.${error.code}`)
    : errorMessage(error);
