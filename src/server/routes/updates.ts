import { statSync } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import send from '@fastify/send';
import type { FastifyInstance } from 'fastify';
import { ServerError } from '../errors';

/** A file name the feed may serve: no folder part, no leading dot (electron-builder's artifact names). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._+~-]{0,199}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * Why `dir` cannot be the update feed's folder, as a sentence saying what to do, or null when it is a
 * folder the server can list: it must exist, be a folder (not a file) and be readable. Checked by
 * `server start` before it listens, so a mistyped `--updates-dir` is not a feed that answers 404 forever.
 */
export const updatesDirProblem = (dir: string): string | null => {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(dir);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return `The update feed folder ${dir} does not exist. Give --updates-dir (or DIALDECK_UPDATES_DIR) the folder npm run dist filled (dist/).`;
    }
    return `The update feed folder ${dir} cannot be read (${code || 'unknown error'}). Check its permissions, or give another folder with --updates-dir.`;
  }
  if (!info.isDirectory()) {
    return `${dir} is a file, not a folder. Give --updates-dir (or DIALDECK_UPDATES_DIR) the folder that holds latest*.yml and the installers, not one of them.`;
  }
  return null;
};

/**
 * `GET /updates/<file>` (public): the desktop app's update feed, read-only from the folder given as
 * `server start --updates-dir DIR` or `DIALDECK_UPDATES_DIR` — what `npm run dist` produced
 * (`latest*.yml`, the installers, their `.blockmap`s). Only regular files directly in that folder are
 * served, by `@fastify/send` (one byte range: 206, 416 past the end, several ranges: the whole file,
 * as RFC 9110 §14.2 allows; `If-Range`, ETag and Last-Modified for electron-updater's blockmap
 * downloads and resumes): no listing (`/updates/` is 404), no sub-folders, no dot files, no symbolic links, nothing
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
    reply
      .header('content-type', type)
      .header('accept-ranges', 'bytes')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', type.startsWith('text/yaml') ? 'no-cache' : 'public, max-age=3600');
    const sent = await send(request.raw, `/${encodeURIComponent(file)}`, {
      root,
      dotfiles: 'deny',
      index: false,
      acceptRanges: true,
      cacheControl: false,
      contentType: false,
    });
    if (sent.type === 'file' || sent.statusCode === 304 || sent.statusCode === 416) {
      // 416 answers in plain words, with the Content-Range (`bytes */SIZE`) send put on it.
      if (sent.statusCode === 416) {
        sent.stream.destroy();
        return reply
          .code(416)
          .header('content-range', sent.headers['Content-Range'] ?? `bytes */${info.size}`)
          .header('content-type', 'text/plain; charset=utf-8')
          .send(
            `The range asked for lies outside ${file} (${info.size} bytes). Ask for bytes 0-${Math.max(0, info.size - 1)}.`,
          );
      }
      for (const [name, value] of Object.entries(sent.headers)) {
        if (name.toLowerCase() !== 'content-type') reply.header(name, value);
      }
      return reply.code(sent.statusCode).send(sent.stream);
    }
    sent.stream.destroy();
    throw notFound();
  });
};
