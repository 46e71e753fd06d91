import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** "+1 202 555 0143": the international form, readable at a glance. */
export const formatPhone = (e164: string): string =>
  parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
