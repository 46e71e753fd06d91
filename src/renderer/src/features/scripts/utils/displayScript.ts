import type { Locale } from '@shared/api/settings';
import type { Script, ScriptLanguage } from '@shared/domain/script';
import i18next from 'i18next';
import { en } from '../../../i18n/resources/en';

type BuiltinKey = keyof typeof en.scripts.builtin;

/** The built-in scripts' stored English (name and body) → their key under `scripts.builtin`. */
const KEYS: ReadonlyMap<string, BuiltinKey> = new Map(
  (Object.entries(en.scripts.builtin) as Array<[BuiltinKey, { name: string; body: string }]>).map(
    ([key, text]) => [`${text.name}\n${text.body}`, key],
  ),
);

export type DisplayedScript = { name: string; body: string; language: ScriptLanguage };

/**
 * A script as the rep reads it. An unedited built-in script is shown from `scripts.builtin` in the
 * interface language (and timed in it); a script a team or rep wrote or edited is shown as stored, in
 * its own language. The raw resource is read, so its `{{variables}}` stay for the script's own filling.
 */
export const displayScript = (script: Script, locale: Locale): DisplayedScript => {
  const key = script.builtin ? KEYS.get(`${script.name}\n${script.body}`) : undefined;
  if (!key) return { name: script.name, body: script.body, language: script.language };
  const text = i18next.getResource(locale, 'translation', `scripts.builtin.${key}`) as
    | { name: string; body: string }
    | undefined;
  return text ? { name: text.name, body: text.body, language: locale } : { ...script };
};
