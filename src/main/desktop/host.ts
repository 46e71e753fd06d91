import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  type DesktopIntegration,
  DesktopRequest,
  type LaunchItem,
  type PendingLaunch,
  type UpdateStatus,
} from '@shared/api/desktop';
import type { EventName, EventPayload } from '@shared/api/events';
import { MAX_UPLOAD_BYTES } from '@shared/api/limits';
import { IPC_EVENT } from '@shared/bridge';
import { csvFileInArgs, phoneLinkInArgs } from '@shared/phoneLinks';
import { app, type BrowserWindow, Menu, nativeImage, Tray } from 'electron';
import electronUpdater from 'electron-updater';
import type { Core } from '../core';
import { readSettings } from '../core/settings/repo';
import { startupLocale } from '../startup-failure';
import {
  chooseUpdateFeed,
  createLaunchQueue,
  csvLaunchCheck,
  installerFeedUrl,
  linuxAutostartEntry,
  nextUpdateStatus,
  PHONE_SCHEMES,
  phoneHandlerProblem,
  plainReleaseNotes,
  trayText,
} from './integration';

// The Electron host's OS integration: phone links and CSV files handed over by the OS, the tray,
// start at login and automatic updates. Thin on purpose: every decision is in ./integration.ts or
// @shared/phoneLinks, which are tested; this file is type-checked and wires them to Electron.

const { autoUpdater } = electronUpdater;
const CALLBACK_WINDOW_MS = 7 * 24 * 3_600_000;
const TRAY_REFRESH_MS = 60_000;
const UPDATE_CHECK_MS = 4 * 3_600_000;

type Host = {
  core: Core;
  /** The main window, created again when it was closed. */
  window: () => BrowserWindow;
  iconFile: string;
  /** `--data-dir=DIR` when this launch chose its data folder, so OS launches (login, links) use it too. */
  launchArgs: string[];
  /** Called just before an update restarts the app, so the window closes instead of hiding to the tray. */
  beforeUpdateRestart: () => void;
};

/**
 * How the OS should start Dialdeck for a link or at login: the executable and its arguments. Electron's
 * own dev launches (`electron .`) pass the app's path, so the OS starts the app and not a bare
 * Electron; `launchArgs` keeps the data folder (Windows passes them; macOS and Linux' .desktop entry
 * start the app without them).
 */
const launchCommand = (launchArgs: string[]): { path: string; args: string[] } | null => {
  if (!app.isPackaged && process.argv[1]) {
    return { path: process.execPath, args: [resolve(process.argv[1]), ...launchArgs] };
  }
  return launchArgs.length > 0 ? { path: process.execPath, args: launchArgs } : null;
};

const isPhoneHandler = (launchArgs: string[]): boolean => {
  const command = launchCommand(launchArgs);
  return PHONE_SCHEMES.every((scheme) =>
    command
      ? app.isDefaultProtocolClient(scheme, command.path, command.args)
      : app.isDefaultProtocolClient(scheme),
  );
};

/** Registers (or removes) Dialdeck for tel: and callto:; answers why it did not take (see phoneHandlerProblem). */
const setPhoneHandler = (on: boolean, launchArgs: string[]): 'refused' | 'not_default' | null => {
  const command = launchCommand(launchArgs);
  const registered = PHONE_SCHEMES.map((scheme) => {
    if (on) {
      return command
        ? app.setAsDefaultProtocolClient(scheme, command.path, command.args)
        : app.setAsDefaultProtocolClient(scheme);
    }
    return command
      ? app.removeAsDefaultProtocolClient(scheme, command.path, command.args)
      : app.removeAsDefaultProtocolClient(scheme);
  });
  return phoneHandlerProblem(on, registered, isPhoneHandler(launchArgs));
};

const linuxAutostartFile = () => join(homedir(), '.config', 'autostart', 'dialdeck.desktop');

const loginArgs = (launchArgs: string[]) => ['--hidden', ...launchArgs];

const startsAtLogin = (launchArgs: string[]): boolean =>
  process.platform === 'linux'
    ? existsSync(linuxAutostartFile())
    : app.getLoginItemSettings({ args: loginArgs(launchArgs) }).openAtLogin;

const setStartAtLogin = (on: boolean, launchArgs: string[]) => {
  if (process.platform === 'linux') {
    const file = linuxAutostartFile();
    if (on) {
      mkdirSync(join(homedir(), '.config', 'autostart'), { recursive: true });
      writeFileSync(file, linuxAutostartEntry(process.env.APPIMAGE ?? process.execPath, launchArgs), {
        mode: 0o644,
      });
    } else rmSync(file, { force: true });
    return;
  }
  // Windows starts the app with these arguments; macOS reports `wasOpenedAtLogin` instead.
  app.setLoginItemSettings({ openAtLogin: on, args: loginArgs(launchArgs) });
};

/** Wires the OS integration around the core and the main window; returns what main's IPC needs. */
export const startDesktopIntegration = ({
  core,
  window,
  iconFile,
  launchArgs,
  beforeUpdateRestart,
}: Host) => {
  const pending: { name: EventName; payload: unknown }[] = [];
  let rendererReady = false;

  /** Sends a host event to the renderer, holding it until the page has loaded. */
  const send = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const target = window();
    if (!rendererReady || target.webContents.isLoading()) {
      pending.push({ name, payload });
      return;
    }
    target.webContents.send(IPC_EVENT, name, payload);
  };
  const flush = () => {
    rendererReady = true;
    for (const event of pending.splice(0)) window().webContents.send(IPC_EVENT, event.name, event.payload);
  };

  const bringForward = () => {
    const target = window();
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
  };

  // What the OS hands over waits here until the page takes it (see createLaunchQueue).
  const launches = createLaunchQueue();
  const hold = (item: LaunchItem) => {
    if (launches.add(item) === 'nudge') send('app:launchPending', {});
  };

  /** A CSV opened with Dialdeck: read here (up to the upload limit) and handed to the import wizard. */
  const openCsv = async (file: string) => {
    const fileName = basename(file);
    try {
      const check = csvLaunchCheck((await stat(file)).size, MAX_UPLOAD_BYTES);
      if (check !== 'read') {
        hold({ kind: 'fileRefused', fileName, reason: check });
        return;
      }
      const data = await readFile(file);
      hold({ kind: 'file', fileName, dataBase64: data.toString('base64') });
    } catch {
      hold({ kind: 'fileRefused', fileName, reason: 'unreadable' });
    }
  };

  /**
   * A launch's (or a second launch's) arguments: a phone link or a CSV file. `cwd` is the launching
   * process's working directory, against which a relative CSV path is read.
   */
  const handleArgs = (argv: readonly string[], cwd: string = process.cwd()) => {
    const link = phoneLinkInArgs(argv);
    if (link) hold({ kind: 'link', url: link });
    const csv = link ? null : csvFileInArgs(argv.slice(1));
    if (csv) void openCsv(resolve(cwd, csv));
  };

  // Updates.
  let update: UpdateStatus = { state: 'off', version: null, notes: null, percent: null, message: null };
  const setUpdate = (next: UpdateStatus) => {
    update = next;
    send('app:update', update);
  };
  autoUpdater.autoDownload = true;
  // "Later" means at the next quit: the downloaded update installs then.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('checking-for-update', () => setUpdate(nextUpdateStatus(update, { kind: 'checking' })));
  autoUpdater.on('update-not-available', () => setUpdate(nextUpdateStatus(update, { kind: 'none' })));
  autoUpdater.on('update-available', (info) =>
    setUpdate(
      nextUpdateStatus(update, {
        kind: 'available',
        version: info.version,
        notes: plainReleaseNotes(info.releaseNotes),
      }),
    ),
  );
  autoUpdater.on('download-progress', (progress) =>
    setUpdate(nextUpdateStatus(update, { kind: 'progress', percent: progress.percent })),
  );
  autoUpdater.on('update-downloaded', (info) =>
    setUpdate(
      nextUpdateStatus(update, {
        kind: 'downloaded',
        version: info.version,
        notes: plainReleaseNotes(info.releaseNotes),
      }),
    ),
  );
  autoUpdater.on('error', (error) =>
    setUpdate(nextUpdateStatus(update, { kind: 'error', message: error.message })),
  );

  // The feed built into the installer (app-update.yml from `npm run dist`), read once.
  const installerFeed = (() => {
    const file = join(process.resourcesPath ?? '', 'app-update.yml');
    try {
      return installerFeedUrl(readFileSync(file, 'utf8'));
    } catch {
      return null;
    }
  })();
  let feedSource: 'settings' | 'installer' | null = null;
  let phoneProblem: 'refused' | 'not_default' | null = null;

  const checkForUpdates = () => {
    const feed = chooseUpdateFeed(readSettings(core.db).updateFeedUrl, installerFeed);
    feedSource = feed?.source ?? null;
    if (!app.isPackaged || !feed) {
      setUpdate(nextUpdateStatus(update, { kind: 'off' }));
      return;
    }
    autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
    void autoUpdater
      .checkForUpdates()
      .catch((error: unknown) =>
        setUpdate(nextUpdateStatus(update, { kind: 'error', message: String(error) })),
      );
  };

  // The tray: the callbacks due, show and quit.
  const tray = new Tray(nativeImage.createFromPath(iconFile).resize({ width: 16, height: 16 }));
  const refreshTray = async () => {
    const now = Date.now();
    let due = 0;
    let locale = startupLocale(app.getLocale());
    try {
      due = (
        await core.handlers['callbacks.upcoming']({ from: now - CALLBACK_WINDOW_MS, to: now, limit: 1000 })
      ).length;
      locale = readSettings(core.db).locale;
    } catch {
      // An unreadable store shows its error in the window; the tray keeps its plain texts.
    }
    if (tray.isDestroyed()) return;
    const text = trayText(locale, due);
    tray.setToolTip(text.tooltip);
    if (process.platform === 'darwin') tray.setTitle(due > 0 ? String(due) : '');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...(text.due ? [{ label: text.due, enabled: false }, { type: 'separator' as const }] : []),
        { label: text.show, click: bringForward },
        { label: text.quit, click: () => app.quit() },
      ]),
    );
  };
  tray.on('click', bringForward);
  void refreshTray();
  const stopEvents = core.events.onAny((name) => {
    if (name === 'queue:changed' || name === 'settings:changed') void refreshTray();
  });
  const timers = [
    setInterval(() => void refreshTray(), TRAY_REFRESH_MS),
    setInterval(checkForUpdates, UPDATE_CHECK_MS),
  ];
  checkForUpdates();

  const integration = (): DesktopIntegration => ({
    phoneHandler: isPhoneHandler(launchArgs),
    startAtLogin: startsAtLogin(launchArgs),
    update,
    installerFeedUrl: installerFeed,
    feedSource,
    phoneHandlerProblem: phoneProblem,
  });

  return {
    send,
    handleArgs,
    bringForward,
    /** Whether the tray icon is up (closing the window then hides it to the tray). */
    hasTray: () => !tray.isDestroyed(),
    /** Call on the window's `did-finish-load`: sends what arrived before the page could listen. */
    rendererLoaded: flush,
    /** Call when the window starts loading a page: it listens again only once it takes. */
    rendererLoading: () => launches.pageGone(),
    /** The phone links and files handed over so far, oldest first; the queue is emptied. */
    takePendingLaunch: (): PendingLaunch => ({ items: launches.take() }),
    /** Answers the renderer's `desktop(request)` (checked against `DesktopRequest`). */
    request(input: unknown): DesktopIntegration {
      const request = DesktopRequest.parse(input);
      if (request.action === 'setPhoneHandler') phoneProblem = setPhoneHandler(request.on, launchArgs);
      else if (request.action === 'setStartAtLogin') setStartAtLogin(request.on, launchArgs);
      else if (request.action === 'checkForUpdates') checkForUpdates();
      else if (request.action === 'restartToUpdate' && update.state === 'ready') {
        beforeUpdateRestart();
        setImmediate(() => autoUpdater.quitAndInstall());
      }
      return integration();
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
      stopEvents();
      tray.destroy();
    },
  };
};
