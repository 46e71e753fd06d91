import { BUILTIN_OUTCOME_IDS, type Outcome } from '@shared/domain/outcome';
import type { DncKind } from '@shared/domain/queue';
import { templateProblems } from '@shared/scripts/variables';
import type { AddTeamDncInput, PutTeamScriptInput } from '@shared/server/definitions';
import { readDncInput } from '@shared/tasks/dncInput';
import { ServerError } from '../errors';

/**
 * Checks a team script's placeholders with the desktop's own rule (`templateProblems`): every
 * `{{name}}` must be a script variable and no brace is left open. Throws `script_unknown_variable`
 * (400) with `details.problems` (e.g. `["{{compnay}}"]`).
 */
export const checkTeamScript = (input: PutTeamScriptInput): void => {
  const problems = templateProblems(input.body);
  if (problems.length === 0) return;
  throw new ServerError(
    'script_unknown_variable',
    `The script uses placeholders Dialdeck cannot fill: ${problems.join(', ')}. Use only the listed variables, written as {{name}}.`,
    { problems },
  );
};

/**
 * Checks a whole outcome set: every built-in outcome (`BUILTIN_OUTCOME_IDS`) is in it, each still
 * marked built-in (the desktop's logic names them), no id twice, and an outcome the team added is not
 * marked built-in. Throws `invalid_input` (400) naming the rule broken and the ids.
 */
export const checkOutcomeSet = (outcomes: readonly Outcome[]): void => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const outcome of outcomes) {
    if (seen.has(outcome.id)) twice.add(outcome.id);
    seen.add(outcome.id);
  }
  if (twice.size > 0) {
    throw new ServerError(
      'invalid_input',
      `Each outcome needs its own id; used more than once: ${[...twice].join(', ')}. Rename the added outcome.`,
      { duplicates: [...twice] },
    );
  }
  const missing = BUILTIN_OUTCOME_IDS.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    throw new ServerError(
      'invalid_input',
      `Built-in outcomes cannot be removed (make them inactive instead); missing: ${missing.join(', ')}.`,
      { missing },
    );
  }
  const builtin = new Set<string>(BUILTIN_OUTCOME_IDS);
  const wrong = outcomes.filter((o) => o.builtin !== builtin.has(o.id)).map((o) => o.id);
  if (wrong.length > 0) {
    throw new ServerError(
      'invalid_input',
      `Only Dialdeck's own outcomes are built-in; fix the "builtin" mark of: ${wrong.join(', ')}.`,
      { builtinMismatch: wrong },
    );
  }
};

const KIND_EXAMPLE: Record<DncKind, string> = {
  phone: 'a phone number such as +1 415 555 0100, or one written locally with its country',
  email: 'an email address such as jo@example.com',
  domain: 'an email domain such as example.com',
};

/**
 * The stored form of a do-not-contact value as a person types it: a phone number to E.164 (read with
 * libphonenumber-js through the desktop's own `readDncInput`; `region` is the default country for a
 * number written without `+`), an email address or a domain (`example.com` or `@example.com`) in lower
 * case. Throws `dnc_invalid_value` (400, details `{ kind, value }`) when `value` is not of `kind`.
 */
export const normaliseTeamDnc = (input: Pick<AddTeamDncInput, 'kind' | 'value' | 'region'>): string => {
  const text = input.value.trim();
  const typed =
    input.kind === 'domain'
      ? `@${text.replace(/^@/, '')}`
      : text.replace(/^mailto:/i, '').replace(/^tel:/i, '');
  if (input.kind === 'phone' && !typed.startsWith('+') && input.region === undefined) {
    throw new ServerError(
      'dnc_invalid_value',
      `"${text}" has no country code: write it with + and the country code, or choose its country.`,
      { kind: input.kind, value: text },
    );
  }
  const read = readDncInput(typed, input.region ?? 'US');
  if (read === null || read.kind !== input.kind) {
    throw new ServerError(
      'dnc_invalid_value',
      `"${text}" is not ${KIND_EXAMPLE[input.kind]}. Check it, or choose the kind that fits.`,
      { kind: input.kind, value: text },
    );
  }
  return read.value;
};
