import { CADENCE_FILE_FORMAT, type CadenceDefinition } from '@shared/domain/cadence';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cadenceFileText,
  checkCadence,
  draftOf,
  readCadenceFile,
} from '../../../src/console/src/features/definitions/utils/cadenceDraft';
import { importFailureText } from '../../../src/console/src/features/definitions/utils/cadenceImport';
import { cadenceIssueText } from '../../../src/console/src/features/definitions/utils/cadenceIssues';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

const cadence: CadenceDefinition = {
  id: '0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
  name: 'Inbound fast',
  description: '',
  rule: null,
  priority: 10,
  limits: {},
  steps: [
    {
      id: 'call-1',
      kind: 'call',
      title: 'Call',
      wait: { amount: 0, unit: 'minutes' },
      maxAttempts: 2,
      on: {},
    },
    {
      id: 'email-1',
      kind: 'email',
      title: 'Email',
      wait: { amount: 1, unit: 'business_days' },
      maxAttempts: 1,
      on: { skipped: { action: 'goto', step: 'call-1' } },
    },
  ],
};

/** The texts the editor shows for a draft's problems, "Step N: …" for a step's. */
const shown = (definition: CadenceDefinition): string[] =>
  checkCadence(draftOf(definition)).problems.map((problem) =>
    problem.step === null
      ? cadenceIssueText(problem.words, i18next.t)
      : i18next.t('console.definitions.cadences.stepProblem', {
          n: problem.step,
          message: cadenceIssueText(problem.words, i18next.t),
        }),
  );

const withSecondStep = (patch: Partial<CadenceDefinition['steps'][number]>): CadenceDefinition => ({
  ...cadence,
  steps: [
    cadence.steps[0] as CadenceDefinition['steps'][number],
    { ...(cadence.steps[1] as CadenceDefinition['steps'][number]), ...patch },
  ],
});

describe('cadence problems in words', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
      interpolation: { escapeValue: false },
    });
  });

  it('names the step and the field in English, with no zod wording', async () => {
    await i18next.changeLanguage('en');
    expect(shown(withSecondStep({ title: '' }))).toEqual(['Step 2: The title is empty: type one.']);
    expect(shown(withSecondStep({ maxAttempts: 40 }))).toEqual([
      'Step 2: The number of attempts must be at most 20.',
    ]);
    expect(shown(withSecondStep({ on: { skipped: { action: 'goto', step: 'nowhere' } } }))).toEqual([
      'Step 2: The step the rule for “skipped” goes to is not in this cadence: choose one of its steps.',
    ]);
    expect(shown({ ...cadence, name: ' ' })).toEqual(['The name is empty: type one.']);
    for (const text of shown(withSecondStep({ title: '' }))) expect(text).not.toMatch(/Too small|expected/);
  });

  it('says the same in Korean', async () => {
    await i18next.changeLanguage('ko');
    expect(shown(withSecondStep({ title: '' }))).toEqual(['2단계: 제목이(가) 비어 있습니다. 입력하세요.']);
    expect(shown(withSecondStep({ maxAttempts: 40 }))).toEqual([
      '2단계: 시도 횟수은(는) 20 이하여야 합니다.',
    ]);
  });

  it('says which cadence and step of an imported file has a problem, in words', async () => {
    await i18next.changeLanguage('en');
    const file = JSON.parse(cadenceFileText([cadence, withSecondStep({ title: '' })]));
    let failure: unknown;
    try {
      readCadenceFile(JSON.stringify(file));
    } catch (caught) {
      failure = caught;
    }
    expect(importFailureText(failure, i18next.t)).toBe(
      'This is a Dialdeck cadence file, but cadence 2 has a problem — step 2: The title is empty: type one. Fix it in the file and import it again; nothing was imported.',
    );
    expect(
      importFailureText(
        captured(() => readCadenceFile('{')),
        i18next.t,
      ),
    ).toBe(en.console.definitions.cadences.importNotJson);
    expect(
      importFailureText(
        captured(() => readCadenceFile(JSON.stringify({ ...file, format: 'other' }))),
        i18next.t,
      ),
    ).toMatch(/^This file is not a Dialdeck cadence file: format/);
    expect(file.format).toBe(CADENCE_FILE_FORMAT);
  });
});

const captured = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (caught) {
    return caught;
  }
  return undefined;
};
