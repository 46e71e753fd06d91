import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspMetaPlugin, cspMetaTag } from '../../src/main/csp-meta';
import {
  APP_PAGE_URL,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  decideNavigation,
  devServerUrlFrom,
  isPermissionAllowed,
  isRendererUrl,
  isSafeExternalUrl,
  isTrustedSender,
  RENDERER_META_CSP,
  type RendererLocation,
  TELEPHONY_CONNECT_SOURCES,
} from '../../src/main/security';
import { browserCommand } from '../../src/main/web/open-browser';

const built: RendererLocation = { pageUrl: APP_PAGE_URL };
const dev: RendererLocation = { ...built, devServerUrl: 'http://localhost:5173' };

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.linkedin.com/in/someone',
    'http://example.com/pricing',
    'mailto:avery.chen@example.com',
    'tel:+12025550143',
  ])('hands %s to the OS', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'chrome://settings',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'tel:',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isRendererUrl', () => {
  it('accepts the built renderer page with any query or fragment', () => {
    expect(isRendererUrl(built.pageUrl, built)).toBe(true);
    expect(isRendererUrl(`${built.pageUrl}#/leads/1`, built)).toBe(true);
    expect(isRendererUrl(`${built.pageUrl}?x=1`, built)).toBe(true);
  });

  it('is served from app://dialdeck, not from a file', () => {
    expect(built.pageUrl).toBe('app://dialdeck/index.html');
    expect(isRendererUrl('file:///opt/Dialdeck/resources/app/out/renderer/index.html', built)).toBe(false);
  });

  it('refuses any other page, even one beside the renderer or on a look-alike host', () => {
    expect(isRendererUrl('app://dialdeck/other.html', built)).toBe(false);
    expect(isRendererUrl('app://evil/index.html', built)).toBe(false);
    expect(isRendererUrl('app://dialdeck.evil/index.html', built)).toBe(false);
    expect(isRendererUrl('app://dialdeck/assets/../other.html', built)).toBe(false);
  });

  it('refuses web pages and garbage', () => {
    expect(isRendererUrl('https://evil.example/index.html', built)).toBe(false);
    expect(isRendererUrl('https://dialdeck/index.html', built)).toBe(false);
    expect(isRendererUrl(undefined, built)).toBe(false);
    expect(isRendererUrl('', built)).toBe(false);
  });

  it('matches the dev server by exact origin, not by prefix', () => {
    expect(isRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/src/App.tsx', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isRendererUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isRendererUrl('https://localhost:5173/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of the renderer', () => {
    expect(isTrustedSender({ url: built.pageUrl, isMainFrame: true }, built)).toBe(true);
    expect(isTrustedSender({ url: built.pageUrl, isMainFrame: false }, built)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, built)).toBe(false);
    expect(isTrustedSender(null, built)).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('stays on the renderer, sends safe links to the OS, drops the rest', () => {
    expect(decideNavigation(`${built.pageUrl}#/queue`, built)).toBe('allow');
    expect(decideNavigation('https://example.com/', built)).toBe('open-external');
    expect(decideNavigation('tel:+12025550143', built)).toBe('open-external');
    expect(decideNavigation('file:///etc/passwd', built)).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', built)).toBe('deny');
  });
});

describe('isPermissionAllowed', () => {
  const ask = (permission: string, url = built.pageUrl, mediaTypes?: string[]) =>
    isPermissionAllowed({ permission, url, mediaTypes }, built);

  it('lets the renderer use the microphone for calls, but not the camera', () => {
    expect(ask('media', built.pageUrl, ['audio'])).toBe(true);
    expect(ask('media', built.pageUrl, ['audio', 'video'])).toBe(false);
    expect(ask('media', built.pageUrl, ['video'])).toBe(false);
  });

  it('never grants media when the ask names no devices', () => {
    expect(ask('media', built.pageUrl, [])).toBe(false);
    expect(ask('media', built.pageUrl, undefined)).toBe(false);
    expect(ask('media', built.pageUrl, [''])).toBe(false);
  });

  it('lets the renderer write to the clipboard', () => {
    expect(ask('clipboard-sanitized-write')).toBe(true);
  });

  it('refuses everything else, and everything to other pages', () => {
    for (const permission of ['geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'hid']) {
      expect(ask(permission)).toBe(false);
    }
    expect(ask('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', url: undefined }, built)).toBe(
      false,
    );
  });
});

describe('Content-Security-Policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values] as const),
    );

  it('allows only the app’s own scripts: no inline script, no eval, no remote origin', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", ...TELEPHONY_CONNECT_SOURCES]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('adds the web host’s own WebSocket when asked', () => {
    const policy = directives(contentSecurityPolicy({ connect: ['ws://127.0.0.1:4000'] }));
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      ...TELEPHONY_CONNECT_SOURCES,
      'ws://127.0.0.1:4000',
    ]);
  });

  it('lets the SIP provider reach a PBX over wss:// anywhere and over ws:// only on this computer', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, RENDERER_META_CSP]) {
      const connect = directives(policy).get('connect-src') ?? [];
      expect(connect).toContain('wss:');
      expect(connect).toEqual(expect.arrayContaining(['ws://127.0.0.1:*', 'ws://localhost:*']));
      expect(connect).not.toContain('ws:');
      expect(
        connect
          .filter((source) => source.startsWith('ws://'))
          .every((s) => /\/\/(127\.0\.0\.1|localhost):/.test(s)),
      ).toBe(true);
    }
  });

  it('leaves frame-ancestors out of the meta copy, where browsers ignore it', () => {
    expect(directives(contentSecurityPolicy({ delivery: 'meta' })).has('frame-ancestors')).toBe(false);
  });

  it('reaches the renderer page from the same function, through the build plugin', () => {
    const plugin = cspMetaPlugin();
    const hook = plugin.transformIndexHtml;
    expect(typeof hook).toBe('function');
    const tags = typeof hook === 'function' ? hook.call({} as never, '', {} as never) : undefined;
    expect(tags).toEqual([cspMetaTag()]);
    const meta = cspMetaTag();
    expect(meta.attrs).toEqual({ 'http-equiv': 'Content-Security-Policy', content: RENDERER_META_CSP });
    expect(meta.injectTo).toBe('head-prepend');
    const policy = directives(RENDERER_META_CSP);
    // The meta copy is the header's policy, plus the web host's WebSocket on this machine.
    const header = directives(contentSecurityPolicy({ delivery: 'meta' }));
    for (const [name, values] of header) {
      if (name !== 'connect-src') expect(policy.get(name)).toEqual(values);
    }
    expect(policy.get('connect-src')).toEqual(["'self'", ...TELEPHONY_CONNECT_SOURCES]);
    expect(RENDERER_META_CSP).not.toMatch(/unsafe-eval|http:/);
    // No remote content: the only https sources are Twilio's two named hosts, never a scheme or wildcard.
    const https = [...policy.values()].flat().filter((source) => source.startsWith('https:'));
    expect(new Set(https)).toEqual(new Set(['https://sdk.twilio.com', 'https://eventgw.twilio.com']));
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('is written nowhere else: index.html holds no policy of its own', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(html).not.toMatch(/Content-Security-Policy/i);
  });
});

describe('devServerUrlFrom', () => {
  const url = 'http://localhost:5173';
  it('honours the dev server only with an explicit dev flag, in an unpackaged app', () => {
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: url, DIALDECK_DEV: '1' }, false)).toBe(url);
    expect(
      devServerUrlFrom({ ELECTRON_RENDERER_URL: url, NODE_ENV_ELECTRON_VITE: 'development' }, false),
    ).toBe(url);
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: url }, false)).toBeUndefined();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: url, DIALDECK_DEV: 'true' }, false)).toBeUndefined();
    expect(
      devServerUrlFrom({ ELECTRON_RENDERER_URL: url, NODE_ENV_ELECTRON_VITE: 'production' }, false),
    ).toBeUndefined();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: url, DIALDECK_DEV: '1' }, true)).toBeUndefined();
  });

  it.each([
    'https://evil.example/',
    'http://localhost.evil.example:5173',
    'http://user@localhost:5173',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('ignores %s even with the flag', (address) => {
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: address, DIALDECK_DEV: '1' }, false)).toBeUndefined();
  });

  it('keeps only the origin of a dev server on this machine', () => {
    expect(
      devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/x', DIALDECK_DEV: '1' }, false),
    ).toBe('http://127.0.0.1:5173');
  });
});

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:4000/?token=abc';
  it('opens the URL without a shell on every OS', () => {
    expect(browserCommand(url, 'win32')).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
    expect(browserCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
  });
});
