/**
 * Folds a header, a place name or a vocabulary word for matching: compatibility forms unified
 * (full-width letters, ideographic spaces), accents dropped, lower case, and every space,
 * punctuation mark and symbol removed, so "E-mail", "e mail", "EMAIL" and "Ｅｍａｉｌ" all become
 * "email" and "São Paulo" becomes "saopaulo". Hangul syllables come back composed.
 */
export const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
