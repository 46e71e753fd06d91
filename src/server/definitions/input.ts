import { type CadenceDefinition, isDialStep } from '@shared/domain/cadence';
import { BUILTIN_OUTCOME_IDS, type Outcome, outcomeSetProblems } from '@shared/domain/outcome';
import type { DncKind } from '@shared/domain/queue';
import { templateProblems } from '@shared/scripts/variables';
import type { AddTeamDncInput, PutTeamScriptInput } from '@shared/server/definitions';
import { dncDomainMessage, readDncEntry } from '@shared/tasks/dncInput';
import { isSupportedCountry } from 'libphonenumber-js/min';
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
 * marked built-in, and then the shared rules of `outcomeSetProblems` (built-ins keep their status,
 * effect and transition; `do_not_contact` stays active; something else is loggable). Throws
 * `invalid_input` (400) naming the rule broken and the ids (`details.problems` for the shared rules).
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
  const problems = outcomeSetProblems(outcomes);
  if (problems.length > 0) throw new ServerError('invalid_input', problems.join(' '), { problems });
};

/**
 * Checks that every outcome a cadence's dial steps name in their transitions is in the team's outcome
 * set (`outcomes`), so no transition waits for an outcome nobody can log. Throws `invalid_input` (400)
 * naming the unknown ids, with `details.unknownOutcomes` (e.g. `["no_anwser"]`).
 */
export const checkCadenceOutcomes = (cadence: CadenceDefinition, outcomes: readonly Outcome[]): void => {
  const known = new Set(outcomes.map((outcome) => outcome.id));
  const unknown = new Set<string>();
  for (const step of cadence.steps) {
    if (!isDialStep(step.kind)) continue;
    for (const key of Object.keys(step.on)) if (!known.has(key)) unknown.add(key);
  }
  if (unknown.size === 0) return;
  throw new ServerError(
    'invalid_input',
    `The cadence's transitions name outcomes the team does not have: ${[...unknown].join(', ')}. Use an outcome of the team's outcome set, or add it there first.`,
    { unknownOutcomes: [...unknown] },
  );
};

const KIND_EXAMPLE: Record<DncKind, string> = {
  phone: 'a phone number such as +1 415 555 0100, or one written locally with its country',
  email: 'an email address such as jo@example.com',
  domain: 'an email domain such as example.com',
};

/**
 * The stored form of a do-not-contact value as a person types it: a phone number to E.164 (read with
 * libphonenumber-js through the desktop's own `readDncEntry`; `region` is the default country for a
 * number written without `+`), an email address in lower case, or a domain (`example.com` or
 * `@example.com`) as its ASCII host name by the desktop's own rule (`readDncDomain`: an IDN becomes
 * punycode; `dncDomainMessage` when it is not a domain name). Throws `dnc_invalid_value` (400, details `{ kind, value }`) when `value` is not of `kind`.
 */
export const normaliseTeamDnc = (input: Pick<AddTeamDncInput, 'kind' | 'value' | 'region'>): string => {
  const text = input.value.trim();
  if (input.region !== undefined && !isSupportedCountry(input.region)) {
    throw new ServerError(
      'dnc_invalid_value',
      `The country code "${input.region}" is unknown. Choose the number's country from the list (an ISO 3166 code such as US or DE), or write the number with + and its country code.`,
      { kind: input.kind, value: text, region: input.region },
    );
  }
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
  const read = readDncEntry(typed, input.region ?? 'US');
  if (input.kind === 'domain' && !read.ok && read.problem === 'bad_domain') {
    throw new ServerError('dnc_invalid_value', dncDomainMessage(text), { kind: 'domain', value: text });
  }
  if (!read.ok || read.kind !== input.kind) {
    throw new ServerError(
      'dnc_invalid_value',
      `"${text}" is not ${KIND_EXAMPLE[input.kind]}. Check it, or choose the kind that fits.`,
      { kind: input.kind, value: text },
    );
  }
  return read.value;
};
