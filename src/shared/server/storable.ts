import type { z } from 'zod';

/** Half of a UTF-16 surrogate pair without its other half (JavaScript strings are UTF-16). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `text` in a text or jsonb column: no NUL, no lone surrogate. */
export const isStorableText = (text: string): boolean =>
  !text.includes(String.fromCharCode(0)) && !LONE_SURROGATE.test(text);

/** The paths (e.g. `["definition","steps",2,"title"]`) of every string in `value` that cannot be stored. */
const unstorablePaths = (value: unknown, path: PropertyKey[] = []): PropertyKey[][] => {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorablePaths(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unstorablePaths(item, [...path, key]));
  }
  return [];
};

/**
 * One refinement for every team-server request body: any text anywhere in it with a NUL character or
 * a broken character (a lone UTF-16 surrogate) is refused up front with an issue at its path, since
 * PostgreSQL cannot store it (SQLSTATE 22P05/22021). Returns `schema` with the check added.
 */
export const storable = <T extends z.ZodType>(schema: T): T =>
  schema.superRefine((value, ctx) => {
    for (const path of unstorablePaths(value)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message:
          'holds a NUL character or a broken character (a lone half of a surrogate pair) that cannot be stored; remove it',
      });
    }
  }) as T;
