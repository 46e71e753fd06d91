import { translatedError } from '@renderer/i18n/errors';
import { ConsoleApiError } from './client';

/** The message for a failed request in the interface language. */
export const errorText = (error: unknown): string =>
  error instanceof ConsoleApiError ? translatedError(error.code, error.message) : String(error);
