/**
 * A practical address check: one @, a local part without spaces or brackets, a domain of dot
 * separated labels ending in a top-level domain of two or more letters. Addresses that pass are
 * kept as written (trimmed); duplicates are found case-insensitively.
 */
const ADDRESS =
  /^[^\s@<>()[\]\\,;:"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/** "Ana <ana@example.com>" and "mailto:ana@example.com" hold one address. */
const unwrap = (text: string): string => (/<([^<>]+)>\s*$/.exec(text)?.[1] ?? text).trim();

export type EmailReading = { ok: true; email: string; others: string[] } | { ok: false; message: string };

export const isEmail = (text: string): boolean => {
  if (text.length > 254 || !ADDRESS.test(text)) return false;
  const local = text.slice(0, text.indexOf('@'));
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
};

/**
 * Reads an email cell. Several addresses ("a@x.com; b@y.com") are allowed: the first becomes the
 * lead's email and the others are returned so they can be kept in the research notes.
 */
export const readEmail = (cell: string): EmailReading => {
  const text = cell.trim();
  const parts = /[;,，；\n<]|mailto:|@.*\s.*@/i.test(text)
    ? text
        .split(/[;,，；\n]+/)
        .flatMap((part) => (part.includes('<') ? [unwrap(part)] : part.trim().split(/\s+/)))
        .map((part) => part.replace(/^mailto:/i, ''))
        .filter((part) => part !== '')
    : [text];
  const bad = parts.find((part) => !isEmail(part));
  if (bad !== undefined || parts.length === 0) {
    return { ok: false, message: `"${bad ?? text}" is not a valid email address.` };
  }
  const [first, ...others] = parts as [string, ...string[]];
  return { ok: true, email: first, others };
};
