/** The snooze lengths the dialog offers: an hour, three hours, tomorrow morning, or a time picked. */
export const SNOOZE_CHOICES = ['hour', 'threeHours', 'tomorrow', 'at'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** The hour "tomorrow" means, in the rep's local time. */
const TOMORROW_HOUR = 9;

/**
 * When a snooze chosen at `now` (UTC epoch ms) ends: 1 or 3 hours later, 09:00 tomorrow in this
 * computer's time zone, or the `datetime-local` value `at` read in that zone. Null when `at` is empty
 * or not a time.
 */
export const snoozeUntil = (choice: SnoozeChoice, now: number, at: string): number | null => {
  if (choice === 'hour') return now + 3_600_000;
  if (choice === 'threeHours') return now + 3 * 3_600_000;
  if (choice === 'tomorrow') {
    const date = new Date(now);
    date.setDate(date.getDate() + 1);
    date.setHours(TOMORROW_HOUR, 0, 0, 0);
    return date.getTime();
  }
  if (!at) return null;
  const picked = new Date(at).getTime();
  return Number.isFinite(picked) ? picked : null;
};
