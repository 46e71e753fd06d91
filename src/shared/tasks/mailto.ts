/**
 * `mailto:` URLs as RFC 6068 writes them: the address, then `subject` and `body` header fields, each
 * value UTF-8 and percent-encoded, line breaks in the body as CRLF (`%0D%0A`, RFC 6068 §5).
 */

/**
 * The longest mailto URL every common mail client and OS hand-off opens whole. RFC 6068 §5 warns that
 * clients limit URL length; about 2,000 characters is the limit Windows' ShellExecute and older
 * Outlook builds keep, so a longer URL is flagged for the rep to paste the body instead.
 */
export const MAILTO_SAFE_LENGTH = 2000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes a header value: UTF-8 bytes, everything but RFC 3986 unreserved and `!'()*` encoded. */
const encodeValue = (text: string): string => encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));

/** Every line break (`\r\n`, `\r` or `\n`) as CRLF, the only line break RFC 6068 §5 allows in a body. */
export const toCrlf = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');

/**
 * The address part of a mailto URL: the addr-spec with `@` kept and every other reserved or non-ASCII
 * character percent-encoded (RFC 6068 §2: `%`, `?`, `#`, `&`, `,` … must not appear raw in `to`).
 */
const encodeAddress = (address: string): string =>
  address
    .trim()
    .split('@')
    .map((part) => encodeValue(part))
    .join('@');

export type MailtoParts = {
  /** The recipient's address (`name@example.com`); '' for a draft with no recipient. */
  to: string;
  subject: string;
  /** Plain text; any line breaks become CRLF. */
  body: string;
};

/**
 * Builds `mailto:to?subject=…&body=…` per RFC 6068. An empty subject or body is left out.
 * Example: `{to: 'a@b.com', subject: 'Hi & bye', body: 'L1\nL2'}` →
 * `mailto:a@b.com?subject=Hi%20%26%20bye&body=L1%0D%0AL2`.
 */
export const buildMailto = ({ to, subject, body }: MailtoParts): string => {
  const fields: string[] = [];
  if (subject !== '') fields.push(`subject=${encodeValue(subject)}`);
  if (body !== '') fields.push(`body=${encodeValue(toCrlf(body))}`);
  return `mailto:${encodeAddress(to)}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
};

/** True when `url` is longer than `MAILTO_SAFE_LENGTH` characters, so a mail client may cut it. */
export const isMailtoTooLong = (url: string): boolean => url.length > MAILTO_SAFE_LENGTH;
