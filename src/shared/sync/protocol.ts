import { z } from 'zod';

/**
 * The sync wire protocol's version. Every push and pull request carries it; the server refuses a
 * version it does not speak. Raise it when a mutation's shape changes in a way an older peer would
 * misread (adding an optional field does not need a raise).
 */
export const SYNC_PROTOCOL_VERSION = 1;

/** A point in time: UTC epoch milliseconds, a whole number within JavaScript's Date range (±8.64e15). */
export const EpochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** A row id: UUIDv7 (RFC 9562), made where the row is born, so ids sort by birth time. */
export const RowId = z.uuidv7();

/**
 * A hybrid logical clock stamp as the outbox writes it (`src/shared/hlc.ts`):
 * `<wall ms, base 36, 11 digits>:<counter, base 36, 5 digits>:<node id, 16 hex digits>`.
 * Its text sorts in clock order; per-field last-writer-wins compares these.
 */
export const Hlc = z
  .string()
  .regex(
    /^[0-9a-z]{11}:[0-9a-z]{5}:[0-9a-f]{16}$/,
    'an HLC stamp is wall:counter:node (base 36, base 36, hex)',
  );
