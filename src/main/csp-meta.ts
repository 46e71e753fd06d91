import type { HtmlTagDescriptor, Plugin } from 'vite';
import { RENDERER_META_CSP } from './security';

/** The `<meta http-equiv="Content-Security-Policy">` tag the renderer page carries. */
export const cspMetaTag = (): HtmlTagDescriptor => ({
  tag: 'meta',
  attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_META_CSP },
  // First in <head>, before any script or style the build adds.
  injectTo: 'head-prepend',
});

/**
 * Writes the renderer's meta Content-Security-Policy into index.html at build (and dev) time, from
 * the same `contentSecurityPolicy` the hosts send as a header (security.ts), so the two never drift.
 * index.html itself holds no policy.
 */
export const cspMetaPlugin = (): Plugin => ({
  name: 'dialdeck-csp-meta',
  transformIndexHtml: () => [cspMetaTag()],
});
