import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** A test page served on loopback: `url` to open, `close` to stop serving it. */
export type BundledPage = { url: string; close: () => Promise<void> };

const WORKER_URL = /\?worker&url$/;

/**
 * Vite's `?worker&url` imports (the talk meter's AudioWorklet) for esbuild: the imported file is bundled
 * on its own into `scripts` under `/worker-N.js`, and the import answers that path, as Vite's build does.
 */
const workerUrls = (scripts: Map<string, string>): Plugin => ({
  name: 'worker-url',
  setup(plugin) {
    plugin.onResolve({ filter: WORKER_URL }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(WORKER_URL, '')),
      namespace: 'worker-url',
    }));
    plugin.onLoad({ filter: /.*/, namespace: 'worker-url' }, async (args) => {
      const worker = await build({
        entryPoints: [args.path],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'chrome120',
        write: false,
        logLevel: 'silent',
      });
      const path = `/worker-${scripts.size + 1}.js`;
      scripts.set(path, worker.outputFiles[0]?.text ?? '');
      return { contents: `export default ${JSON.stringify(path)};`, loader: 'js' };
    });
  },
});

/**
 * Bundles `entry` (a browser script under test/e2e) with esbuild and serves it as the only script of
 * an empty page on 127.0.0.1 (a secure context, so getUserMedia and WebRTC work without TLS). A
 * `?worker&url` import is bundled as its own script and served beside it.
 */
export const serveBundledPage = async (entry: string, title: string): Promise<BundledPage> => {
  const scripts = new Map<string, string>();
  const bundle = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    plugins: [workerUrls(scripts)],
  });
  scripts.set('/page.js', bundle.outputFiles[0]?.text ?? '');
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><script type="module" src="/page.js"></script>`;
  const server: Server = createServer((request, response) => {
    const script = scripts.get(request.url ?? '');
    if (script !== undefined) response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
};
