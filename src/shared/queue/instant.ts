import { DateTime } from 'luxon';

/**
 * Reads an ISO 8601 date-time (e.g. 2025-03-10T14:00:00Z or 2025-03-10T09:00-05:00) as UTC epoch ms.
 * Without an offset the time is read in `zone` (default: this machine's). Returns null for anything
 * that is not a complete ISO 8601 date-time.
 */
export const parseInstant = (text: string, zone?: string): number | null => {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const parsed = DateTime.fromISO(trimmed, zone ? { zone, setZone: false } : {});
  return parsed.isValid ? parsed.toMillis() : null;
};
