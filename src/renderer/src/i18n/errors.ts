import { ErrorCode, type ErrorParams } from '@shared/api/contract';
import i18next from 'i18next';

const isErrorCode = (code: string): code is ErrorCode => ErrorCode.safeParse(code).success;

/** Codes whose message differs by the `kind` param: the section holding one message per kind. */
const messagesByKind: Partial<Record<ErrorCode, string>> = {
  team_definition_read_only: 'errors.teamDefinitionReadOnly',
};

/** The translated message for a code that has one per `params.kind`, or undefined. */
const kindMessage = (code: ErrorCode, params: ErrorParams | undefined): string | undefined => {
  const section = messagesByKind[code];
  if (section === undefined || typeof params?.kind !== 'string') return undefined;
  const text: unknown = i18next.getResource(i18next.language, 'translation', `${section}.${params.kind}`);
  return typeof text === 'string' ? text : undefined;
};

/**
 * A core error in the interface language. A message the core fills from params (a path, a log file)
 * is rendered from `errors.codes.<code>` in every language; otherwise English keeps the core's own
 * wording, which names exactly what it found, and other languages show the translation for the code.
 * A code with one message per kind (`team_definition_read_only` with `params.kind`: script,
 * cadence, outcomeSet, dnc) keeps the core's English and shows that kind's text in other languages.
 * An unknown code keeps the core's message. With params `cleanup: 'next_open'` it adds that an
 * import's unpublished rows wait for the next open.
 */
export const translatedError = (code: string, message: string, params?: ErrorParams): string => {
  if (!isErrorCode(code)) return message;
  if (messagesByKind[code] !== undefined && typeof params?.kind === 'string') {
    if (i18next.language === 'en') return message;
    const byKind = kindMessage(code, params);
    if (byKind !== undefined) return byKind;
  }
  if (params === undefined && i18next.language === 'en') return message;
  const text = i18next.t(`errors.codes.${code}`, { ...params, defaultValue: message });
  // An import stopped by this failure left rows that the next open removes.
  return params?.cleanup === 'next_open' ? `${text} ${i18next.t('errors.cleanupOnNextOpen')}` : text;
};

/** The `{{name}}` placeholders a message fills. */
const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1] ?? '');

/**
 * A rejected or warned import row's reason in the interface language: `rejectReasons.<code>` filled
 * from the row's params (`value`: the offending cell). A code without a translation, or a row that
 * lacks a param its translation needs, keeps the core's English message.
 */
export const translatedReason = (row: {
  code: string;
  message: string;
  params?: ErrorParams | undefined;
}): string => {
  const key = `rejectReasons.${row.code}`;
  const template: unknown = i18next.getResource(i18next.language, 'translation', key);
  if (typeof template !== 'string') return row.message;
  const params = row.params ?? {};
  if (!placeholdersOf(template).every((name) => Object.hasOwn(params, name))) return row.message;
  return i18next.t(key as 'rejectReasons.missing_name', { ...params, defaultValue: row.message });
};
