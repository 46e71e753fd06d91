import { errorMessage } from '../../../api/client';

/**
 * The core's import errors in the interface language: `errors.codes.import_*` by code (see
 * i18n/errors.ts), like every other core error.
 */
export const importErrorMessage = (error: unknown): string => errorMessage(error);
