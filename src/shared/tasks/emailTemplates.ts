import type { ScriptLanguage } from '../domain/script';

/** A follow-up email as written: `{{variable}}` placeholders (see `SCRIPT_VARIABLES`) in both parts. */
export type EmailTemplate = { subject: string; body: string; language: ScriptLanguage };

/**
 * The fixed ids (UUIDv7) of the built-in follow-up emails, one per language, so every desktop and the
 * server name them alike. They are never stored: `emailTemplates.list` shows them read-only.
 */
export const BUILTIN_EMAIL_TEMPLATE_IDS: Record<ScriptLanguage, string> = {
  en: '0190a000-0000-7000-8000-00000000e001',
  'zh-CN': '0190a000-0000-7000-8000-00000000e002',
  ko: '0190a000-0000-7000-8000-00000000e003',
};

/** The language of a built-in email template's id, or null for any other id. */
export const builtinEmailLanguage = (id: string): ScriptLanguage | null => {
  for (const [language, builtinId] of Object.entries(BUILTIN_EMAIL_TEMPLATE_IDS)) {
    if (builtinId === id) return language as ScriptLanguage;
  }
  return null;
};

/**
 * The built-in follow-up email of a cadence's email step, one per interface language: PLAYBOOK's
 * routine step 5 ("send a follow-up email") after a call attempt, naming the research's trigger and
 * pain point and signed with the rep's name and number.
 */
export const BUILTIN_EMAIL_TEMPLATES: Record<ScriptLanguage, EmailTemplate> = {
  en: {
    language: 'en',
    subject: '{{company}}: following up, {{firstName}}',
    body: [
      'Hi {{firstName}},',
      '',
      'I tried to reach you by phone today. I saw {{trigger}} and thought a short conversation about {{painPoint}} could be worth your time.',
      '',
      'Would 15 minutes this week work for you?',
      '',
      'Best regards,',
      '{{repName}}',
      '{{repPhone}}',
    ].join('\n'),
  },
  'zh-CN': {
    language: 'zh-CN',
    subject: '{{company}}：{{firstName}}，跟进一下',
    body: [
      '{{firstName}}，您好：',
      '',
      '今天我试着给您打过电话。我注意到{{trigger}}，想和您简短聊聊{{painPoint}}，或许对您有帮助。',
      '',
      '本周您方便抽出 15 分钟吗？',
      '',
      '祝好，',
      '{{repName}}',
      '{{repPhone}}',
    ].join('\n'),
  },
  ko: {
    language: 'ko',
    subject: '{{company}}: {{firstName}}님, 후속 연락드립니다',
    body: [
      '{{firstName}}님, 안녕하세요.',
      '',
      '오늘 전화로 연락드렸습니다. {{trigger}} 소식을 보고 {{painPoint}}에 대해 짧게 이야기 나누면 도움이 될 것 같아 메일 드립니다.',
      '',
      '이번 주에 15분 정도 시간 괜찮으실까요?',
      '',
      '감사합니다.',
      '{{repName}}',
      '{{repPhone}}',
    ].join('\n'),
  },
};
