import { describe, expect, it } from 'vitest';
import { createPhoneReader, splitPhoneCell } from '../../../src/main/core/imports/normalize/phone';

const read = (cell: string, region = 'US', label: string | null = null) =>
  createPhoneReader(region)(cell, label);

describe('phone numbers', () => {
  it.each([
    ['(415) 555-0132', 'US', '+14155550132'],
    ['415.555.0132', 'US', '+14155550132'],
    ['1-415-555-0132', 'US', '+14155550132'],
    ['+1 415 555 0132', 'CN', '+14155550132'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 138-0013-8000', 'US', '+8613800138000'],
    ['010-1234-5678', 'KR', '+821012345678'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['００８６ １３８ ００１３ ８０００', 'GB', '+8613800138000'],
    ['＋86 138 0013 8000', 'US', '+8613800138000'],
  ])('reads %j in %s as %s', (cell, region, e164) => {
    expect(read(cell, region)).toMatchObject({ ok: true, phone: { e164, raw: cell } });
  });

  it.each([
    ['(415) 555-0132 x12', '12'],
    ['415-555-0132 ext. 345', '345'],
    ['415 555 0132 extension 9', '9'],
    ['+1 415 555 0132 #77', '77'],
    ['415-555-0132,123', '123'],
    ['415-555-0132;ext=55', '55'],
  ])('keeps the extension of %j', (cell, ext) => {
    const [only, ...more] = splitPhoneCell(cell);
    expect(more).toEqual([]);
    expect(read(only as string)).toMatchObject({ ok: true, phone: { e164: '+14155550132', ext } });
  });

  it('reads Chinese and Korean extension marks', () => {
    expect(read('010-62345678转8012', 'CN')).toMatchObject({
      ok: true,
      phone: { e164: '+861062345678', ext: '8012' },
    });
    expect(read('02-3456-7890 내선 12', 'KR')).toMatchObject({
      ok: true,
      phone: { e164: '+82234567890', ext: '12' },
    });
  });

  it('takes a label from the cell, else from the column', () => {
    expect(read('+1 415 555 0132 (mobile)')).toMatchObject({
      ok: true,
      phone: { label: 'mobile', ext: null },
    });
    expect(read('+86 138 0013 8000（手机）', 'US')).toMatchObject({ ok: true, phone: { label: '手机' } });
    expect(read('+1 415 555 0132', 'US', 'work')).toMatchObject({ ok: true, phone: { label: 'work' } });
    expect(read('+1 415 555 0132 ext. 7 (office)')).toMatchObject({
      ok: true,
      phone: { ext: '7', label: 'office' },
    });
  });

  it('gives the number’s country', () => {
    expect(read('+1 416 555 0132')).toMatchObject({ ok: true, country: 'CA' });
    expect(read('+44 20 7946 0958')).toMatchObject({ ok: true, country: 'GB' });
  });

  it.each([['12'], ['12345'], ['+1 555'], ['call me'], ['+999 123456789'], ['415-555-01325555']])(
    'rejects %j with a message naming it',
    (cell) => {
      const reading = read(cell);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.message).toContain(cell);
    },
  );

  it('says which region a national number was read in', () => {
    const reading = read('138 0013 8000', 'US');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(/in US.*country code/);
  });

  it('splits cells holding several numbers', () => {
    expect(splitPhoneCell('138 0013 8000; 139 1234 5678')).toEqual(['138 0013 8000', '139 1234 5678']);
    expect(splitPhoneCell('a | b\nc')).toEqual(['a', 'b', 'c']);
    expect(splitPhoneCell('13800138000、13912345678')).toEqual(['13800138000', '13912345678']);
    expect(splitPhoneCell('(415) 555-0132')).toEqual(['(415) 555-0132']);
    expect(splitPhoneCell('415/555-0132')).toEqual(['415/555-0132']);
  });
});
