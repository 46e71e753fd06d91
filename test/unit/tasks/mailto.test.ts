import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, decideNavigation, type RendererLocation } from '../../../src/main/security';
import { linkedinSearchUrl } from '../../../src/shared/tasks/linkedin';
import { buildMailto, isMailtoTooLong, MAILTO_SAFE_LENGTH, toCrlf } from '../../../src/shared/tasks/mailto';

/** Reads a mailto URL back the way a mail client does (RFC 6068 §2: hfields after `?`, `&`-joined). */
const parse = (url: string) => {
  expect(url.startsWith('mailto:')).toBe(true);
  const [to = '', query = ''] = url.slice('mailto:'.length).split('?');
  const fields = Object.fromEntries(
    query
      .split('&')
      .filter((f) => f !== '')
      .map((f) => {
        const [name = '', value = ''] = f.split('=');
        return [name, decodeURIComponent(value)];
      }),
  );
  return { to: decodeURIComponent(to), fields };
};

describe('buildMailto (RFC 6068)', () => {
  it('writes the address, then subject and body percent-encoded', () => {
    expect(buildMailto({ to: 'jane@acme.com', subject: 'Hi there', body: 'Line one' })).toBe(
      'mailto:jane@acme.com?subject=Hi%20there&body=Line%20one',
    );
  });

  it('encodes the characters that would end or split a field: & ? # % = and +', () => {
    const subject = 'Q&A? #1 at 100% = 1+1';
    const url = buildMailto({ to: 'a@b.co', subject, body: 'x' });
    const query = url.split('?').slice(1).join('?');
    // Only the one `?` that starts the fields, one `&` between them, and no raw `#` or `%` left.
    expect(url.split('?')).toHaveLength(2);
    expect(query.split('&')).toHaveLength(2);
    expect(url).not.toContain('#');
    expect(url).toContain('subject=Q%26A%3F%20%231%20at%20100%25%20%3D%201%2B1');
    expect(parse(url).fields.subject).toBe(subject);
  });

  it('turns every kind of line break into CRLF (%0D%0A)', () => {
    const url = buildMailto({ to: 'a@b.co', subject: 's', body: 'one\ntwo\r\nthree\rfour' });
    expect(url).toContain('body=one%0D%0Atwo%0D%0Athree%0D%0Afour');
    expect(url).not.toMatch(/%0A%0D|(?<!%0D)%0A/);
    expect(toCrlf('a\n\nb')).toBe('a\r\n\r\nb');
  });

  it('encodes non-ASCII text as UTF-8 bytes and reads back unchanged', () => {
    const subject = '跟进一下 · 후속 연락 · Díaz 👋';
    const body = '王伟，您好：\n김민준님, 안녕하세요.';
    const url = buildMailto({ to: 'wang@example.cn', subject, body });
    expect(url).toMatch(/^[\x21-\x7e]+$/);
    expect(url).toContain('%E8%B7%9F'); // 跟 in UTF-8
    const back = parse(url);
    expect(back.fields.subject).toBe(subject);
    expect(back.fields.body).toBe('王伟，您好：\r\n김민준님, 안녕하세요.');
  });

  it('keeps @ in the address and encodes what RFC 6068 forbids there', () => {
    const url = buildMailto({ to: ' jo+sales%1@acme.com ', subject: '', body: '' });
    expect(url).toBe('mailto:jo%2Bsales%251@acme.com');
    expect(parse(url).to).toBe('jo+sales%1@acme.com');
  });

  it('leaves out an empty subject or body', () => {
    expect(buildMailto({ to: 'a@b.co', subject: '', body: 'x' })).toBe('mailto:a@b.co?body=x');
    expect(buildMailto({ to: 'a@b.co', subject: 's', body: '' })).toBe('mailto:a@b.co?subject=s');
  });

  it('encodes a long body whole and flags it as too long for some mail clients', () => {
    const body = Array.from({ length: 300 }, (_, i) => `Line ${i} & more`).join('\n');
    const url = buildMailto({ to: 'a@b.co', subject: 's', body });
    expect(parse(url).fields.body).toBe(toCrlf(body));
    expect(url.length).toBeGreaterThan(MAILTO_SAFE_LENGTH);
    expect(isMailtoTooLong(url)).toBe(true);
    expect(isMailtoTooLong(buildMailto({ to: 'a@b.co', subject: 's', body: 'short' }))).toBe(false);
  });

  it('replaces a lone surrogate instead of throwing', () => {
    const url = buildMailto({ to: 'a@b.co', subject: `x\uD800y`, body: '' });
    expect(parse(url).fields.subject).toBe('x\uFFFDy');
  });
});

describe('linkedinSearchUrl', () => {
  it('searches people by name and company, URL-encoded', () => {
    const url = linkedinSearchUrl('Ana Díaz', 'Acme & Co');
    expect(url).toBe(
      'https://www.linkedin.com/search/results/people/?keywords=Ana%20D%C3%ADaz%20Acme%20%26%20Co',
    );
    expect(new URL(url).searchParams.get('keywords')).toBe('Ana Díaz Acme & Co');
  });

  it('searches by name alone when the company is unknown', () => {
    expect(new URL(linkedinSearchUrl(' 王伟 ', null)).searchParams.get('keywords')).toBe('王伟');
  });
});

describe('a step URL in the Electron host', () => {
  const built: RendererLocation = { pageUrl: APP_PAGE_URL };

  it('leaves the window for the OS: the mailto and the LinkedIn search pass the external-link check', () => {
    const mailto = buildMailto({ to: 'jo@acme.com', subject: 'Hi & #1', body: '王伟\nline' });
    expect(decideNavigation(mailto, built)).toBe('open-external');
    expect(decideNavigation(linkedinSearchUrl('王伟', '顺达物流'), built)).toBe('open-external');
    // A mailto with no address is still a mailto, not a page of the app.
    expect(decideNavigation(buildMailto({ to: '', subject: 's', body: 'b' }), built)).toBe('deny');
  });
});
