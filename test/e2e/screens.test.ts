import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../src/renderer/src/i18n/resources/zh-CN';
import { openWorkspace, type Workspace } from './harness';
import {
  applyLook,
  LANGS,
  SCREENS,
  SIZES,
  seedHandoffReady,
  seedTasksReady,
  settle,
  THEMES,
} from './screens';

// The screenshot matrix: every screen in the table, in each language and theme, at 1280×800 and
// 1920×1080, saved as `<screen>-<lang>-<theme>-<w>x<h>.png` in one folder for a person to look at.
// While a screen is shown in Chinese or Korean, no text on it may be an English-only resource value.

// A Tuesday, 10:00 in New York: the East Coast demo leads are callable, Shanghai (23:00) is not.
const T0 = Date.parse('2026-11-24T15:00:00Z');
const SHOTS_DIR = resolve(process.env.DIALDECK_SCREENS_DIR ?? 'test-results/screens');

/** Every leaf string of a resource tree. */
const leaves = (node: unknown, out: string[] = []): string[] => {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const child of Object.values(node)) leaves(child, out);
  return out;
};

/**
 * English resource values that a translated screen must never show: whole values with a word of
 * three or more Latin letters and no placeholder, that the other language does not also use
 * (product names such as "BANT" or "MQL" stay as they are in every language).
 */
const englishOnly = (translated: unknown): Set<string> => {
  const kept = new Set(leaves(translated).map((v) => v.trim()));
  return new Set(
    leaves(en)
      .map((v) => v.trim())
      .filter((v) => /[A-Za-z]{3,}/.test(v) && !v.includes('{{') && !kept.has(v)),
  );
};
const ENGLISH_ONLY = { 'zh-CN': englishOnly(zhCN), ko: englishOnly(ko) } as const;

/** Each text node's text, and every aria-label, title and placeholder, on the page as shown. */
const visibleTexts = (page: Page): Promise<string[]> =>
  page.locator('body').evaluate((body) => {
    const texts: string[] = [];
    const SHOW_TEXT = 4;
    const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden]')) continue;
      const text = node.textContent?.trim();
      // A row joins several values ("company · cadence · step"); each is checked on its own too.
      if (text) texts.push(text, ...text.split(/\s[·—]\s/).map((part: string) => part.trim()));
    }
    for (const el of Array.from(body.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });

describe('the screenshot matrix', () => {
  let ws: Workspace;
  const saved: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started) });
    // The page's clock agrees with the core's, so local times and relative dates read true.
    await ws.context.clock.install({ time: T0 });
    await seedHandoffReady(ws.core);
    await seedTasksReady(ws.core);
  });

  afterAll(async () => {
    if (saved.length) process.stdout.write(`${saved.length} screenshots in ${SHOTS_DIR}\n`);
    await ws?.close();
  });

  for (const lang of LANGS) {
    it(`shows every screen in ${lang}, light and dark, at both sizes`, async () => {
      const { page } = ws;
      const untranslated: string[] = [];
      const faults: string[] = [];
      for (const theme of THEMES) {
        await applyLook(ws.core, page, ws.host.url, lang, theme);
        for (const { w, h } of SIZES) {
          await page.setViewportSize({ width: w, height: h });
          for (const screen of SCREENS) {
            const shown = await screen.show(page);
            await settle(page);
            const path = join(SHOTS_DIR, `${screen.name}-${lang}-${theme}-${w}x${h}.png`);
            await page.screenshot({ path, animations: 'disabled' });
            saved.push(path);
            for (const problem of (await screen.check?.(shown)) ?? []) {
              faults.push(`${screen.name}-${lang}-${theme}-${w}x${h}: ${problem}`);
            }
            if (screen.name === 'why-blocked' && w === 1280) {
              // The explainer's answer is on screen at 1280×800, not below the fold.
              const inViewport = await shown.evaluate((el) => {
                const box = el.getBoundingClientRect();
                return box.top >= 0 && box.bottom <= (el.ownerDocument.defaultView?.innerHeight ?? 0);
              });
              expect(inViewport).toBe(true);
            }
            if (lang !== 'en' && theme === 'light' && w === 1280) {
              const english = ENGLISH_ONLY[lang];
              for (const text of await visibleTexts(page)) {
                if (english.has(text)) untranslated.push(`${screen.name}: ${text}`);
              }
            }
            await screen.hide?.(page);
          }
        }
      }
      expect(faults).toEqual([]);
      expect([...new Set(untranslated)]).toEqual([]);
    }, 240_000);
  }
});
