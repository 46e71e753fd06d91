import { z } from 'zod';

/** One API method: the schema of what it takes and of what it gives back. */
export type MethodDef = { input: z.ZodType; output: z.ZodType };

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Stable error codes a caller can meet; the message says what to do. */
export const ErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'unknown_method',
  'conflict',
  'store_newer_version',
  'store_disk_full',
  'store_read_only',
  'store_busy',
  'store_corrupt',
  'store_not_a_database',
  'store_permission_denied',
  'store_empty_file',
  'store_io_error',
  'import_empty_file',
  'import_too_large',
  'import_not_csv',
  'import_no_header',
  'import_no_name_column',
  'import_wrong_delimiter',
  'import_ragged_rows',
  'import_busy',
  'import_unreadable',
  'forbidden',
  'not_built',
  /** A stored setting failed its schema; it is left untouched (details: `{ key, reason }`). */
  'settings_unreadable',
  /** A script uses a `{{name}}` that is not a script variable, or leaves braces open (details: `{ problems }`). */
  'script_unknown_variable',
  /** Text to time has nothing in it to read aloud. */
  'script_empty_text',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Values a translated message fills in (`{{path}}`, `{{value}}`, `{{log}}`…), so each language can
 * word the error itself; `message` is the core's English wording of the same thing.
 */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParams>;

export const ApiErrorShape = z.object({
  code: z.string(),
  message: z.string(),
  params: ErrorParams.optional(),
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Joins per-domain method maps into one, refusing two methods with one name. */
export const joinDomains = <T extends Record<string, MethodDef>[]>(...domains: T) => {
  const joined: Record<string, MethodDef> = {};
  for (const domain of domains) {
    for (const [name, def] of Object.entries(domain)) {
      if (name in joined) throw new Error(`API method "${name}" is declared twice`);
      joined[name] = def;
    }
  }
  return joined as UnionToIntersection<T[number]>;
};

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;
