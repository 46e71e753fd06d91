// Pure security decisions for both hosts, kept free of `electron` so they are unit-tested directly.

/** Where the app's own renderer lives: the built file, or the dev server while developing. */
export type RendererLocation = {
  /** `file://…/renderer/index.html` of the built renderer. */
  fileUrl: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); only honoured when the app is not packaged. */
  devServerUrl?: string;
};

type CspOptions = {
  /** Extra `connect-src` sources, e.g. the web host's own WebSocket. */
  connect?: readonly string[];
};

/**
 * The renderer's Content-Security-Policy: only the app's own code, no eval, no remote content.
 * `src/renderer/index.html` carries the same policy as a meta tag for pages loaded from a file,
 * where no response header exists.
 */
export const contentSecurityPolicy = (options: CspOptions = {}): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...(options.connect ?? [])].join(' ')}`,
    "media-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The policy for the desktop window, which talks to the core over IPC, not the network. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Links a user follows open in the system's handler only with one of these schemes. */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);

const parse = (text: string | undefined): URL | null => {
  if (!text) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
};

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
  const own = parse(renderer.fileUrl);
  return own !== null && url.protocol === 'file:' && pageOf(url) === pageOf(own);
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
  /** For `media`: which devices; calls need the microphone only. */
  mediaTypes?: readonly string[];
};

/** Writing a copied phone number or note to the clipboard is harmless and handy. */
const ALWAYS_ALLOWED = new Set(['clipboard-sanitized-write']);

/** The renderer may use the microphone (calls) and write to the clipboard; nothing else, and no one else. */
export const isPermissionAllowed = (ask: PermissionAsk, renderer: RendererLocation): boolean => {
  if (!isRendererUrl(ask.url, renderer)) return false;
  if (ALWAYS_ALLOWED.has(ask.permission)) return true;
  if (ask.permission !== 'media') return false;
  const types = ask.mediaTypes ?? [];
  return types.every((type) => type === 'audio');
};
