import type { LeadPhone } from '@shared/domain/lead';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import { isKnownRegion, isPlainPhoneText, parseCompiled } from './phoneCompiled';

export type PhoneReading =
  | { ok: true; phone: LeadPhone; country: string | undefined }
  | { ok: false; message: string };

/**
 * Several numbers in one cell: "138… ; 139…", "a | b", one per line, "a、b", and the " ::: " that
 * Google Contacts puts between the values of one field. These always separate numbers.
 */
const SEPARATORS = /\s*(?:;(?!\s*ext=)|[；|\n\r、]|\s:::\s)\s*/i;
/**
 * A comma or slash separates numbers only when every piece holds a number's worth of digits, since
 * both also appear inside one number ("030/1234567", "555-0100, ext. 12").
 */
const WEAK_SEPARATORS = /\s*[,，/]\s*/;
const MIN_NUMBER_DIGITS = 6;
const digitCount = (text: string): number => text.replace(/\D/g, '').length;

/** A trailing "(mobile)", "（手机）" names the number; Dialdeck's own export writes labels this way. */
const LABEL_SUFFIX = /\s*[(（]\s*([^\d()（）]{1,40}?)\s*[)）]\s*$/;

/** Extensions written after the number: "x12", "ext. 12", "#12", "转 8012" (zh), "내선 12" (ko). */
const EXTENSION_SUFFIX =
  /^(.*\d[\s\-().]*?)[,;]?\s*(?:ext\.?|extn\.?|extension|x|#|转|轉|分机|分機|내선)\s*[:.]?\s*(\d{1,10})\s*#?$/i;

const NEEDS_CLEANUP = /[^0-9 +().\-/]/;

/** Splits a phone cell into the numbers it holds. */
export const splitPhoneCell = (cell: string): string[] =>
  cell
    .split(SEPARATORS)
    .filter((part) => part.trim() !== '')
    .flatMap((part) => {
      if (!/[,，/]/.test(part)) return [part];
      const pieces = part.split(WEAK_SEPARATORS).filter((piece) => piece !== '');
      return pieces.length > 1 && pieces.every((piece) => digitCount(piece) >= MIN_NUMBER_DIGITS)
        ? pieces
        : [part];
    });

/**
 * Reads phone numbers in E.164 with extensions kept apart, resolving national numbers with a
 * default region. Plain numbers go through the compiled path (see phoneCompiled); anything else
 * through libphonenumber-js itself, on the same metadata.
 */
export const createPhoneReader = (region: string) => {
  const compiled = isKnownRegion(region);
  return (cell: string, columnLabel: string | null): PhoneReading => {
    const raw = cell.trim();
    let text = raw;
    let label = columnLabel;
    let ext: string | null = null;
    if (NEEDS_CLEANUP.test(text)) {
      text = text.normalize('NFKC');
      const labelled = LABEL_SUFFIX.exec(text);
      if (labelled?.[1]) {
        label = labelled[1];
        text = text.slice(0, labelled.index);
      }
      const extended = EXTENSION_SUFFIX.exec(text);
      if (extended?.[1] && extended[2]) {
        text = extended[1];
        ext = extended[2];
      }
    }
    let e164: string | undefined;
    let country: string | undefined;
    if (compiled && isPlainPhoneText(text)) {
      const parsed = parseCompiled(text, region);
      if (parsed?.valid) {
        e164 = parsed.e164;
        country = parsed.country;
      }
    } else {
      const parsed = parsePhoneNumberFromString(
        text,
        { defaultCountry: compiled ? (region as CountryCode) : undefined },
        metadata,
      );
      if (parsed?.isValid()) {
        e164 = parsed.number;
        country = parsed.country;
        ext = ext ?? parsed.ext ?? null;
      }
    }
    if (!e164) {
      const national = !text.trimStart().startsWith('+');
      return {
        ok: false,
        message: national
          ? `"${raw}" is not a valid phone number in ${region}. Write numbers from other countries with their country code, e.g. +44 20 7946 0958.`
          : `"${raw}" is not a valid phone number. Check the digits and the country code.`,
      };
    }
    return { ok: true, phone: { e164, ext, label, raw }, country };
  };
};

export type PhoneReader = ReturnType<typeof createPhoneReader>;
