import { isAllowedStepUrl } from '@shared/tasks/stepUrls';

/**
 * Opens a step's URL outside Dialdeck. In the browser host this is a new tab (or the mail client);
 * under Electron the window's open handler hands it to the OS after its own scheme check. Must run in
 * the click or key handler itself, or the browser blocks it as a pop-up. Returns false for a URL off
 * the allow-list (`isAllowedStepUrl`), which is never opened.
 */
export const openStepUrl = (url: string): boolean => {
  if (!isAllowedStepUrl(url)) return false;
  window.open(url, '_blank', 'noopener');
  return true;
};
