import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ogg': 'audio/ogg',
};

/** The Content-Type a built renderer file is served with; unknown kinds as bytes. */
export const contentTypeOf = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';

/**
 * The file under `root` that a URL path names, or null when the path is malformed or would leave
 * `root` (`..`, encoded slashes or backslashes, NUL bytes).
 */
export const fileInside = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  // Backslashes are separators on Windows; treat them so everywhere, so no platform reads `..\` as a name.
  const relative = normalize(`/${decoded.replaceAll('\\', '/')}`).replace(/^[/\\]+/, '');
  const file = join(base, relative);
  return file.startsWith(base + sep) ? file : null;
};

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Serves a file from the built renderer; never anything outside `root`. */
export const serveStatic = (
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): void => {
  const file = fileInside(root, urlPath);
  if (!file || !isFile(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'cache-control': 'no-cache',
    ...headers,
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
};
