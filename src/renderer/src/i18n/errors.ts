import { ErrorCode, type ErrorParams } from '@shared/api/contract';
import i18next from 'i18next';

const isErrorCode = (code: string): code is ErrorCode => ErrorCode.safeParse(code).success;

/**
 * A core error in the interface language. A message the core fills from params (a path, a log file)
 * is rendered from `errors.codes.<code>` in every language; otherwise English keeps the core's own
 * wording, which names exactly what it found, and other languages show the translation for the code.
 * An unknown code keeps the core's message.
 */
export const translatedError = (code: string, message: string, params?: ErrorParams): string => {
  if (!isErrorCode(code)) return message;
  if (params === undefined && i18next.language === 'en') return message;
  return i18next.t(`errors.codes.${code}`, { ...params, defaultValue: message });
};
