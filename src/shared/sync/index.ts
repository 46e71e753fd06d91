import { z } from 'zod';
import { changeMutations } from './changes';
import { joinMutations } from './join';
import { batchMutations } from './mutations/batches';
import { Hlc, RowId } from './protocol';

/**
 * The sync wire format: every mutation the desktop's outbox records and the server accepts, by name.
 * Args are JSON; times are UTC epoch ms; ids are UUIDv7. Written in the same transaction as the change.
 */
export const mutations = joinMutations(changeMutations, batchMutations);
export type Mutations = typeof mutations;
export type MutationName = keyof Mutations;
/** The args a mutation carries, as its schema gives them back. */
export type MutationArgs<N extends MutationName> = z.output<Mutations[N]>;
export type BatchName = keyof typeof batchMutations;

export const isMutationName = (name: string): name is MutationName => Object.hasOwn(mutations, name);

/** A mutation as pushed: `{ id (UUIDv7), name, args, hlc }`, typed by its name. */
export type MutationEnvelope = {
  [N in MutationName]: { id: string; name: N; args: MutationArgs<N>; hlc: string };
}[MutationName];

const envelopeOptions = (Object.keys(mutations) as MutationName[]).map((name) =>
  z.strictObject({ id: RowId, name: z.literal(name), args: mutations[name], hlc: Hlc }),
);

/**
 * Validates one pushed mutation: `id` is a UUIDv7 (the server applies an id at most once, so a retry is
 * harmless), `name` one of `mutations`, `args` that mutation's shape, `hlc` a clock stamp (`Hlc`).
 */
export const MutationEnvelope = z.discriminatedUnion(
  'name',
  envelopeOptions as unknown as [(typeof envelopeOptions)[number], ...typeof envelopeOptions],
) as unknown as z.ZodType<MutationEnvelope>;

/**
 * Checks `args` against the schema of mutation `name`. Returns null when they match, else the issues
 * as one line (`path: message; …`), or `unknown mutation` for a name no schema declares.
 */
export const mutationIssues = (name: string, args: unknown): string | null => {
  if (!isMutationName(name)) return `unknown mutation "${name}"`;
  const parsed = (mutations[name] as z.ZodType).safeParse(args);
  if (parsed.success) return null;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ');
};

export { type Change, type ChangeName, changeMutations } from './changes';
export { joinMutations } from './join';
export {
  EpochMs,
  Hlc,
  MAX_CLOCK_SKEW_MS,
  MAX_PUSH_BATCH,
  PushedMutation,
  PushRequest,
  PushResponse,
  PushResult,
  RowId,
  SYNC_PROTOCOL_VERSION,
} from './protocol';
