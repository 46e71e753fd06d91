import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';
import { normaliseTeamDnc } from '../../../src/server/definitions/input';
import { dncDomainMessage, readDncDomain, readDncEntry } from '../../../src/shared/tasks/dncInput';

const BAD_DOMAINS = [
  'exa mple.com',
  '-bad.com',
  'bad-.com',
  'a..b',
  '.example.com',
  'example.com.',
  'http://x.com/',
  'x.com/path',
  'x.com:8080',
  'localhost',
  '1.2.3.4',
  'under_score.com',
  `${'a'.repeat(64)}.com`,
  `${'abcdefghi.'.repeat(26)}com`,
  '[::1]',
  'ex%61mple.com',
];

/** What the server answers for `value` as a domain: the stored value, or its error's code and message. */
const onServer = (value: string) => {
  try {
    return { value: normaliseTeamDnc({ kind: 'domain', value }) };
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
};

describe('one do-not-contact domain rule for the desktop and the team server', () => {
  it('keeps a domain in lower-case ASCII, an IDN as punycode, on both sides', () => {
    for (const [typed, stored] of [
      ['Example.COM', 'example.com'],
      ['mail.acme-corp.co.uk', 'mail.acme-corp.co.uk'],
      ['bücher.de', 'xn--bcher-kva.de'],
      ['XN--BCHER-KVA.de', 'xn--bcher-kva.de'],
      ['例え.jp', 'xn--r8jz45g.jp'],
      ['3m.com', '3m.com'],
    ] as const) {
      expect(readDncDomain(typed)).toBe(stored);
      expect(readDncEntry(`@${typed}`, 'US')).toEqual({ ok: true, kind: 'domain', value: stored });
      expect(onServer(typed)).toEqual({ value: stored });
      expect(onServer(`@${typed}`)).toEqual({ value: stored });
    }
  });

  it('refuses each malformed domain on the desktop and on the server, with the same words', () => {
    for (const bad of BAD_DOMAINS) {
      expect(readDncDomain(bad), bad).toBeNull();
      expect(readDncEntry(`@${bad}`, 'US'), bad).toEqual({ ok: false, problem: 'bad_domain' });
      expect(onServer(bad), bad).toEqual({ code: 'dnc_invalid_value', message: dncDomainMessage(bad) });
    }
  });

  it("shows the server's message on the desktop in English, and the value in every language", () => {
    const value = '-bad.com';
    expect(en.tasks.dnc.invalidDomain.replace('{{value}}', value)).toBe(dncDomainMessage(value));
    for (const resources of [zhCN, ko]) {
      expect(resources.tasks.dnc.invalidDomain).toContain('{{value}}');
      expect(resources.tasks.dnc.invalidDomain).not.toBe(en.tasks.dnc.invalidDomain);
    }
  });

  it('tells a malformed domain apart from a value that is no entry at all', () => {
    expect(readDncEntry('hello there', 'US')).toEqual({ ok: false, problem: 'not_recognised' });
    expect(readDncEntry('@a..b', 'US')).toEqual({ ok: false, problem: 'bad_domain' });
    expect(readDncEntry('jo@acme.com', 'US')).toEqual({ ok: true, kind: 'email', value: 'jo@acme.com' });
  });
});
