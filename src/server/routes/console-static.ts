import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The console page's Content-Security-Policy: only the server's own scripts (no inline script, no
 * eval), its own API and event stream, no frames, no plugins, forms only to itself. Inline styles are
 * allowed because Radix's dialogs set them at run time (the desktop renderer's policy does the same).
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Where the built console lives: `out/console`, found upwards from the bundle this code runs from
 * (`out/main/chunks/…`), or `DIALDECK_CONSOLE_DIR`. Null when it was not built (`npm run build`).
 */
export const consoleDir = (): string | null => {
  const fromEnv = process.env.DIALDECK_CONSOLE_DIR;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = fromEnv
    ? [resolve(fromEnv)]
    : [
        resolve(here, '..', 'console'),
        resolve(here, '..', '..', 'console'),
        resolve(here, '..', '..', '..', 'out', 'console'),
      ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
};

const secure = (reply: FastifyReply): FastifyReply =>
  reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    // The invitation and reset pages carry a secret in their address: never send it on as a referrer.
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('x-frame-options', 'DENY');

/**
 * Serves the team console under `/console` (public: the page itself holds no data; every read it makes
 * is checked by the API's own access rules). Hashed build assets (`/console/assets/…`) are cached for a
 * year as immutable; every other address answers the page (`index.html`, `no-cache`), so the console's
 * own routes (`/console/inbox`, `/console/link/…`) survive a reload. Every answer carries `CONSOLE_CSP`.
 * Without a built console, `/console` answers 404 `not_built` with what to run.
 */
export const consoleStaticRoutes = async (app: FastifyInstance): Promise<void> => {
  const root = consoleDir();
  if (root === null) {
    app.get('/console*', { config: { access: 'public' } }, async (_request, reply) =>
      reply.code(404).send({
        error: {
          code: 'not_built',
          message: 'The console is not built on this server. Run `npm run build`, then restart the server.',
        },
      }),
    );
    return;
  }
  await app.register(fastifyStatic, { root, serve: false });
  const page = (reply: FastifyReply) =>
    secure(reply).header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });

  app.get('/console', { config: { access: 'public' } }, async (_request, reply) =>
    secure(reply).redirect('/console/', 308),
  );
  app.get('/console/*', { config: { access: 'public' } }, async (request, reply) => {
    const wanted = (request.params as { '*': string })['*'] ?? '';
    const file = resolve(root, wanted);
    const inside = file.startsWith(`${root}${sep}`);
    if (inside && wanted !== '' && existsSync(file) && statSync(file).isFile()) {
      const immutable = wanted.startsWith('assets/');
      return secure(reply)
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
        .sendFile(wanted, root, { cacheControl: false });
    }
    if (wanted.startsWith('assets/')) {
      return secure(reply)
        .code(404)
        .send({
          error: { code: 'not_found', message: `There is no console file ${wanted}. Reload the console.` },
        });
    }
    return page(reply);
  });
};
