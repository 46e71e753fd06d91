/** Where a step may send the rep: their mail client, or LinkedIn in the browser. Nothing else. */
const ALLOWED = [/^mailto:/, /^https:\/\/www\.linkedin\.com\//];

/** True when `url` is a `mailto:` URL or a page on https://www.linkedin.com/. */
export const isAllowedStepUrl = (url: string): boolean => ALLOWED.some((pattern) => pattern.test(url));

/**
 * Opens a step's URL outside Dialdeck. In the browser host this is a new tab (or the mail client);
 * under Electron the window's open handler hands it to the OS after its own scheme check. Must run in
 * the click or key handler itself, or the browser blocks it as a pop-up. Returns false for a URL off
 * the allow-list, which is never opened.
 */
export const openStepUrl = (url: string): boolean => {
  if (!isAllowedStepUrl(url)) return false;
  window.open(url, '_blank', 'noopener');
  return true;
};
