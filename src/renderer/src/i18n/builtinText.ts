import i18next from 'i18next';
import { en } from './resources/en';

/** Every built-in text the core stores in English (cadence names, descriptions, step and task titles) → its key. */
const KEYS: ReadonlyMap<string, string> = (() => {
  const keys = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') keys.set(node, path);
    else if (node && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) walk(child, `${path}.${name}`);
    }
  };
  walk(en.cadences.builtin, 'cadences.builtin');
  return keys;
})();

/**
 * Text the core stored in English for a built-in cadence or task, in the interface language: the
 * built-in cadences' names, descriptions and step titles, and the callback task's title, found by
 * their stored English and rendered from `cadences.builtin`. Text a team wrote or edited has no key
 * and is shown as stored; so is null.
 */
export const builtinText = <T extends string | null>(stored: T): T => {
  if (stored === null) return stored;
  const key = KEYS.get(stored);
  return key ? (i18next.t(key as 'cadences.builtin.callbackTask', { defaultValue: stored }) as T) : stored;
};
