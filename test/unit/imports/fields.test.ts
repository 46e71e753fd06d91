import { describe, expect, it } from 'vitest';
import { isEmail, readEmail } from '../../../src/main/core/imports/normalize/email';
import { channelFor, directionFor, statusFor } from '../../../src/main/core/imports/normalize/vocab';

describe('emails', () => {
  it.each(['ana@example.com', 'Ana.Lima+crm@Example.CO.UK', 'wang.fang@例子.中国', "o'brien@example.ie"])(
    'accepts %s',
    (email) => {
      expect(isEmail(email)).toBe(true);
    },
  );

  it.each([
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana@@example.com',
    'ana lima@example.com',
    'a..b@example.com',
    '.a@example.com',
  ])('rejects %j', (email) => {
    expect(isEmail(email)).toBe(false);
  });

  it('reads a name with an address, mailto: links and several addresses', () => {
    expect(readEmail(' Ana Lima <ana@example.com> ')).toEqual({
      ok: true,
      email: 'ana@example.com',
      others: [],
    });
    expect(readEmail('mailto:ana@example.com')).toEqual({ ok: true, email: 'ana@example.com', others: [] });
    expect(readEmail('ana@example.com; ana.lima@corp.example')).toEqual({
      ok: true,
      email: 'ana@example.com',
      others: ['ana.lima@corp.example'],
    });
  });

  it('rejects a cell with any bad address and names it', () => {
    expect(readEmail('ana@example.com; nope')).toEqual({
      ok: false,
      message: '"nope" is not a valid email address.',
    });
  });
});

describe('source channels, directions and statuses', () => {
  it.each([
    ['Web form', 'web_form'],
    ['web_form', 'web_form'],
    ['Webinar', 'event'],
    ['Event', 'event'],
    ['Trade show', 'event'],
    ['展会', 'event'],
    ['웨비나', 'event'],
    ['Referral', 'referral'],
    ['Partner', 'partner'],
    ['Ads', 'ads'],
    ['Google Ads', 'ads'],
    ['Cold list', 'outbound_list'],
    ['outbound_list', 'outbound_list'],
    ['Content download', 'content_download'],
    ['Whitepaper', 'content_download'],
    ['官网表单', 'web_form'],
  ])('maps %j to %s', (text, channel) => {
    expect(channelFor(text)).toEqual({ channel, exact: true });
  });

  it('finds the channel inside a longer source and says it was not exact', () => {
    expect(channelFor('Webinar – Q3 forecasting')).toEqual({ channel: 'event', exact: false });
    expect(channelFor('LinkedIn Sales Navigator')).toEqual({ channel: 'other', exact: false });
  });

  it('reads directions and statuses in three languages', () => {
    expect(directionFor('Outbound')).toBe('outbound');
    expect(directionFor('呼入')).toBe('inbound');
    expect(directionFor('아웃바운드')).toBe('outbound');
    expect(directionFor('sideways')).toBeUndefined();
    expect(statusFor('New')).toBe('new');
    expect(statusFor('MQL')).toBe('mql');
    expect(statusFor('Do not contact')).toBe('do_not_contact');
    expect(statusFor('do_not_contact')).toBe('do_not_contact');
    expect(statusFor('跟进中')).toBe('working');
    expect(statusFor('영업 기회')).toBe('opportunity');
    expect(statusFor('Closed Won')).toBe('won');
    expect(statusFor('maybe')).toBeUndefined();
  });
});
