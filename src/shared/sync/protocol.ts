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

/** The most mutations one push request may carry; the client sends batches of at most this many. */
export const MAX_PUSH_BATCH = 200;

/** How far (ms) a pushed HLC wall time may run ahead of the server's clock before it is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * One mutation as pushed: `{ id, name, args, hlc }` (see `MutationEnvelope` for the typed form). The
 * request only checks the envelope's outer shape, so one bad mutation is answered `rejected` on its own
 * and never fails the ones beside it; the server checks `name` and `args` mutation by mutation.
 */
export const PushedMutation = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  hlc: z.string().min(1).max(64),
});
export type PushedMutation = z.infer<typeof PushedMutation>;

/**
 * `POST /v1/sync/push` body: the protocol version the client speaks and up to `MAX_PUSH_BATCH`
 * mutations in outbox order. The team is the token's, never named in the request.
 */
export const PushRequest = z.strictObject({
  protocolVersion: z.number().int().min(0),
  mutations: z.array(PushedMutation).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * The server's answer for one mutation, by its id:
 * - `applied`: committed now;
 * - `duplicate`: this id was applied before (a retry, or the same row pushed twice); nothing changed;
 * - `rejected`: it can never apply (`sync_mutation_invalid`: unknown name, args not of its shape), or
 *   not yet (`sync_clock_skew`: its clock stamp is too far ahead; it is not recorded, so a later push
 *   applies it). A permanent rejection is recorded, so a retry answers the same `rejected` again.
 */
export const PushResult = z.discriminatedUnion('status', [
  z.strictObject({ id: z.string(), status: z.literal('applied') }),
  z.strictObject({ id: z.string(), status: z.literal('duplicate') }),
  z.strictObject({
    id: z.string(),
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
  }),
]);
export type PushResult = z.infer<typeof PushResult>;

/** `POST /v1/sync/push` answer: one result per pushed mutation, in the order they were sent. */
export const PushResponse = z.strictObject({
  protocolVersion: z.number().int(),
  results: z.array(PushResult),
});
export type PushResponse = z.infer<typeof PushResponse>;
