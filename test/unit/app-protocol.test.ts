import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../src/main/app-protocol';

// The Electron host answers app:// requests with this function's file; Electron itself cannot run
// here, so the path checks are proven on the function.

const root = join('/opt', 'Dialdeck', 'resources', 'app', 'out', 'renderer');

describe('resolveAppRequest', () => {
  it('maps the page and its assets to files of the built renderer', () => {
    expect(resolveAppRequest('app://dialdeck/index.html', root)).toEqual({
      file: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://dialdeck/', root)?.file).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://dialdeck/assets/index-abc.js?v=1#x', root)).toEqual({
      file: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://dialdeck/favicon.svg', root)?.contentType).toBe('image/svg+xml');
    expect(resolveAppRequest('app://dialdeck/%E7%BA%BF%E7%B4%A2.json', root)?.file).toBe(
      join(root, '线索.json'),
    );
  });

  it.each([
    'app://dialdeck/%2e%2e/%2e%2e/main/index.js',
    'app://dialdeck/..%2f..%2fmain%2findex.js',
    'app://dialdeck/assets/..%5c..%5c..%5cmain%5cindex.js',
    'app://dialdeck/%00index.html',
    'app://dialdeck/%E0%A4%A',
  ])('never leaves the renderer folder for %s', (url) => {
    const resolved = resolveAppRequest(url, root);
    // Refused, or clamped to a path inside the folder: never the main process's own code beside it.
    if (resolved) expect(resolved.file.startsWith(`${root}/`)).toBe(true);
    expect(resolved?.file).not.toBe(join(root, '..', 'main', 'index.js'));
  });

  it('refuses a NUL byte and a malformed escape outright', () => {
    expect(resolveAppRequest('app://dialdeck/%00index.html', root)).toBeNull();
    expect(resolveAppRequest('app://dialdeck/%E0%A4%A', root)).toBeNull();
  });

  it('keeps dot segments that the URL parser folds inside the folder', () => {
    expect(resolveAppRequest('app://dialdeck/../../../etc/passwd', root)?.file).toBe(
      join(root, 'etc', 'passwd'),
    );
  });

  it.each([
    'app://evil/index.html',
    'app://dialdeck.evil/index.html',
    'app://dialdeck:8080/index.html',
    'app://user:pass@dialdeck/index.html',
    'file:///opt/Dialdeck/resources/app/out/renderer/index.html',
    'https://dialdeck/index.html',
    'not a url',
  ])('refuses %s: another scheme, host or credentials', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });
});
