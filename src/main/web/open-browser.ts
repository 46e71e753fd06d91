import { spawn } from 'node:child_process';

/** The OS command that opens a URL in the default browser, without a shell in between. */
export const browserCommand = (
  url: string,
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[] } => {
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  return { command: 'xdg-open', args: [url] };
};

/** Opens `url` in the default browser; resolves false when there is no browser to open it with. */
export const openBrowser = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const { command, args } = browserCommand(url);
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
