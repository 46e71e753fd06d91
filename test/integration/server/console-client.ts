import { CONSOLE_CSRF_HEADER, CONSOLE_SESSION_COOKIE } from '@shared/server/console';

/** A browser's view of one console session: its cookie and CSRF token (both null before sign-in). */
export type ConsoleBrowser = { cookie: string | null; csrf: string | null };

export type ConsoleAnswer = { status: number; body: unknown; setCookie: string[]; headers: Headers };

/**
 * One request as the console page makes it: the session cookie when `browser` has one, the CSRF
 * header when `csrf` is true (the default for changes), JSON in and out. A `Set-Cookie` of the
 * session cookie updates `browser`.
 */
export const consoleCall = async (
  url: string,
  method: string,
  path: string,
  browser: ConsoleBrowser,
  options: { body?: unknown; csrf?: boolean; token?: string } = {},
): Promise<ConsoleAnswer> => {
  const sendCsrf = options.csrf ?? method !== 'GET';
  const response = await fetch(new URL(path, url), {
    method,
    redirect: 'manual',
    headers: {
      ...(browser.cookie ? { cookie: `${CONSOLE_SESSION_COOKIE}=${browser.cookie}` } : {}),
      ...(sendCsrf && browser.csrf ? { [CONSOLE_CSRF_HEADER]: browser.csrf } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const setCookie = response.headers.getSetCookie();
  for (const header of setCookie) {
    const match = new RegExp(`^${CONSOLE_SESSION_COOKIE}=([^;]*)`).exec(header);
    if (match) browser.cookie = match[1] || null;
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // An HTML page (the console itself) stays text.
  }
  const csrf = (body as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof csrf === 'string') browser.csrf = csrf;
  return { status: response.status, body, setCookie, headers: response.headers };
};

/** The error code of an error answer. */
export const codeOf = (answer: ConsoleAnswer): string | undefined =>
  (answer.body as { error?: { code?: string } } | null)?.error?.code;

/** A browser with no session yet. */
export const newBrowser = (): ConsoleBrowser => ({ cookie: null, csrf: null });
