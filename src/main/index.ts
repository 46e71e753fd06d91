import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IPC_DESKTOP, IPC_EVENT, IPC_INVOKE, IPC_LAUNCH, IPC_NOTIFY } from '@shared/bridge';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { resolveAppRequest } from './app-protocol';
import { type Core, openCore } from './core';
import { dispatch } from './core/dispatch';
import { flagValue, resolveDataDir } from './core/paths';
import { startDesktopIntegration } from './desktop/host';
import { closeAction, dataDirArgs, launchItemAction, startsHidden } from './desktop/integration';
import { keychainSecretStore } from './keychain-secrets';
import { keychainTokenStore } from './keychain-tokens';
import { showDesktopNotification } from './notifications';
import {
  APP_PAGE_URL,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  devServerUrlFrom,
  isPermissionAllowed,
  isTrustedSender,
  type RendererLocation,
} from './security';
import { startupFailure, startupLocale } from './startup-failure';

// The Electron host: windows, IPC and OS integration around the core. Everything else is in ./core,
// every security decision is a pure function in ./security.

const rendererDir = join(import.meta.dirname, '..', 'renderer');
const devServerUrl = devServerUrlFrom(process.env, app.isPackaged);
const renderer: RendererLocation = { pageUrl: APP_PAGE_URL, devServerUrl };

// The built renderer is served from app://dialdeck, a secure standard origin of its own, not from
// file:// (where every local file would share the page's origin). Must be declared before `ready`.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

// The same folder the web host and the CLI use (see core/paths). Chromium's own files and the
// single-instance lock live there too, so one data dir is never opened by two windows' worth of
// processes, and two data dirs are two independent apps.
const dataDir = resolveDataDir(flagValue(process.argv, '--data-dir'), process.env);
app.setName('Dialdeck');
app.setPath('userData', dataDir);
// Every renderer runs in Chromium's sandbox, whatever a window's own preferences say.
app.enableSandbox();

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build the CLI and tests use. */
const electronNativeBinding = (): string | undefined => {
  const candidates = [
    join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), 'build', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((file) => existsSync(file));
};

const openExternal = (url: string) => {
  void shell.openExternal(url).catch(() => undefined);
};

const createWindow = (
  core: Core,
  onLoaded: () => void = () => undefined,
  onLoading: () => void = () => undefined,
  show = true,
): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Dialdeck',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  // Started at login, the app waits in the tray until the rep (or a link) brings it forward.
  window.once('ready-to-show', () => {
    if (show) window.show();
  });
  window.webContents.on('did-start-loading', onLoading);
  window.webContents.on('did-finish-load', onLoaded);
  const stopEvents = core.events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, name, payload);
  });
  window.on('closed', stopEvents);
  void window.loadURL(devServerUrl ?? APP_PAGE_URL);
  return window;
};

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Answers app:// requests with files of the built renderer only (the path checks are in app-protocol.ts). */
const serveRenderer = () => {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = request.method === 'GET' ? resolveAppRequest(request.url, rendererDir) : null;
    if (!target) return notFound();
    try {
      const body = await readFile(target.file);
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': target.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return notFound();
    }
  });
};

/** Every web contents shows only the renderer; links leave for the OS browser after a scheme check. */
const guardContents = (contents: WebContents) => {
  const onNavigate = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url, renderer);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(event.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, renderer) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, renderer) === 'open-external') openExternal(url);
    return { action: 'deny' };
  });
};

const lockDown = () => {
  const ses = session.defaultSession;
  // app:// responses carry the policy themselves (and index.html its meta copy); this covers everything
  // else served through the session. The dev server keeps its own so hot reload works.
  if (!devServerUrl) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  }
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed({ permission, url: details.requestingUrl, mediaTypes }, renderer));
  });
  ses.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : undefined;
    return isPermissionAllowed({ permission, url: contents?.getURL(), mediaTypes }, renderer);
  });
  ses.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
};

const openCoreOrExplain = (): Core | null => {
  const nativeBinding = electronNativeBinding();
  try {
    // Signed in, the app syncs in the background; its token and the SIP password are kept sealed by the OS keychain.
    return openCore({
      dataDir,
      nativeBinding,
      seedDemo: true,
      watchOtherWriters: true,
      tokens: keychainTokenStore(dataDir),
      secrets: keychainSecretStore(dataDir),
      syncInBackground: true,
    });
  } catch (error) {
    const { title, body } = startupFailure(error, startupLocale(app.getLocale()), { dataDir, nativeBinding });
    dialog.showErrorBox(title, body);
    return null;
  }
};

/**
 * Phone links and files the OS hands over (macOS events arrive before `ready` too): queued until the
 * host starts, then each one brings the window forward (see launchItemAction).
 */
const handedOver: string[][] = [];
let handOver: (argv: string[]) => void = (argv) => {
  if (launchItemAction(false) === 'queue') handedOver.push(argv);
};
/** Set once the app really quits (tray "Quit", Cmd/Ctrl+Q, an update's restart): windows then close. */
let quitting = false;
app.on('before-quit', () => {
  quitting = true;
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  handOver(['', url]);
});
app.on('open-file', (event, file) => {
  event.preventDefault();
  handOver(['', file]);
});

/** Whether an IPC message comes from the app's own top-level page. */
const fromRenderer = (event: Electron.IpcMainInvokeEvent): boolean => {
  const frame = event.senderFrame;
  const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
  return isTrustedSender(sender, renderer);
};

const main = async () => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  lockDown();
  serveRenderer();
  const core = openCoreOrExplain();
  if (!core) {
    app.exit(1);
    return;
  }
  process.stdout.write(`Dialdeck data: ${dataDir}\n`);
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, input: unknown) => {
    if (!fromRenderer(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call Dialdeck.' } };
    }
    return dispatch(core.handlers, typeof method === 'string' ? method : '', input);
  });
  let desktop: ReturnType<typeof startDesktopIntegration> | null = null;
  const onLoaded = () => desktop?.rendererLoaded();
  const onLoading = () => desktop?.rendererLoading();
  const hidden = startsHidden(
    process.argv,
    process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
    handedOver,
  );
  let hasTray = false;
  // Closing the window hides it while the tray runs (callbacks due, notifications); quitting closes it.
  const keepInTray = (target: BrowserWindow): BrowserWindow => {
    target.on('close', (event) => {
      if (closeAction({ quitting, hasTray }) === 'hide') {
        event.preventDefault();
        target.hide();
      }
    });
    return target;
  };
  let window = keepInTray(createWindow(core, onLoaded, onLoading, !hidden));
  const currentWindow = () => {
    if (window.isDestroyed()) window = keepInTray(createWindow(core, onLoaded, onLoading));
    return window;
  };
  desktop = startDesktopIntegration({
    core,
    window: currentWindow,
    iconFile: join(app.getAppPath(), 'resources', 'icon.png'),
    // A data folder chosen for this launch is kept for the launches the OS makes (links, login).
    launchArgs: dataDirArgs(
      flagValue(process.argv, '--data-dir') || process.env.DIALDECK_DATA_DIR ? dataDir : null,
    ),
    beforeUpdateRestart: () => {
      quitting = true;
    },
  });
  const integration = desktop;
  hasTray = integration.hasTray();
  handOver = (argv) => {
    if (launchItemAction(true) === 'bring-forward') {
      currentWindow();
      integration.bringForward();
    }
    integration.handleArgs(argv);
  };
  for (const argv of [process.argv, ...handedOver.splice(0)]) integration.handleArgs(argv);
  ipcMain.handle(IPC_NOTIFY, (event, notification: unknown) => {
    if (!fromRenderer(event)) return false;
    return showDesktopNotification(notification, (target) => {
      integration.bringForward();
      core.events.emit('app:noticeClicked', target);
    });
  });
  // The page takes what the OS handed over once it listens: a cold start's link is not lost.
  ipcMain.handle(IPC_LAUNCH, (event) =>
    fromRenderer(event) ? integration.takePendingLaunch() : { items: [] },
  );
  ipcMain.handle(IPC_DESKTOP, (event, request: unknown) => {
    if (!fromRenderer(event)) throw new Error('This window may not change Dialdeck’s OS integration.');
    return integration.request(request);
  });
  // A second launch (a tel: link clicked, a CSV opened) forwards its arguments here and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    currentWindow();
    integration.bringForward();
    integration.handleArgs(argv, workingDirectory);
  });
  // The Dock icon (macOS) shows the window, hidden to the tray or closed.
  app.on('activate', () => {
    currentWindow();
    integration.bringForward();
  });
  // Reached only when the window really closed (quitting, or no tray to keep running in).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || !hasTray) app.quit();
  });
  app.on('will-quit', () => {
    integration.stop();
    core.close();
  });
};

void main();
