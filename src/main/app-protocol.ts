import { APP_HOST, APP_SCHEME } from './security';
import { contentTypeOf, fileInside } from './web/static';

/** A file of the built renderer that an `app://` request names. */
export type AppFile = { file: string; contentType: string };

/**
 * The file under `rendererDir` that an `app://dialdeck/…` request names, or null: another scheme or
 * host, a user name or password, a malformed path, or one that would leave `rendererDir` (`..`,
 * encoded slashes or backslashes, NUL bytes; checks of web/static.ts `fileInside`). `/` is index.html.
 * The query and fragment are ignored. Whether the file exists is the caller's question.
 */
export const resolveAppRequest = (requestUrl: string, rendererDir: string): AppFile | null => {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return null;
  if (url.username !== '' || url.password !== '') return null;
  const file = fileInside(rendererDir, url.pathname);
  return file ? { file, contentType: contentTypeOf(file) } : null;
};
