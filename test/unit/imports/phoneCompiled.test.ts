import fc from 'fast-check';
import { type CountryCode, parsePhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { isPlainPhoneText, parseCompiled } from '../../../src/main/core/imports/normalize/phoneCompiled';

/** What libphonenumber-js itself makes of a number: the answer the compiled path must give. */
const library = (text: string, region: string): string => {
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: region as CountryCode }, metadata);
  return parsed ? `${parsed.number}|${parsed.country}|${parsed.isValid()}` : 'none';
};
const compiled = (text: string, region: string): string => {
  const parsed = parseCompiled(text, region);
  return parsed ? `${parsed.e164}|${parsed.country}|${parsed.valid}` : 'none';
};

const REGIONS = Object.keys((metadata as unknown as { countries: Record<string, unknown> }).countries);
const EXAMPLES = Object.entries(examples as Record<string, string>);

/** Every region's example number, written the ways people write numbers, plus near misses. */
const writtenForms = (): string[] => {
  const forms: string[] = [];
  for (const [country, national] of EXAMPLES) {
    const number = parsePhoneNumber(national, country as CountryCode, metadata);
    if (!number) continue;
    forms.push(
      national,
      number.number,
      number.number.slice(1),
      number.formatNational(),
      number.formatInternational(),
    );
    forms.push(
      number.format('IDD', { fromCountry: 'US' }) ?? '',
      number.format('IDD', { fromCountry: 'DE' }) ?? '',
    );
    forms.push(`${national.slice(0, -1)}`, `${national}0`, `(${national.slice(0, 3)}) ${national.slice(3)}`);
  }
  return forms.filter((form) => form !== '' && isPlainPhoneText(form));
};

describe('compiled phone parsing agrees with libphonenumber-js', () => {
  it('on every example number in every written form, read from eight regions', () => {
    const forms = writtenForms();
    const regions = ['US', 'CN', 'KR', 'GB', 'DE', 'RU', 'BR', 'IN'];
    const mismatches: string[] = [];
    for (const region of regions) {
      for (const form of forms) {
        if (library(form, region) !== compiled(form, region)) mismatches.push(`${region} ${form}`);
      }
    }
    expect(forms.length).toBeGreaterThan(1500);
    expect(mismatches).toEqual([]);
  });

  it('on every example number read from every region', () => {
    const mismatches: string[] = [];
    for (const region of REGIONS) {
      for (const [, national] of EXAMPLES) {
        if (library(national, region) !== compiled(national, region))
          mismatches.push(`${region} ${national}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('on random digit strings with prefixes and punctuation', () => {
    const digits = fc.stringMatching(/^[0-9]{3,16}$/);
    const prefix = fc.constantFrom('', '+', '00', '011', '0', '1', '8', '+1 ', '+86', '+82 ', '(', '0086 ');
    const punctuation = fc.constantFrom('', ' ', '-', '.', ') ');
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        prefix,
        digits,
        punctuation,
        digits,
        (region, pre, a, mark, b) => {
          const text = `${pre}${a}${mark}${b}`;
          expect(compiled(text, region)).toBe(library(text, region));
        },
      ),
      { numRuns: 20_000, seed: 42 },
    );
  });

  it('only takes plain text', () => {
    expect(isPlainPhoneText('+1 (415) 555-0100')).toBe(true);
    expect(isPlainPhoneText('415/555.0100')).toBe(true);
    expect(isPlainPhoneText('1+415')).toBe(false);
    expect(isPlainPhoneText('+1 415 555 0100 x12')).toBe(false);
    expect(isPlainPhoneText('＋86 138')).toBe(false);
  });
});
