// Pure security decisions for both hosts, kept free of `electron` so they are unit-tested directly.

/** The scheme the Electron host serves the built renderer from (see app-protocol.ts), never `file://`. */
export const APP_SCHEME = 'app';
/** The one host name under `app://`: the renderer's origin is `app://dialdeck`. */
export const APP_HOST = 'dialdeck';
/** The page every window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const parse = (text: string | undefined): URL | null => {
  if (!text) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
};

/** Where the app's own renderer lives: the built page, or the dev server while developing. */
export type RendererLocation = {
  /** The built renderer's page, `app://dialdeck/index.html`. */
  pageUrl: string;
  /** electron-vite's dev server; set only when `devServerUrlFrom` allowed it. */
  devServerUrl?: string;
};

/** The hosts a dev server may run on: this machine only. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server the Electron host may load instead of the built renderer, or undefined.
 * `ELECTRON_RENDERER_URL` (set by `electron-vite dev`) is honoured only with an explicit dev flag —
 * `DIALDECK_DEV=1`, or `NODE_ENV_ELECTRON_VITE=development`, which `electron-vite dev` sets for the
 * app it starts — never in a packaged app, and only for an http(s) URL on this machine. A stray
 * variable in a user's environment can so never point the app at a remote page.
 */
export const devServerUrlFrom = (
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined => {
  const flagged = env.DIALDECK_DEV === '1' || env.NODE_ENV_ELECTRON_VITE === 'development';
  if (isPackaged || !flagged) return undefined;
  const url = parse(env.ELECTRON_RENDERER_URL);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return undefined;
  return url.origin;
};

type CspOptions = {
  /** Extra `connect-src` sources, e.g. the web host's own WebSocket. */
  connect?: readonly string[];
  /**
   * `meta` leaves out `frame-ancestors`, which browsers ignore in a `<meta>` tag (CSP Level 3,
   * https://www.w3.org/TR/CSP3/#meta-element); the header carries it.
   */
  delivery?: 'header' | 'meta';
};

/**
 * Where the calling providers connect:
 * - SIP opens its WebSocket (RFC 7118) to the team's PBX at any `wss://` address (a setting the rep
 *   types, unknown when the policy is written), or `ws://` on this computer, the only plain WebSocket
 *   the SIP settings accept (`SipWebSocketUrl`). Without them every SIP call stays at "Connecting".
 *   CSP has no source for an IPv6 literal (Chromium drops `ws://[::1]:*`), so a PBX on this computer
 *   is reached as 127.0.0.1 or localhost.
 * - Twilio's Voice SDK 2.x signals over `wss://voice-js.*.twilio.com` (under `wss:`), fetches its ring
 *   and call-state sounds from https://sdk.twilio.com/js/client/sounds/releases/1.0.0 and sends its
 *   call-quality reports to eventgw.twilio.com (the SDK's `constants.js` and `regions.js`).
 */
export const TELEPHONY_CONNECT_SOURCES: readonly string[] = [
  'wss:',
  'ws://127.0.0.1:*',
  'ws://localhost:*',
  'https://sdk.twilio.com',
  'https://eventgw.twilio.com',
];

/** Where a provider's sounds may play from besides the app: Twilio's sounds (see above). */
export const TELEPHONY_MEDIA_SOURCES: readonly string[] = ['https://sdk.twilio.com'];

/**
 * The renderer's Content-Security-Policy: only the app's own code, no eval, no remote content; the
 * network only for the app itself, `connect`, the SIP server and Twilio (`TELEPHONY_CONNECT_SOURCES`,
 * `TELEPHONY_MEDIA_SOURCES`).
 * The one source for every copy: the web host's and the `app://` protocol's response header, and the
 * `<meta>` tag the renderer build writes into index.html (`RENDERER_META_CSP`, via the plugin in
 * csp-meta.ts). Directives are joined with "; ".
 */
export const contentSecurityPolicy = (options: CspOptions = {}): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${[...new Set(["'self'", ...TELEPHONY_CONNECT_SOURCES, ...(options.connect ?? [])])].join(' ')}`,
    `media-src 'self' blob: ${TELEPHONY_MEDIA_SOURCES.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.delivery === 'meta' ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');

/** The policy for the desktop window, which talks to the core over IPC and to no network but the SIP server. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The policy built into the renderer page. It holds wherever the page is served, so it lets the page
 * reach the web host's WebSocket on this machine (the header then narrows it to the one port).
 */
export const RENDERER_META_CSP = contentSecurityPolicy({
  connect: ['ws://127.0.0.1:*', 'ws://localhost:*'],
  delivery: 'meta',
});

/** Links a user follows open in the system's handler only with one of these schemes. */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * True for a link that may be handed to the OS: web pages, e-mail and phone numbers. A web link must
 * name a host and carry no user name or password (`https://bank.example@evil.example` misleads).
 */
export const isSafeExternalUrl = (text: string): boolean => {
  const url = parse(text);
  if (!url || !EXTERNAL_SCHEMES.has(url.protocol)) return false;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return url.hostname !== '' && url.username === '' && url.password === '';
  }
  return url.pathname.trim() !== '';
};

/** The page a URL shows, without its query and fragment. */
const pageOf = (url: URL): string => `${url.protocol}//${url.host}${url.pathname}`;

/** True when `text` is the app's own renderer page (any query or fragment). */
export const isRendererUrl = (text: string | undefined, renderer: RendererLocation): boolean => {
  const url = parse(text);
  if (!url) return false;
  if (renderer.devServerUrl) {
    const dev = parse(renderer.devServerUrl);
    return dev !== null && url.origin === dev.origin && url.origin !== 'null';
  }
  const own = parse(renderer.pageUrl);
  return own !== null && url.protocol === own.protocol && pageOf(url) === pageOf(own);
};

/** An IPC message is trusted only from the top frame of the app's own renderer, never from a subframe. */
export const isTrustedSender = (
  sender: { url: string | undefined; isMainFrame: boolean } | null,
  renderer: RendererLocation,
): boolean => sender?.isMainFrame === true && isRendererUrl(sender.url, renderer);

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * A window only ever shows the renderer; a followed link to anywhere else is handed to the OS when
 * its scheme is safe, and dropped otherwise.
 */
export const decideNavigation = (url: string, renderer: RendererLocation): NavigationDecision => {
  if (isRendererUrl(url, renderer)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-external' : 'deny';
};

/** What a permission request or check tells about itself. */
export type PermissionAsk = {
  permission: string;
  /** The page asking (the requesting frame's URL, or the web contents' URL for a check). */
  url: string | undefined;
  /** For `media`: which devices; calls need the microphone only. Missing or empty: never granted. */
  mediaTypes?: readonly string[];
};

/** Writing a copied phone number or note to the clipboard is harmless and handy. */
const ALWAYS_ALLOWED = new Set(['clipboard-sanitized-write']);

/**
 * The renderer may use the microphone (calls) and write to the clipboard; nothing else, and no one else.
 * A `media` ask must name its devices and name only `audio`: a missing or empty list (which says
 * nothing about the camera) is refused, like any list with `video`.
 */
export const isPermissionAllowed = (ask: PermissionAsk, renderer: RendererLocation): boolean => {
  if (!isRendererUrl(ask.url, renderer)) return false;
  if (ALWAYS_ALLOWED.has(ask.permission)) return true;
  if (ask.permission !== 'media') return false;
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
};
