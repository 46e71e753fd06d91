import { ErrorCode } from '@shared/api/contract';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translatedError } from '../../../src/renderer/src/i18n/errors';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

const languages = { en, 'zh-CN': zhCN, ko } as const;

/** The `{{name}}` placeholders a message fills, sorted. */
const paramsOf = (message: string): string[] =>
  [...message.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] ?? '').sort();

const codesOf = (resources: (typeof languages)[keyof typeof languages]): Record<string, unknown> =>
  resources.errors.codes;

describe('every error code of the contract has a message', () => {
  it.each(ErrorCode.options)('%s: in en, zh-CN and ko, with the same params', (code) => {
    const messages = Object.entries(languages).map(([language, resources]) => {
      const message = codesOf(resources)[code];
      expect(typeof message, `${language} errors.codes.${code}`).toBe('string');
      expect((message as string).trim().length, `${language} errors.codes.${code}`).toBeGreaterThan(0);
      return message as string;
    });
    const [first, ...rest] = messages.map(paramsOf);
    for (const params of rest) expect(params).toEqual(first);
  });

  it('storage and file failures name the path and unexpected errors name the log', () => {
    for (const code of ErrorCode.options.filter(
      (c) =>
        (c.startsWith('store_') && c !== 'store_newer_version') ||
        c.startsWith('file_') ||
        c === 'data_dir_not_directory',
    )) {
      expect(paramsOf(en.errors.codes[code])).toContain('path');
    }
    expect(paramsOf(en.errors.codes.internal)).toContain('log');
  });

  it('no language keeps a message for a code the contract no longer has', () => {
    for (const resources of Object.values(languages)) {
      expect(Object.keys(codesOf(resources)).sort()).toEqual([...ErrorCode.options].sort());
    }
  });
});

describe('translatedError', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
      interpolation: { escapeValue: false },
    });
  });

  it('shows a storage failure in the interface language with its path', async () => {
    const path = '/home/sam/.config/Dialdeck/dialdeck.sqlite';
    for (const language of ['en', 'zh-CN', 'ko'] as const) {
      await i18next.changeLanguage(language);
      const text = translatedError('store_disk_full', 'English text', { path });
      expect(text).toContain(path);
      expect(text).not.toContain('{{');
      expect(text).toBe(languages[language].errors.codes.store_disk_full.replace('{{path}}', path));
    }
  });

  it("keeps the core's precise English wording in English, and translates by code elsewhere", async () => {
    await i18next.changeLanguage('en');
    expect(translatedError('invalid_input', '--limit: "0" is not a whole number from 1 to 500.')).toBe(
      '--limit: "0" is not a whole number from 1 to 500.',
    );
    await i18next.changeLanguage('ko');
    expect(translatedError('invalid_input', 'whatever')).toBe(ko.errors.codes.invalid_input);
    expect(translatedError('no_such_code', 'as sent')).toBe('as sent');
  });

  it('shows a refused team-definition edit with the text for its kind, in ko and zh-CN', async () => {
    const kinds = ['script', 'cadence', 'outcomeSet', 'dnc'] as const;
    for (const [language, resources] of [
      ['ko', ko],
      ['zh-CN', zhCN],
    ] as const) {
      await i18next.changeLanguage(language);
      const shown = kinds.map((kind) =>
        translatedError('team_definition_read_only', 'The cadence "Mine" is set…', { kind }),
      );
      expect(shown).toEqual(kinds.map((kind) => resources.errors.teamDefinitionReadOnly[kind]));
      expect(new Set(shown).size).toBe(kinds.length);
    }
    // Only the script's text suggests a personal script.
    expect(ko.errors.teamDefinitionReadOnly.script).toContain('개인 스크립트');
    expect(ko.errors.teamDefinitionReadOnly.dnc).not.toContain('개인 스크립트');
    await i18next.changeLanguage('en');
    expect(
      translatedError('team_definition_read_only', 'The cadence "Mine" is set…', { kind: 'cadence' }),
    ).toBe('The cadence "Mine" is set…');
  });
});
