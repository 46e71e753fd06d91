import { DesktopNotification } from '@shared/bridge';
import { Notification } from 'electron';

/**
 * Shows a desktop notification the renderer asked for (a callback that is due), after checking its
 * shape; `onClick` brings the window forward. Returns false when the shape is wrong or the system has
 * no notifications.
 */
export const showDesktopNotification = (input: unknown, onClick: (leadId: string) => void): boolean => {
  const parsed = DesktopNotification.safeParse(input);
  if (!parsed.success || !Notification.isSupported()) return false;
  const { title, body, leadId } = parsed.data;
  const notification = new Notification({ title, body });
  notification.on('click', () => onClick(leadId));
  notification.show();
  return true;
};
