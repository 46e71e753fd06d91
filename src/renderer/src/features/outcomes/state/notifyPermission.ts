const ASKED_KEY = 'dialdeck.notifications.asked';

/**
 * Whether to ask, once, for the browser's permission to notify: only in the web host (Electron shows
 * desktop notifications without asking), only while the browser has not been answered, and only if the
 * rep has not already said "Not now".
 */
export const shouldAskForNotifications = (): boolean => {
  if (window.dialdeck?.notify || !('Notification' in window)) return false;
  if (Notification.permission !== 'default') return false;
  try {
    return localStorage.getItem(ASKED_KEY) === null;
  } catch {
    return false;
  }
};

const remember = () => {
  try {
    localStorage.setItem(ASKED_KEY, String(Date.now()));
  } catch {
    // Private mode: the browser's own answer still stops the question.
  }
};

/** Asks the browser (from the rep's click) and remembers that the question was put. */
export const askForNotifications = async (): Promise<NotificationPermission> => {
  remember();
  return Notification.requestPermission();
};

/** "Not now": the question is not put again. */
export const declineNotifications = (): void => remember();
