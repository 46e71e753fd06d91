import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';

const PAGE = resolve(import.meta.dirname, 'talk-meter');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/**
 * Builds the talk-meter page (test/e2e/talk-meter) with Vite into `outDir`, bundling the meter's
 * AudioWorklet as the app's build does (`?worker&url`).
 */
export const buildTalkMeterPage = async (outDir: string): Promise<void> => {
  await build({
    configFile: false,
    root: PAGE,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
};

/**
 * Serves `dir` on 127.0.0.1 with the desktop window's Content-Security-Policy header, so a worklet the
 * policy blocks fails here as it would in the app. Resolves with the page's address and a closer.
 */
export const serveTalkMeterPage = async (
  dir: string,
): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    try {
      const body = await readFile(join(dir, path === '/' ? 'index.html' : path));
      response.writeHead(200, {
        'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
};
