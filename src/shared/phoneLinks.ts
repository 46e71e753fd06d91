/**
 * Phone links as the OS hands them to the phone handler: RFC 3966 `tel:` URIs and the older
 * `callto:` form. Pure: no number metadata here — turning the digits into E.164 needs a region and
 * libphonenumber (see the core's `resolvePhoneLink`).
 *
 * Source: RFC 3966, "The tel URI for Telephone Numbers", section 3 (syntax) and 5.1 (global and
 * local numbers, visual separators, `ext`, `isub`, `phone-context`).
 */

/** A phone link taken apart. `digits` keeps `+` for a global number; `*` and `#` stay (service codes). */
export type PhoneLink = {
  scheme: 'tel' | 'callto';
  /** The number without visual separators, e.g. "+12015550123" or "8631234". */
  digits: string;
  /** True for a global number (starts with "+"); a local number needs its context or a region. */
  global: boolean;
  /** `;ext=` without separators, or null. */
  ext: string | null;
  /** `;isub=` as written (percent-decoded), or null. */
  isub: string | null;
  /** `;phone-context=`: a global number prefix ("+1914555") or a domain ("example.com"), or null. */
  phoneContext: string | null;
};

/** Why a link is not a phone number the dialer can use; `reason` is an English sentence for logs. */
export type PhoneLinkProblem =
  | 'not_a_phone_link'
  | 'no_digits'
  | 'not_a_number'
  | 'bad_extension'
  | 'bad_context'
  | 'bad_encoding';

export type PhoneLinkResult = { ok: true; link: PhoneLink } | { ok: false; problem: PhoneLinkProblem };

/** The longest link Dialdeck reads; longer input is refused rather than scanned. */
export const MAX_PHONE_LINK_LENGTH = 2_048;

/** RFC 3966 visual separators, plus the spaces and slashes real links carry (often percent-encoded). */
const SEPARATORS = /[-.()\s/\u00a0\u2010-\u2015\u2212]/g;
/** What may remain once separators are gone: phone digits, `*`, `#` and (local numbers) hex letters. */
const GLOBAL_DIGITS = /^\+[0-9]+$/;
const LOCAL_DIGITS = /^[0-9A-Fa-f*#]*[0-9*#][0-9A-Fa-f*#]*$/;
const EXT_DIGITS = /^[0-9]+$/;
const DOMAIN =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;

/** Phone keypad letters, for vanity numbers written into links ("+1-800-FLOWERS"). ITU E.161. */
const KEYPAD: Record<string, string> = Object.fromEntries(
  ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'].flatMap((letters, i) =>
    [...letters].map((letter) => [letter, String(i + 2)]),
  ),
);

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

const stripSeparators = (text: string): string => text.replace(SEPARATORS, '');

const DECIMAL_DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;

/**
 * The value 0–9 of a Unicode decimal digit (general category Nd). Unicode lays every Nd set out as
 * runs of ten consecutive code points from zero to nine (Unicode Standard, 4.6 "Numeric Value"), so
 * the value is the distance from the start of the digit's run, modulo ten.
 */
const digitValue = (codePoint: number): number => {
  let start = codePoint;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (codePoint - start) % 10;
};

/**
 * Every decimal digit as its ASCII form: full-width ("＋８６…", by NFKC), Arabic-Indic ("٠١٢"),
 * Extended Arabic-Indic, Devanagari ("०१२") and every other Unicode `Nd` digit.
 */
export const asciiDigits = (text: string): string =>
  text.normalize('NFKC').replace(NON_ASCII_DIGIT, (char) => String(digitValue(char.codePointAt(0) ?? 0)));

/** How many digits a number written with vanity letters dials (E.164 allows at most 15). */
const MAX_E164_DIGITS = 15;
/** A global number's digits before any vanity letter: the country code and at least an area code. */
const VANITY_NUMBER = /^\+([0-9]{4,})([0-9A-Za-z]*)$/;

/**
 * A global number with letters as keypad digits (ITU E.161), or null when the letters do not make a
 * plausible vanity number. RFC 3966 allows no letters in a global number, so they are read only when
 * the whole number looks like one ("+1-800-FLOWERS"): the country code and an area code written as
 * digits first, then at least three letters that are not just the dial modifiers p, w and x (pause,
 * wait, extension: "+1 800 PW12345" is refused rather than dialled as a guess), and at most 15 digits.
 */
const vanityDigits = (digits: string): string | null => {
  if (!/[A-Za-z]/.test(digits)) return digits;
  const match = VANITY_NUMBER.exec(digits);
  const letters = (match?.[2] ?? '').replace(/[0-9]/g, '');
  if (!match || letters.length < 3 || /^[pwx]+$/i.test(letters)) return null;
  const dialled = digits.replace(/[A-Za-z]/g, (letter) => KEYPAD[letter.toUpperCase()] ?? letter);
  return dialled.length - 1 <= MAX_E164_DIGITS ? dialled : null;
};

/** Digits a number must have before a pause or extension marker for the split to make sense. */
const MIN_NUMBER_DIGITS = 7;
/** A marker for digits dialled after the call connects, or a written extension, and what follows. */
const DIALLED_AFTER = /^(.*?[0-9A-Za-z)])\s*(?:[,;]+|[pw]+|ext\.?|extension|x)\s*([0-9]{1,10})#?$/i;
/** The same marker with nothing after it ("… x", "… ext", "…p"): a stray marker, dropped. */
const EMPTY_MARKER = /(?<=[0-9)\s])\s*(?:[,;]+|[pw]+|ext\.?|extension|x)\s*#?$/i;

/**
 * Reads a `tel:` or `callto:` link. Accepts what RFC 3966 allows — global numbers ("tel:+1-201-555-0123"),
 * local numbers with a context ("tel:863-1234;phone-context=+1-914-555", "tel:7042;phone-context=example.com"),
 * `;ext=`, `;isub=`, other parameters (ignored), any case in scheme and parameter names, percent-encoding —
 * and what real links carry besides: "tel://…", spaces, full-width digits, local numbers without a
 * context (the caller applies a region), vanity letters in a plausible vanity number ("+1-800-FLOWERS",
 * see `vanityDigits`), percent-encoded parameters, digits in any script (Arabic-Indic, Devanagari…),
 * digits dialled after the call connects (",,1234", "p1234", "w1234") and written extensions ("x12",
 * "ext. 12") as the extension, a stray marker with nothing after it ("… x", "… ext", "…p") dropped, a caller-id code before the number ("*67+1…"),
 * and `callto:` / `callto://` with a number. A Skype name after `callto:` is `not_a_number`.
 */
export const parsePhoneLink = (input: string): PhoneLinkResult => {
  const text = input.trim();
  if (text.length > MAX_PHONE_LINK_LENGTH) return { ok: false, problem: 'not_a_phone_link' };
  const match = /^(tel|callto):(?:\/\/)?(.*)$/is.exec(text);
  if (!match?.[1]) return { ok: false, problem: 'not_a_phone_link' };
  const scheme = match[1].toLowerCase() as PhoneLink['scheme'];
  // A query or fragment is not part of a tel URI; browsers and CRMs sometimes append one.
  const written = (match[2] ?? '').replace(/[?#].*$/s, '');
  // Some CRMs percent-encode the parameters too (";ext=" as "%3Bext%3D").
  const body = !written.includes(';') && /%3B/i.test(written) ? (decode(written) ?? written) : written;
  const [rawNumber = '', ...rawParams] = body.split(';');
  const decodedNumber = decode(rawNumber);
  if (decodedNumber === null) return { ok: false, problem: 'bad_encoding' };
  let digitsText = asciiDigits(decodedNumber).trim();
  // A vertical service code dialled before the number ("*67+1…" hides the caller id) is not part of it.
  digitsText = digitsText.replace(/^(?:\*\d{2}|#31#)\s*(?=\+)/, '');
  // Digits dialled after the call connects (",,1234", "p1234", "w1234") or a written extension
  // ("x12", "ext. 12") reach the person behind a switchboard: kept as the extension.
  // Only a number long enough to be one is split: "+1 800 PW12345" is not "+1800" and an extension.
  let dialledAfter: string | null = null;
  const after = DIALLED_AFTER.exec(digitsText);
  if (after?.[1] && after[2] && after[1].replace(/[^0-9A-Za-z]/g, '').length >= MIN_NUMBER_DIGITS) {
    digitsText = after[1];
    dialledAfter = after[2];
  } else if (!after) {
    // A marker with no digits after it ("+49 30 1234567 x") adds nothing to dial: never a keypad digit.
    digitsText = digitsText.replace(EMPTY_MARKER, '');
  }
  // "+44 (0)20 …": the national trunk prefix in brackets after a country code is not dialled from abroad.
  const number = stripSeparators(digitsText.startsWith('+') ? digitsText.replace(/\(0\)/g, '') : digitsText);
  if (number === '' || number === '+') return { ok: false, problem: 'no_digits' };

  let ext: string | null = dialledAfter;
  let isub: string | null = null;
  let phoneContext: string | null = null;
  for (const param of rawParams) {
    if (param === '') continue;
    const eq = param.indexOf('=');
    const name = (eq < 0 ? param : param.slice(0, eq)).trim().toLowerCase();
    const value = decode(eq < 0 ? '' : param.slice(eq + 1));
    if (value === null) return { ok: false, problem: 'bad_encoding' };
    if (name === 'ext') {
      const digits = stripSeparators(asciiDigits(value));
      if (!EXT_DIGITS.test(digits)) return { ok: false, problem: 'bad_extension' };
      ext = digits;
    } else if (name === 'isub') {
      if (value === '') return { ok: false, problem: 'bad_extension' };
      isub = value;
    } else if (name === 'phone-context') {
      const context = asciiDigits(value.trim());
      if (context.startsWith('+')) {
        const digits = stripSeparators(context);
        if (!GLOBAL_DIGITS.test(digits)) return { ok: false, problem: 'bad_context' };
        phoneContext = digits;
      } else if (DOMAIN.test(context)) {
        phoneContext = context.toLowerCase();
      } else {
        return { ok: false, problem: 'bad_context' };
      }
    }
  }

  const global = number.startsWith('+');
  const digits = global ? vanityDigits(number) : number;
  if (digits === null) return { ok: false, problem: 'not_a_number' };
  if (global ? !GLOBAL_DIGITS.test(digits) : !LOCAL_DIGITS.test(digits)) {
    return { ok: false, problem: /[A-Za-z]/.test(digits) ? 'not_a_number' : 'no_digits' };
  }
  return { ok: true, link: { scheme, digits, global, ext, isub, phoneContext } };
};

/**
 * The phone link in Dialdeck's launch arguments, if any: the URL a second launch forwards to the
 * running instance (Windows and Linux pass it on the command line; macOS uses the `open-url` event).
 * Flags (`--x`, `--x=y`) and the app's own path are skipped. Returns the link text, or null.
 */
export const phoneLinkInArgs = (argv: readonly string[]): string | null =>
  argv.find((arg) => /^(tel|callto):/i.test(arg.trim()))?.trim() ?? null;

/**
 * A CSV file in Dialdeck's launch arguments ("Open with Dialdeck"), or null. Only a path ending in
 * `.csv` (any case) that is not a flag counts; the last one wins, as the OS appends the file last.
 */
export const csvFileInArgs = (argv: readonly string[]): string | null =>
  [...argv].reverse().find((arg) => !arg.startsWith('-') && /\.csv$/i.test(arg)) ?? null;
