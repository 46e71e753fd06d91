import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from './harness';
import { applyLook, SCREENS, seedHandoffReady, seedTasksReady, settle, THEMES } from './screens';

// Every text on every main screen at 4.5:1 contrast or better (3:1 for large text, WCAG 2.x 1.4.3),
// in the light and the dark theme, as axe-core's `color-contrast` rule measures it in Chromium.

// A Tuesday, 10:00 in New York, so the queue has leads and the explainer has an answer.
const T0 = Date.parse('2026-11-24T15:00:00Z');

describe('text contrast in both themes', () => {
  let ws: Workspace;

  beforeAll(async () => {
    const started = Date.now();
    ws = await openWorkspace({ now: () => T0 + (Date.now() - started) });
    await ws.context.clock.install({ time: T0 });
    await seedHandoffReady(ws.core);
    await seedTasksReady(ws.core);
  });

  afterAll(async () => {
    await ws?.close();
  });

  for (const theme of THEMES) {
    it(`has no text below the contrast minimum in the ${theme} theme`, async () => {
      const { page } = ws;
      await applyLook(ws.core, page, ws.host.url, 'en', theme);
      const failures: string[] = [];
      for (const screen of SCREENS) {
        await screen.show(page);
        await settle(page);
        const result = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
        for (const violation of result.violations) {
          for (const node of violation.nodes) {
            failures.push(
              `${screen.name}: ${node.target.join(' ')} — ${node.any[0]?.message ?? violation.help}`,
            );
          }
        }
        await screen.hide?.(page);
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
