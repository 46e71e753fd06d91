import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** A test page served on loopback: `url` to open, `close` to stop serving it. */
export type BundledPage = { url: string; close: () => Promise<void> };

/**
 * Bundles `entry` (a browser script under test/e2e) with esbuild and serves it as the only script of
 * an empty page on 127.0.0.1 (a secure context, so getUserMedia and WebRTC work without TLS).
 */
export const serveBundledPage = async (entry: string, title: string): Promise<BundledPage> => {
  const bundle = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><script type="module" src="/page.js"></script>`;
  const server: Server = createServer((request, response) => {
    if (request.url === '/page.js')
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
};
