import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  decideNavigation,
  isPermissionAllowed,
  isRendererUrl,
  isSafeExternalUrl,
  isTrustedSender,
  type RendererLocation,
} from '../../src/main/security';
import { browserCommand } from '../../src/main/web/open-browser';

const built: RendererLocation = { fileUrl: 'file:///opt/Dialdeck/resources/app/out/renderer/index.html' };
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
    expect(isRendererUrl(built.fileUrl, built)).toBe(true);
    expect(isRendererUrl(`${built.fileUrl}#/leads/1`, built)).toBe(true);
    expect(isRendererUrl(`${built.fileUrl}?x=1`, built)).toBe(true);
  });

  it('refuses any other file, even one beside the renderer', () => {
    expect(isRendererUrl('file:///opt/Dialdeck/resources/app/out/renderer/other.html', built)).toBe(false);
    expect(isRendererUrl('file:///tmp/renderer/index.html', built)).toBe(false);
    expect(isRendererUrl('file:///opt/Dialdeck/resources/app/out/renderer/index.html/../x.html', built)).toBe(
      false,
    );
  });

  it('refuses web pages and garbage when the renderer is a file', () => {
    expect(isRendererUrl('https://evil.example/renderer/index.html', built)).toBe(false);
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
    expect(isTrustedSender({ url: built.fileUrl, isMainFrame: true }, built)).toBe(true);
    expect(isTrustedSender({ url: built.fileUrl, isMainFrame: false }, built)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, built)).toBe(false);
    expect(isTrustedSender(null, built)).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('stays on the renderer, sends safe links to the OS, drops the rest', () => {
    expect(decideNavigation(`${built.fileUrl}#/queue`, built)).toBe('allow');
    expect(decideNavigation('https://example.com/', built)).toBe('open-external');
    expect(decideNavigation('tel:+12025550143', built)).toBe('open-external');
    expect(decideNavigation('file:///etc/passwd', built)).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', built)).toBe('deny');
  });
});

describe('isPermissionAllowed', () => {
  const ask = (permission: string, url = built.fileUrl, mediaTypes?: string[]) =>
    isPermissionAllowed({ permission, url, mediaTypes }, built);

  it('lets the renderer use the microphone for calls, but not the camera', () => {
    expect(ask('media', built.fileUrl, ['audio'])).toBe(true);
    expect(ask('media', built.fileUrl, ['audio', 'video'])).toBe(false);
    expect(ask('media', built.fileUrl, ['video'])).toBe(false);
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
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('adds exactly the web host’s own WebSocket when asked', () => {
    const policy = directives(contentSecurityPolicy({ connect: ['ws://127.0.0.1:4000'] }));
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4000']);
  });

  it('is also in the renderer page, for windows loaded from a file', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const policy = directives(meta ?? '');
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(meta).not.toMatch(/unsafe-eval|https?:/);
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
