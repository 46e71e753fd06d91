import type { ScriptLanguage } from '../domain/script';
import { spokenText } from './spoken';

/**
 * Reading-aloud rates, in the unit each language is counted in.
 * - English: 183 words a minute, the mean rate of reading aloud in Brysbaert (2019), "How many words
 *   do we read per minute? A review and meta-analysis of reading rate", Journal of Memory and Language
 *   109, 104047.
 * - Mandarin: 5.18 syllables a second, read text, in Pellegrino, Coupé & Marsico (2011), "A
 *   cross-language perspective on speech information rate", Language 87(3), 539–558 (pauses over
 *   150 ms were cut, so real reading is a little slower; the estimate errs short by that much).
 * - Korean: 5.5 syllables a second. PROVISIONAL: no measured Korean reading-aloud rate was at hand
 *   when this was written; the value sits between the Mandarin (5.18) and English (6.19 syllables/s)
 *   rates of Pellegrino et al. (2011). Replace it with the Korean figure of Coupé, Oh, Dediu &
 *   Pellegrino (2019), Science Advances 5(9), eaaw2594, once checked.
 */
export const READING_RATES: Record<ScriptLanguage, { unit: 'word' | 'syllable'; perSecond: number }> = {
  en: { unit: 'word', perSecond: 183 / 60 },
  'zh-CN': { unit: 'syllable', perSecond: 5.18 },
  ko: { unit: 'syllable', perSecond: 5.5 },
};

/** The PLAYBOOK's limit for a voicemail, in seconds. */
export const VOICEMAIL_LIMIT_SECONDS = 20;

const LATIN_WORD = /[\p{Script=Latin}\d']+/gu;
const HAN_OR_HANGUL = /[\p{Script=Han}\u3040-\u30ff\uac00-\ud7a3]/gu;
// An acronym such as CRM or SDR is spelled out, one letter at a time.
const ACRONYM = /^[A-Z]{2,5}s?$/;

/**
 * Syllables in a Latin-script word read inside Chinese or Korean: its vowel groups, less a final e
 * after one consonant after a vowel ("jane" 1, "acme" 2).
 */
const latinSyllables = (word: string): number => {
  if (ACRONYM.test(word)) return word.replace(/s$/, '').length;
  const lower = word.toLowerCase();
  const groups = lower.match(/[aeiouy]+/g)?.length ?? 0;
  const silentE = /[aeiouy][^aeiouy]e$/.test(lower) ? 1 : 0;
  return Math.max(1, groups - silentE);
};

/**
 * How many units (English words; Chinese and Korean syllables) `text` takes to say in `language`,
 * after `spokenText` has turned numbers, phone numbers and addresses into words. English counts each
 * spoken word, an acronym as one word per letter; Chinese and Korean count each Han character and
 * Hangul syllable, and Latin-script words inside them by their syllables.
 */
export const spokenUnits = (text: string, language: ScriptLanguage): number => {
  const spoken = spokenText(text, language);
  const cjk = spoken.match(HAN_OR_HANGUL)?.length ?? 0;
  const latin = spoken.match(LATIN_WORD) ?? [];
  if (language === 'en') {
    return (
      cjk + latin.reduce((sum, word) => sum + (ACRONYM.test(word) ? word.replace(/s$/, '').length : 1), 0)
    );
  }
  return cjk + latin.reduce((sum, word) => sum + latinSyllables(word), 0);
};

export type ReadingEstimate = {
  /** Seconds to read the text aloud, to one decimal. */
  seconds: number;
  language: ScriptLanguage;
  units: number;
  unit: 'word' | 'syllable';
};

/** How long `text` takes to read aloud in `language`, at the rates of `READING_RATES`. */
export const estimateReading = (text: string, language: ScriptLanguage): ReadingEstimate => {
  const units = spokenUnits(text, language);
  const rate = READING_RATES[language];
  return { seconds: Math.round((units / rate.perSecond) * 10) / 10, language, units, unit: rate.unit };
};
