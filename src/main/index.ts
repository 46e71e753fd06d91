import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IPC_EVENT, IPC_INVOKE } from '@shared/bridge';
import { app, BrowserWindow, type IpcMainInvokeEvent, ipcMain, session, shell } from 'electron';
import { type Core, openCore } from './core';
import { dispatch } from './core/dispatch';
import { resolveDataDir } from './core/paths';
import { CONTENT_SECURITY_POLICY, isSafeExternalUrl } from './security';

// The Electron host: windows, IPC and OS integration around the core. Everything else is in ./core.

const argValue = (flag: string): string | undefined => {
  const index = process.argv.indexOf(flag);
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
};

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build the CLI and tests use. */
const electronNativeBinding = (): string | undefined => {
  const candidates = [
    join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), 'build', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((file) => existsSync(file));
};

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(import.meta.dirname, '..', 'renderer', 'index.html');

/** Only our own renderer may call the core. */
const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
  const url = event.senderFrame?.url;
  if (!url) return false;
  if (rendererUrl && !app.isPackaged) return url.startsWith(rendererUrl);
  return (
    url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html')
  );
};

const createWindow = (core: Core): BrowserWindow => {
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
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  const stopEvents = core.events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, name, payload);
  });
  window.on('closed', stopEvents);
  if (rendererUrl && !app.isPackaged) void window.loadURL(rendererUrl);
  else void window.loadFile(rendererFile);
  return window;
};

const lockDown = () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // Microphone access is the only permission the workspace asks for (calls).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'media'),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
};

const main = async () => {
  app.setName('Dialdeck');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  lockDown();
  const core = openCore({
    dataDir: resolveDataDir(argValue('--data-dir') ?? undefined, process.env) || app.getPath('userData'),
    nativeBinding: electronNativeBinding(),
    seedDemo: true,
  });
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call Dialdeck.' } };
    }
    return dispatch(core.handlers, typeof method === 'string' ? method : '', input);
  });
  let window = createWindow(core);
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = createWindow(core);
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow(core);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core.close());
};

void main();
