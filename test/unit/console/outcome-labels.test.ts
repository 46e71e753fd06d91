import { DEFAULT_OUTCOMES } from '@shared/domain/outcome';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  labelToKeep,
  shownOutcomeLabel,
} from '../../../src/console/src/features/definitions/utils/outcomeLabels';
import { outcomeLabel } from '../../../src/renderer/src/features/outcomes/utils/labels';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

const noAnswer = DEFAULT_OUTCOMES.find((outcome) => outcome.id === 'no_answer');
if (!noAnswer) throw new Error('no built-in no_answer outcome');

describe('the console’s outcome labels, in ko', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'ko',
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
      interpolation: { escapeValue: false },
    });
  });

  it('shows every unedited built-in outcome by its Korean name, as the desktop does', () => {
    for (const outcome of DEFAULT_OUTCOMES) {
      const shown = shownOutcomeLabel(outcome, i18next.t);
      expect(shown).toBe(ko.outcomes.names[outcome.id as keyof typeof ko.outcomes.names]);
      expect(shown).not.toBe(outcome.label);
      expect(shown).toBe(outcomeLabel(outcome, i18next.t));
    }
  });

  it('keeps the shipped English label when the Korean name is left as it is, so nothing custom is saved', () => {
    const korean = shownOutcomeLabel(noAnswer, i18next.t);
    expect(labelToKeep(noAnswer, korean, i18next.t)).toBe(noAnswer.label);
    expect(labelToKeep(noAnswer, ` ${korean} `, i18next.t)).toBe(noAnswer.label);
    expect(labelToKeep(noAnswer, noAnswer.label, i18next.t)).toBe(noAnswer.label);
  });

  it('keeps a manager’s rename, and a team outcome’s label, as typed', () => {
    expect(labelToKeep(noAnswer, '부재중 (두 번째)', i18next.t)).toBe('부재중 (두 번째)');
    const renamed = { ...noAnswer, label: '부재중 (두 번째)' };
    expect(shownOutcomeLabel(renamed, i18next.t)).toBe('부재중 (두 번째)');
    expect(labelToKeep({ id: 'demo_scheduled' }, '데모 예약', i18next.t)).toBe('데모 예약');
    expect(shownOutcomeLabel({ id: 'demo_scheduled', label: 'Demo scheduled' }, i18next.t)).toBe(
      'Demo scheduled',
    );
  });
});
