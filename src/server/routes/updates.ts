import { createReadStream } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ServerError } from '../errors';

/** A file name the feed may serve: no folder part, no leading dot (electron-builder's artifact names). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._+~-]{0,199}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * `GET /updates/<file>` (public): the desktop app's update feed, read-only from the folder given as
 * `server start --updates-dir DIR` or `DIALDECK_UPDATES_DIR` — what `npm run dist` produced
 * (`latest*.yml`, the installers, their `.blockmap`s). Only regular files directly in that folder are
 * served: no listing (`/updates/` is 404), no sub-folders, no dot files, no symbolic links, nothing
 * outside it. The `latest*.yml` files are `no-cache`, so a new release is seen at once. Without a
 * folder every `/updates` address answers 404 `not_found` saying how to set one.
 */
export const updateRoutes = (app: FastifyInstance, updatesDir: string | undefined): void => {
  const root = updatesDir ? resolve(updatesDir) : null;
  const notFound = () =>
    new ServerError(
      'not_found',
      root === null
        ? 'This server hosts no update feed. Start it with --updates-dir DIR (or DIALDECK_UPDATES_DIR) naming the folder npm run dist filled.'
        : 'No such file in the update feed. Its address is /updates/ followed by a file name from latest*.yml.',
    );
  app.get('/updates', { config: { access: 'public' } }, async () => {
    throw notFound();
  });
  app.get('/updates/', { config: { access: 'public' } }, async () => {
    throw notFound();
  });
  app.get('/updates/:file', { config: { access: 'public' } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    if (root === null || !FILE_NAME.test(file)) throw notFound();
    const path = join(root, file);
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile() || dirname(await realpath(path)) !== (await realpath(root))) throw notFound();
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return reply
      .header('content-type', type)
      .header('content-length', info.size)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', type.startsWith('text/yaml') ? 'no-cache' : 'public, max-age=3600')
      .send(createReadStream(path));
  });
};
