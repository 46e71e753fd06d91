import { DateTime } from 'luxon';

/** Offsets in use on Earth run from UTC−12:00 to UTC+14:00 (IANA tz database); "+25:00" is a typo. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** True when a date-time names no offset, or one within −12:00..+14:00 with minutes under 60. */
const hasRealOffset = (text: string): boolean => {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text.slice(16));
  if (!offset) return true;
  const [, sign, hours, minutes] = offset;
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) >= 60) return false;
  return sign === '+' ? total <= MAX_OFFSET_MINUTES : total <= 12 * 60;
};

/**
 * Reads an ISO 8601 date-time (e.g. 2025-03-10T14:00:00Z or 2025-03-10T09:00-05:00) as UTC epoch ms.
 * Without an offset the time is read in `zone` (default: this machine's). Returns null for anything
 * that is not a complete ISO 8601 date-time.
 */
export const parseInstant = (text: string, zone?: string): number | null => {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  if (!hasRealOffset(trimmed)) return null;
  const parsed = DateTime.fromISO(trimmed, zone ? { zone, setZone: false } : {});
  return parsed.isValid ? parsed.toMillis() : null;
};
