import type { LaunchItem, UpdateStatus } from '@shared/api/desktop';
import type { Locale } from '@shared/api/settings';
import { updateFeedProblem } from '@shared/updateFeed';
import { load } from 'js-yaml';
import { en } from '../../renderer/src/i18n/resources/en';
import { ko } from '../../renderer/src/i18n/resources/ko';
import { zhCN } from '../../renderer/src/i18n/resources/zh-CN';

// The Electron host's OS integration, as pure functions (the host in ./host.ts only wires them).

const TEXT = { en, 'zh-CN': zhCN, ko } as const;

/** The schemes Dialdeck offers to handle: RFC 3966 `tel:` and the older `callto:`. */
export const PHONE_SCHEMES = ['tel', 'callto'] as const;

/**
 * Why turning the phone handler on did not take, from what `setAsDefaultProtocolClient` answered for
 * each scheme (`registered`) and whether the OS names Dialdeck the handler afterwards (`isDefault`):
 * `refused` when any registration failed, `not_default` when all succeeded but another app still
 * handles the links (Windows until the rep picks Dialdeck in Default apps), else null. Turning it off
 * never has a problem to show.
 */
export const phoneHandlerProblem = (
  on: boolean,
  registered: readonly boolean[],
  isDefault: boolean,
): 'refused' | 'not_default' | null => {
  if (!on) return null;
  if (registered.some((ok) => !ok)) return 'refused';
  return isDefault ? null : 'not_default';
};

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
 * macOS and Windows), hidden in the tray, on the same data folder (`args`, e.g. `--data-dir=/srv/x`).
 * Each argument is quoted with `"`, `` ` ``, `$` and `\` escaped, and `%` written `%%` (a lone `%` is a
 * field code). Source: freedesktop.org Desktop Application Autostart Specification and Desktop Entry
 * Specification, "The Exec key".
 */
export const linuxAutostartEntry = (execPath: string, args: readonly string[] = []): string => {
  const quote = (arg: string) => `"${arg.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Dialdeck',
    `Exec=${[quote(execPath), '--hidden', ...args.map(quote)].join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
};

/**
 * The arguments that keep a launch the OS starts (login, a phone link on Windows) on the data folder
 * this one uses: `--data-dir=DIR` when one was chosen by `--data-dir` or `DIALDECK_DATA_DIR`, else none.
 */
export const dataDirArgs = (chosenDataDir: string | null): string[] =>
  chosenDataDir ? [`--data-dir=${chosenDataDir}`] : [];

/**
 * Whether this launch starts in the tray without a window: started at login (`--hidden`, or macOS's
 * `wasOpenedAtLogin`) with no phone link or CSV to show, neither in `argv` nor among `handedOver`
 * (what macOS's `open-url`/`open-file` events delivered before `ready`, each as `['', item]`).
 */
export const startsHidden = (
  argv: readonly string[],
  openedAtLogin: boolean,
  handedOver: readonly (readonly string[])[] = [],
): boolean =>
  (argv.includes('--hidden') || openedAtLogin) &&
  handedOver.length === 0 &&
  !argv
    .slice(1)
    .some((arg) => /^(tel|callto):/i.test(arg.trim()) || (!arg.startsWith('-') && /\.csv$/i.test(arg)));

/**
 * What closing the main window does: with a tray icon the window only hides (`hide`), so the tray, its
 * callbacks-due count and the callback notifications keep running; it really closes (`close`) when the
 * app is quitting (tray "Quit", Cmd/Ctrl+Q, an update's restart) or there is no tray to come back from.
 */
export const closeAction = (state: { quitting: boolean; hasTray: boolean }): 'hide' | 'close' =>
  !state.quitting && state.hasTray ? 'hide' : 'close';

/**
 * What a launch item the OS hands over to the running app does to the window — a second launch's
 * arguments, or macOS's `open-url`/`open-file` events: before `ready` it waits (`queue`, the first
 * window then starts shown); after, the window is created if closed, shown, restored and focused
 * (`bring-forward`) on every OS, as a hidden (started at login) or minimised window would otherwise
 * never show the link.
 */
export const launchItemAction = (appReady: boolean): 'queue' | 'bring-forward' =>
  appReady ? 'bring-forward' : 'queue';

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

/** The most launch items held for a window that never takes them (the oldest are dropped first). */
export const MAX_PENDING_LAUNCH_ITEMS = 20;

/**
 * The phone links and files the OS hands over, held until the window takes them. A pull, not a push:
 * on a cold start the link arrives before the page subscribes to events, so the host only nudges
 * (`app:launchPending`) and the page takes what is queued once it listens. `add` answers whether to
 * nudge now (the page has taken once and so listens); `take` empties the queue and marks the page as
 * listening; `pageGone` (the window reloads or is replaced) stops nudges until the new page takes.
 */
export const createLaunchQueue = (limit = MAX_PENDING_LAUNCH_ITEMS) => {
  const items: LaunchItem[] = [];
  let listening = false;
  return {
    add(item: LaunchItem): 'nudge' | 'hold' {
      items.push(item);
      if (items.length > limit) items.splice(0, items.length - limit);
      return listening ? 'nudge' : 'hold';
    },
    take(): LaunchItem[] {
      listening = true;
      return items.splice(0);
    },
    pageGone(): void {
      listening = false;
    },
    get size(): number {
      return items.length;
    },
  };
};

/**
 * What a CSV file opened with Dialdeck becomes, from its size in bytes: refused when empty or over
 * `maxBytes` (the upload limit), else read.
 */
export const csvLaunchCheck = (size: number, maxBytes: number): 'read' | 'empty' | 'too_large' =>
  size === 0 ? 'empty' : size > maxBytes ? 'too_large' : 'read';

/**
 * The update feed an installer carries: the `url` of electron-builder's `app-update.yml` (written into
 * the app's resources from `publish` at `npm run dist`, `DIALDECK_UPDATE_URL`), or null when the file
 * holds none, is not a generic feed, or its URL breaks the feed rules (see `updateFeedProblem`).
 */
export const installerFeedUrl = (appUpdateYml: string | null): string | null => {
  if (appUpdateYml === null) return null;
  let config: unknown;
  try {
    config = load(appUpdateYml);
  } catch {
    return null;
  }
  if (typeof config !== 'object' || config === null) return null;
  const { provider, url } = config as { provider?: unknown; url?: unknown };
  if (provider !== 'generic' || typeof url !== 'string' || url.trim() === '') return null;
  return updateFeedProblem(url) === null ? url.trim() : null;
};

/**
 * The feed the app checks: the rep's own (Settings → Updates) when set and valid, else the
 * installer's, else none (automatic updates off). `source` says which, for the settings screen.
 */
export const chooseUpdateFeed = (
  ownFeed: string,
  installerFeed: string | null,
): { url: string; source: 'settings' | 'installer' } | null => {
  const own = ownFeed.trim();
  if (own !== '' && updateFeedProblem(own) === null) return { url: own, source: 'settings' };
  if (own === '' && installerFeed !== null) return { url: installerFeed, source: 'installer' };
  return null;
};
