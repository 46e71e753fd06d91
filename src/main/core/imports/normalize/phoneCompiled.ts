import metadataJson from 'libphonenumber-js/min/metadata';

/**
 * The parse-and-validate path of libphonenumber-js (`parsePhoneNumberFromString(text, region)` then
 * `isValid()`), for numbers written with ASCII digits, spaces, `-`, `.`, `/`, brackets and a
 * leading `+` only, with every pattern of the metadata compiled once instead of on each call.
 *
 * The library builds a new RegExp from the metadata's pattern text for every check (tens per
 * number), which makes it the slowest step of a large import. The steps below follow the
 * library's own (parse.js, extractCountryCallingCode.js, extractNationalNumber.js,
 * getCountryByNationalNumber.js, getNumberType.js, checkNumberLength.js, isValid.js) on the
 * same metadata; `test/unit/imports/phoneCompiled.test.ts` checks both agree on many thousands
 * of numbers across every region. Anything else (letters, other scripts, unusual marks) is
 * left to the library itself by the caller.
 */

/** One entry of the minified metadata, version 4 layout. */
type RawPlan = readonly unknown[];
type RawMetadata = {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, RawPlan>;
  nonGeographic?: Record<string, RawPlan>;
};

const raw = metadataJson as unknown as RawMetadata;
if (raw.version !== 4) {
  throw new Error(`Dialdeck's phone parser expects libphonenumber-js metadata version 4, got ${raw.version}`);
}

type TypeRule = { pattern: RegExp; lengths: readonly number[] | undefined };

type Plan = {
  callingCode: string;
  idd: RegExp | undefined;
  nationalNumber: RegExp;
  possibleLengths: readonly number[] | undefined;
  prefixForParsing: RegExp | undefined;
  transformRule: string | undefined;
  leadingDigits: RegExp | undefined;
  hasTypes: boolean;
  /** Fixed line, then mobile, toll free, premium rate… in the library's order; empty ones left out. */
  types: readonly TypeRule[];
};

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const lengths = (value: unknown): readonly number[] | undefined =>
  Array.isArray(value) ? (value as number[]) : undefined;

const entirely = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
const atStart = (pattern: string): RegExp => new RegExp(`^(?:${pattern})`);

const compilePlan = (plan: RawPlan): Plan => {
  const possibleLengths = lengths(plan[3]);
  const rawTypes = plan[11];
  const types: TypeRule[] = [];
  if (Array.isArray(rawTypes)) {
    // The library reads the first ten entries: fixed line, mobile, toll free … shared cost.
    for (const type of rawTypes.slice(0, 10)) {
      if (!Array.isArray(type)) continue;
      const pattern = str(type[0]);
      if (pattern) types.push({ pattern: entirely(pattern), lengths: lengths(type[1]) ?? possibleLengths });
    }
  }
  const prefixForParsing = str(plan[7]) ?? str(plan[5]);
  const idd = str(plan[1]);
  const leadingDigits = str(plan[10]);
  return {
    callingCode: String(plan[0]),
    idd: idd ? atStart(idd) : undefined,
    nationalNumber: entirely(String(plan[2])),
    possibleLengths,
    prefixForParsing: prefixForParsing ? atStart(prefixForParsing) : undefined,
    transformRule: str(plan[8]),
    leadingDigits: leadingDigits ? atStart(leadingDigits) : undefined,
    hasTypes: Array.isArray(rawTypes) ? rawTypes.length > 0 : Boolean(rawTypes),
    types,
  };
};

const countryPlans = new Map<string, Plan>();
const callingCodePlans = new Map<string, Plan | null>();

const planOfCountry = (country: string): Plan | undefined => {
  let plan = countryPlans.get(country);
  if (!plan) {
    const entry = raw.countries[country];
    if (!entry) return undefined;
    plan = compilePlan(entry);
    countryPlans.set(country, plan);
  }
  return plan;
};

/** Countries sharing a calling code, main one first; undefined for non-geographic codes. */
const countriesOf = (callingCode: string): string[] | undefined => {
  const list = raw.country_calling_codes[callingCode];
  if (!list || (list.length === 1 && list[0]?.length === 3)) return undefined;
  return list;
};

const hasCallingCode = (callingCode: string): boolean =>
  countriesOf(callingCode) !== undefined || Boolean(raw.nonGeographic?.[callingCode]);

/** The numbering plan a calling code selects: its main country's, or the non-geographic one. */
const planOfCallingCode = (callingCode: string): Plan | undefined => {
  const cached = callingCodePlans.get(callingCode);
  if (cached !== undefined) return cached ?? undefined;
  const main = countriesOf(callingCode)?.[0];
  const entry = main ? raw.countries[main] : raw.nonGeographic?.[callingCode];
  const plan = entry ? compilePlan(entry) : undefined;
  callingCodePlans.set(callingCode, plan ?? null);
  return plan;
};

export const isKnownRegion = (region: string): boolean => raw.countries[region] !== undefined;

const matchesAnyType = (plan: Plan, nationalNumber: string): boolean => {
  if (!plan.nationalNumber.test(nationalNumber)) return false;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
};

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

const checkLength = (nationalNumber: string, plan: Plan): LengthCheck => {
  const possible = plan.possibleLengths;
  if (!possible) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  const min = possible[0] as number;
  if (min === length) return 'IS_POSSIBLE';
  if (min > length) return 'TOO_SHORT';
  if ((possible[possible.length - 1] as number) < length) return 'TOO_LONG';
  return possible.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
};

const countryByNationalNumber = (
  nationalNumber: string,
  countries: readonly string[],
): string | undefined => {
  for (const country of countries) {
    const plan = planOfCountry(country);
    if (!plan) continue;
    if (plan.leadingDigits) {
      if (nationalNumber && plan.leadingDigits.test(nationalNumber)) return country;
    } else if (matchesAnyType(plan, nationalNumber)) {
      return country;
    }
  }
  return undefined;
};

const countryByCallingCode = (callingCode: string, nationalNumber: string): string | undefined => {
  const countries = countriesOf(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  return countryByNationalNumber(nationalNumber, countries);
};

const stripNationalPrefix = (number: string, plan: Plan): string => {
  if (!number || !plan.prefixForParsing) return number;
  const match = plan.prefixForParsing.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  const hasCapturedGroups = groups > 0 && Boolean(match[groups]);
  if (plan.transformRule && hasCapturedGroups)
    return number.replace(plan.prefixForParsing, plan.transformRule);
  return number.slice(match[0].length);
};

const extractNationalNumber = (number: string, plan: Plan): string => {
  const nationalNumber = stripNationalPrefix(number, plan);
  if (nationalNumber === number) return number;
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(nationalNumber)) return number;
  if (plan.possibleLengths) {
    const country = countryByCallingCode(plan.callingCode, nationalNumber);
    const lengthPlan = (country && planOfCountry(country)) || plan;
    const check = checkLength(nationalNumber, lengthPlan);
    if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') return number;
  }
  return nationalNumber;
};

const stripIdd = (number: string, plan: Plan): string | undefined => {
  if (!plan.idd) return undefined;
  const match = plan.idd.exec(number);
  if (!match) return undefined;
  const rest = number.slice(match[0].length);
  return rest[0] === '0' ? undefined : rest;
};

type Extracted = { callingCode?: string; number?: string };

const extractCallingCode = (digits: string, regionPlan: Plan): Extracted => {
  if (!digits) return {};
  let number = digits;
  if (number[0] !== '+') {
    const withoutIdd = stripIdd(number, regionPlan);
    if (withoutIdd && withoutIdd !== number) {
      number = `+${withoutIdd}`;
    } else {
      const callingCode = regionPlan.callingCode;
      if (number.startsWith(callingCode)) {
        const plan = regionPlan;
        const shorter = number.slice(callingCode.length);
        const shorterNational = extractNationalNumber(shorter, plan);
        const national = extractNationalNumber(number, plan);
        if (
          (!plan.nationalNumber.test(national) && plan.nationalNumber.test(shorterNational)) ||
          checkLength(national, plan) === 'TOO_LONG'
        ) {
          return { callingCode, number: shorter };
        }
      }
      return { number };
    }
  }
  if (number[1] === '0') return {};
  for (let end = 2; end - 1 <= 3 && end <= number.length; end++) {
    const callingCode = number.slice(1, end);
    if (hasCallingCode(callingCode)) return { callingCode, number: number.slice(end) };
  }
  return {};
};

export type CompiledPhone = { e164: string; country: string | undefined; valid: boolean };

/** True when `text` holds only what the compiled path reads exactly as the library does. */
export const isPlainPhoneText = (text: string): boolean => /^[ ().\-/]*\+?[0-9 ().\-/]*$/.test(text);

/**
 * Parses `text` (see isPlainPhoneText) as the library would with `region` as the default country.
 * Returns null when the library would find no number at all.
 */
export const parseCompiled = (text: string, region: string): CompiledPhone | null => {
  const regionPlan = planOfCountry(region);
  if (!regionPlan) throw new Error(`Unknown phone region ${region}`);
  if (text.length > 250) return null;
  const start = text.search(/[+0-9]/);
  if (start < 0) return null;
  const formatted = text.slice(start);
  let digits = '';
  for (let i = 0; i < formatted.length; i++) {
    const c = formatted.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += formatted[i];
    else if (c === 43 && digits === '') digits = '+';
  }
  const digitCount = digits[0] === '+' ? digits.length - 1 : digits.length;
  // The library's "viable number" test: two bare digits, or three or more among punctuation.
  if (digitCount < 2 || (digitCount === 2 && !/^[0-9]{2}$/.test(formatted.replace(/[^0-9#]+$/, '')))) {
    return null;
  }
  if (formatted.indexOf('+', 1) >= 0) return null;

  let { callingCode, number } = extractCallingCode(digits, regionPlan);
  let country: string | undefined;
  let plan: Plan | undefined;
  if (callingCode) {
    plan = planOfCallingCode(callingCode);
  } else if (number) {
    country = region;
    plan = regionPlan;
    callingCode = plan.callingCode;
  }
  if (!plan || !callingCode || !number) return null;
  const nationalNumber = extractNationalNumber(number, plan);
  const exact = countryByCallingCode(callingCode, nationalNumber);
  if (exact) country = exact;
  if (nationalNumber.length < 2 || nationalNumber.length > 17) return null;

  const validityPlan = (country && planOfCountry(country)) || planOfCallingCode(callingCode);
  const valid = validityPlan
    ? validityPlan.hasTypes
      ? matchesAnyType(validityPlan, nationalNumber)
      : validityPlan.nationalNumber.test(nationalNumber)
    : false;
  return { e164: `+${callingCode}${nationalNumber}`, country, valid };
};
