import { describe, expect, it } from 'vitest';
import {
  fieldForHeader,
  phoneLabelForHeader,
  suggestMapping,
} from '../../../src/main/core/imports/map/headers';

describe('header mapping', () => {
  it.each([
    ['Name', 'name'],
    ['姓名', 'name'],
    ['이름', 'name'],
    ['Full Name', 'name'],
    ['First Name', 'firstName'],
    ['first_name', 'firstName'],
    ['名', 'firstName'],
    ['Last Name', 'lastName'],
    ['姓', 'lastName'],
    ['성', 'lastName'],
    ['Company', 'company'],
    ['公司', 'company'],
    ['회사', 'company'],
    ['Job Title', 'title'],
    ['职位', 'title'],
    ['직함', 'title'],
    ['E-mail', 'email'],
    ['邮箱', 'email'],
    ['电子邮件', 'email'],
    ['이메일', 'email'],
    ['Phone', 'phone'],
    ['电话', 'phone'],
    ['手机', 'phone'],
    ['전화', 'phone'],
    ['Mobile Phone', 'phone'],
    ['Phone 2', 'phone'],
    ['Country', 'country'],
    ['国家', 'country'],
    ['국가', 'country'],
    ['State/Province', 'region'],
    ['省', 'region'],
    ['시도', 'region'],
    ['City', 'city'],
    ['城市', 'city'],
    ['도시', 'city'],
    ['Time Zone', 'timeZone'],
    ['Timezone', 'timeZone'],
    ['时区', 'timeZone'],
    ['시간대', 'timeZone'],
    ['Lead Source', 'sourceChannel'],
    ['来源', 'sourceChannel'],
    ['소스', 'sourceChannel'],
    ['Notes', 'research'],
    ['备注', 'research'],
    ['메모', 'research'],
    ['Status', 'status'],
    ['Inbound/Outbound', 'direction'],
  ] as const)('maps %j to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('ignores case, spaces, punctuation and full-width forms', () => {
    for (const header of ['  EMAIL ', 'e.mail', 'E-Mail:', 'Ｅｍａｉｌ', 'e mail'])
      expect(fieldForHeader(header)).toBe('email');
    expect(fieldForHeader('TIME_ZONE')).toBe('timeZone');
  });

  it('leaves unknown columns and fax numbers unmapped', () => {
    expect(fieldForHeader('Favourite colour')).toBeNull();
    expect(fieldForHeader('Fax')).toBeNull();
    expect(fieldForHeader('传真')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });

  it('maps several phone and email columns, but every other field once', () => {
    expect(suggestMapping(['姓名', '电话', '手机', 'Email', 'E-mail', 'Notes', 'Company', '公司'])).toEqual([
      'name',
      'phone',
      'phone',
      'email',
      'email',
      'research',
      'company',
      null,
    ]);
  });

  it('labels phone columns from their header', () => {
    expect(phoneLabelForHeader('Mobile')).toBe('mobile');
    expect(phoneLabelForHeader('手机')).toBe('mobile');
    expect(phoneLabelForHeader('휴대폰')).toBe('mobile');
    expect(phoneLabelForHeader('Work Phone')).toBe('work');
    expect(phoneLabelForHeader('Phone')).toBeNull();
  });
});
