import { isInstant } from '@shared/domain/instant';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Mar 11, 2026, 9:30 AM" in `language` on the clock of `timeZone` (the team's IANA zone, the one its
 * board days are counted in), so a drill-down's times match the board's days whatever the browser's
 * zone. A zone the browser does not know falls back to UTC; a value that is no instant reads as `unknown`.
 */
export const formatInZone = (at: number, timeZone: string, language: string, unknown: string): string => {
  if (!isInstant(at)) return unknown;
  const key = `${language}:${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      format = new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      });
    }
    formats.set(key, format);
  }
  return format.format(at);
};
