import type { UpdateStatus } from '@shared/api/desktop';
import type { Locale } from '@shared/api/settings';
import { en } from '../../renderer/src/i18n/resources/en';
import { ko } from '../../renderer/src/i18n/resources/ko';
import { zhCN } from '../../renderer/src/i18n/resources/zh-CN';

// The Electron host's OS integration, as pure functions (the host in ./host.ts only wires them).

const TEXT = { en, 'zh-CN': zhCN, ko } as const;

/** The schemes Dialdeck offers to handle: RFC 3966 `tel:` and the older `callto:`. */
export const PHONE_SCHEMES = ['tel', 'callto'] as const;

/** Release notes as electron-updater reports them (HTML text, or one entry per version) as plain text. */
export const plainReleaseNotes = (
  notes: string | readonly { version: string; note: string | null }[] | null | undefined,
): string | null => {
  if (!notes) return null;
  const html =
    typeof notes === 'string' ? notes : notes.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n');
  const text = html
    .replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text.slice(0, 20_000);
};

/**
 * The update's state after one of electron-updater's events; `previous` keeps the version seen so far.
 * A downloaded update (`ready`) stays ready through later checks, failed checks and a cleared feed:
 * it installs at the next quit whatever happens to the feed, so "Restart to update" must not vanish.
 */
export const nextUpdateStatus = (
  previous: UpdateStatus,
  event:
    | { kind: 'off' }
    | { kind: 'checking' }
    | { kind: 'none' }
    | { kind: 'available'; version: string; notes: string | null }
    | { kind: 'progress'; percent: number }
    | { kind: 'downloaded'; version: string; notes: string | null }
    | { kind: 'error'; message: string },
): UpdateStatus => {
  const base = { version: previous.version, notes: previous.notes, percent: null, message: null };
  switch (event.kind) {
    case 'off':
      return previous.state === 'ready'
        ? previous
        : { state: 'off', version: null, notes: null, percent: null, message: null };
    case 'checking':
      // A check while an update waits for its restart keeps it ready.
      return previous.state === 'ready' ? previous : { ...base, state: 'checking' };
    case 'none':
      return previous.state === 'ready' ? previous : { ...base, state: 'idle' };
    case 'available':
      return { ...base, state: 'available', version: event.version, notes: event.notes };
    case 'progress':
      return {
        ...base,
        state: 'downloading',
        percent: Math.max(0, Math.min(100, Math.round(event.percent))),
      };
    case 'downloaded':
      return { ...base, state: 'ready', version: event.version, notes: event.notes ?? previous.notes };
    case 'error':
      return previous.state === 'ready'
        ? previous
        : { ...base, state: 'error', message: event.message.slice(0, 500) };
  }
};

/**
 * The XDG autostart entry that starts Dialdeck at login on Linux (Electron's login items cover only
 * macOS and Windows). Source: freedesktop.org Desktop Application Autostart Specification.
 */
export const linuxAutostartEntry = (execPath: string): string =>
  [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Dialdeck',
    `Exec="${execPath.replace(/(["`$\\])/g, '\\$1')}" --hidden`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');

/** The tray's texts in `locale`: its tooltip (with the callbacks due) and its menu items. */
export const trayText = (locale: Locale, callbacksDue: number) => {
  const text = TEXT[locale].desktop;
  const due =
    callbacksDue === 0
      ? null
      : (callbacksDue === 1 ? text.trayCallbacksDue_one : text.trayCallbacksDue_other).replace(
          '{{count}}',
          String(callbacksDue),
        );
  return {
    tooltip: due ? `${text.trayTooltip} · ${due}` : text.trayTooltip,
    due,
    show: text.trayShow,
    quit: text.trayQuit,
  };
};
