import type { ScriptLanguage } from '@shared/domain/script';
import { estimateReading, VOICEMAIL_LIMIT_SECONDS } from '@shared/scripts/estimate';
import { renderTemplate, type ScriptValues } from '@shared/scripts/variables';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

/** A lead and rep as a rep in each market would have them, with a full callback number. */
type Builtins = Record<'vmTrigger' | 'vmPain', { name: string; body: string }>;
const TYPICAL: Record<ScriptLanguage, { builtin: Builtins; values: ScriptValues }> = {
  en: {
    builtin: en.scripts.builtin,
    values: {
      firstName: 'Jane',
      company: 'Acme Logistics',
      repName: 'Sam Lee',
      repPhone: '+1 415 555 0100',
      trigger: 'your Series B news',
      painPoint: 'slow manual dialing',
      currentTool: 'Salesforce',
    },
  },
  'zh-CN': {
    builtin: zhCN.scripts.builtin,
    values: {
      firstName: '伟',
      company: '顺达物流',
      repName: '李明',
      repPhone: '+86 138 0013 8000',
      trigger: '贵公司刚完成B轮融资',
      painPoint: '手动拨号太慢',
      currentTool: 'Salesforce',
    },
  },
  ko: {
    builtin: ko.scripts.builtin,
    values: {
      firstName: '민준',
      company: '한빛물류',
      repName: '이서연',
      repPhone: '010-1234-5678',
      trigger: '시리즈 B 투자 유치',
      painPoint: '느린 수동 발신',
      currentTool: 'Salesforce',
    },
  },
};

describe('built-in voicemail scripts', () => {
  it.each(Object.keys(TYPICAL) as ScriptLanguage[])('fit in 20 seconds in %s, filled', (language) => {
    const { builtin, values } = TYPICAL[language];
    for (const script of [builtin.vmTrigger, builtin.vmPain]) {
      const filled = renderTemplate(script.body, values);
      expect(filled.missing).toEqual([]);
      const { seconds } = estimateReading(filled.text, language);
      expect(seconds, `${language}: ${filled.text}`).toBeGreaterThan(5);
      expect(seconds, `${language}: ${filled.text}`).toBeLessThanOrEqual(VOICEMAIL_LIMIT_SECONDS);
    }
  });
});
