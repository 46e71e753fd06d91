import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';
import { HandoffReadiness } from '../../../src/shared/api/qualification';
import {
  BANT_CRITERIA,
  BUILTIN_PROFILE_ITEM_IDS,
  PROFILE_SOURCES,
} from '../../../src/shared/domain/qualification';

// The panel shows built-in items, derivations and refusals by key; a key missing in one language
// would show the key itself.
describe.each([
  ['en', en],
  ['zh-CN', zhCN],
  ['ko', ko],
] as const)('qualification text in %s', (_, resources) => {
  const q = resources.qualification as unknown as Record<string, Record<string, string>>;
  it('names every built-in checklist item', () => {
    for (const id of BUILTIN_PROFILE_ITEM_IDS) expect(q.items?.[id], id).toBeTruthy();
  });
  it('says where every derivable item comes from', () => {
    for (const source of PROFILE_SOURCES) expect(q.derived?.[source.replace(':', '_')], source).toBeTruthy();
  });
  it('names each BANT criterion and its question, and every refusal', () => {
    for (const criterion of BANT_CRITERIA) {
      expect(q.bant?.[criterion]).toBeTruthy();
      expect(q.bantQuestion?.[criterion]).toBeTruthy();
    }
    const codes = HandoffReadiness.shape.blockedBy.unwrap().options;
    for (const code of codes) {
      expect(q.blocked?.[code], code).toBeTruthy();
      expect((resources.errors.codes as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
