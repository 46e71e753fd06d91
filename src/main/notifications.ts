import type { NoticeTarget } from '@shared/api/notices';
import { DesktopNotification } from '@shared/bridge';
import { Notification } from 'electron';

/**
 * Shows a desktop notification the renderer asked for (a callback due, an inbound lead, a sync
 * rejection), after checking its shape; `onClick` gets what it opens (its lead, or the sync dialog).
 * Returns false when the shape is wrong or the system has no notifications.
 */
export const showDesktopNotification = (input: unknown, onClick: (target: NoticeTarget) => void): boolean => {
  const parsed = DesktopNotification.safeParse(input);
  if (!parsed.success || !Notification.isSupported()) return false;
  const { title, body, target } = parsed.data;
  const notification = new Notification({ title, body });
  notification.on('click', () => onClick(target));
  notification.show();
  return true;
};
