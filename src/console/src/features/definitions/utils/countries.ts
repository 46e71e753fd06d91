import { getCountries } from 'libphonenumber-js/min';

/**
 * The countries a phone number may be read in (libphonenumber-js's list), each with its name in
 * `locale` (`Intl.DisplayNames`), sorted by that name.
 */
export const phoneCountries = (locale: string): { value: string; label: string }[] => {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return getCountries()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
};

/** The browser's own country (`en-US` → `US`) when it is one of `countries`, else `US`. */
export const browserCountry = (countries: readonly { value: string }[]): string => {
  const region = navigator.language.split('-')[1]?.toUpperCase();
  return region && countries.some((c) => c.value === region) ? region : 'US';
};
