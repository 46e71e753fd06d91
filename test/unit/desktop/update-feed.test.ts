import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the build scripts, without type declarations.
import * as scriptRules from '../../../scripts/lib/update-feed.mjs';
import { chooseUpdateFeed, installerFeedUrl } from '../../../src/main/desktop/integration';
import { Settings } from '../../../src/shared/api/settings';
import { updateFeedProblem } from '../../../src/shared/updateFeed';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const script = scriptRules as {
  updateFeedProblem: (text: string) => string | null;
  builderConfigFor: (config: object, feedUrl: string | null) => Record<string, unknown>;
};

const FEEDS: [string, ReturnType<typeof updateFeedProblem>][] = [
  ['', null],
  ['https://team.example.com/updates', null],
  ['  https://releases.example.com/dialdeck/  ', null],
  ['http://localhost:4000/updates', null],
  ['http://127.0.0.1:4000/updates', null],
  ['http://[::1]:4000/updates', null],
  ['http://team.example.com/updates', 'not_https'],
  ['http://localhost.example.com/updates', 'not_https'],
  ['ftp://team.example.com/updates', 'not_https'],
  ['file:///srv/updates', 'not_https'],
  ['https://rep:secret@team.example.com/updates', 'has_credentials'],
  ['https://rep@team.example.com/updates', 'has_credentials'],
  ['http://u:p@localhost/updates', 'has_credentials'],
  ['team.example.com/updates', 'not_a_url'],
  ['asdf ghjk', 'not_a_url'],
  [`https://example.com/${'a'.repeat(600)}`, 'not_a_url'],
];

describe('the update feed rules', () => {
  it('take https, http on this computer only, and no credentials — the same at npm run dist', () => {
    for (const [url, problem] of FEEDS) {
      expect(updateFeedProblem(url), url).toBe(problem);
      expect(script.updateFeedProblem(url), `dist: ${url}`).toBe(problem);
    }
  });

  it('are what the settings accept', () => {
    for (const [url, problem] of FEEDS.filter(([u]) => u.length <= 500)) {
      expect(Settings.shape.updateFeedUrl.safeParse(url).success, url).toBe(problem === null);
    }
  });

  it('use the installer’s feed until the rep sets another', () => {
    const installer = 'https://team.example.com/updates';
    expect(chooseUpdateFeed('', installer)).toEqual({ url: installer, source: 'installer' });
    expect(chooseUpdateFeed('https://other.example.com/u', installer)).toEqual({
      url: 'https://other.example.com/u',
      source: 'settings',
    });
    expect(chooseUpdateFeed('', null)).toBeNull();
    // A stored feed that breaks the rules is never asked.
    expect(chooseUpdateFeed('http://team.example.com/updates', installer)).toBeNull();
  });

  it('read the installer’s feed from electron-builder’s app-update.yml', () => {
    const yml = (url: string) =>
      `owner: x\nprovider: generic\nurl: ${url}\nchannel: latest\nupdaterCacheDirName: dialdeck-updater\n`;
    expect(installerFeedUrl(yml('https://team.example.com/updates'))).toBe(
      'https://team.example.com/updates',
    );
    expect(installerFeedUrl(yml('http://team.example.com/updates'))).toBeNull();
    expect(installerFeedUrl('provider: github\nowner: x\nrepo: y\n')).toBeNull();
    expect(installerFeedUrl('provider: generic\nurl: ""\n')).toBeNull();
    expect(installerFeedUrl(': : not yaml [')).toBeNull();
    expect(installerFeedUrl(null)).toBeNull();
  });
});

describe('npm run dist and the installer’s feed', () => {
  const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8')) as object;

  it('bakes in the given feed, and none at all without one (never a localhost default)', () => {
    expect(script.builderConfigFor(config, 'https://team.example.com/updates').publish).toEqual([
      { provider: 'generic', url: 'https://team.example.com/updates', channel: 'latest' },
    ]);
    expect(script.builderConfigFor(config, null)).not.toHaveProperty('publish');
    expect(readFileSync(resolve(ROOT, 'scripts', 'dist.mjs'), 'utf8')).not.toMatch(/localhost:4000/);
  });

  it('refuses an http or credentialed DIALDECK_UPDATE_URL in one line', () => {
    for (const url of ['http://team.example.com/updates', 'https://rep:pw@team.example.com/updates']) {
      const run = spawnSync(process.execPath, [resolve(ROOT, 'scripts', 'dist.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DIALDECK_UPDATE_URL: url },
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/DIALDECK_UPDATE_URL .*https:\/\//);
    }
  });
});
