/**
 * The renderer's Content-Security-Policy, for the Electron window and the web host alike: only the
 * app's own code, no eval, no remote content; the WebSocket back to the local host is the one connection.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Links a user follows open in the system's handler only with one of these schemes. */
export const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export const isSafeExternalUrl = (text: string): boolean => {
  try {
    return EXTERNAL_SCHEMES.has(new URL(text).protocol);
  } catch {
    return false;
  }
};
