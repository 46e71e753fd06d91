/** Where a task step may send the rep: their mail client, or LinkedIn over https. Nothing else. */
const ALLOWED = [/^mailto:/, /^https:\/\/www\.linkedin\.com\//];

/** True when `url` is a `mailto:` URL or a page under https://www.linkedin.com/. */
export const isAllowedStepUrl = (url: string): boolean => ALLOWED.some((pattern) => pattern.test(url));
