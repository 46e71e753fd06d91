import { z } from 'zod';

/** The earliest instant Dialdeck accepts: 2000-01-01T00:00:00Z, in UTC epoch ms. */
export const MIN_INSTANT = Date.UTC(2000, 0, 1);
/** The latest instant Dialdeck accepts: 2100-01-01T00:00:00Z, in UTC epoch ms. */
export const MAX_INSTANT = Date.UTC(2100, 0, 1);

const RANGE = 'between 2000-01-01 and 2100-01-01 (UTC epoch milliseconds)';

/**
 * A real instant at the contract: UTC epoch milliseconds, a whole number, from 2000-01-01 to
 * 2100-01-01. Outside that range a value is a unit mix-up (seconds, microseconds) or garbage, and
 * would later break every view that shows it, so it is refused where it enters.
 */
export const Instant = z
  .number({ error: `must be a time ${RANGE}` })
  .int({ error: `must be a whole number of milliseconds ${RANGE}` })
  .min(MIN_INSTANT, { error: `must be a time ${RANGE}; this one is earlier` })
  .max(MAX_INSTANT, { error: `must be a time ${RANGE}; this one is later` });
export type Instant = z.infer<typeof Instant>;

/** True when `value` is an instant Dialdeck accepts (see `Instant`). */
export const isInstant = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_INSTANT && value <= MAX_INSTANT;

/**
 * The ISO 8601 text of a stored instant, or null when it is not a real one (written by an older
 * version or by hand): a view shows it as unknown instead of failing on it.
 */
export const isoOrNull = (value: number | null | undefined): string | null =>
  isInstant(value) ? new Date(value).toISOString() : null;
