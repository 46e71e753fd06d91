import type { Locator, Page } from 'playwright-core';
import type { Core } from '../../src/main/core';
import { dispatch } from '../../src/main/core/dispatch';
import { OPTION, waitForText } from './harness';

// The workspace's screens as a table, shared by the screenshot matrix and the contrast check. Each
// entry brings the page from the lead list to the screen (`show`) and back (`hide`); a new screen is
// one more line.

export type Lang = 'en' | 'zh-CN' | 'ko';
export type Theme = 'light' | 'dark';
export type Size = { w: number; h: number };

export const LANGS: readonly Lang[] = ['en', 'zh-CN', 'ko'];
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const SIZES: readonly Size[] = [
  { w: 1280, h: 800 },
  { w: 1920, h: 1080 },
];

export type Screen = {
  name: string;
  /** Brings the page to the screen; returns the part of it the screen is about. */
  show: (page: Page) => Promise<Locator>;
  /** Layout faults on the screen as shown (cut or overlapping text), described; none is []. */
  check?: (shown: Locator) => Promise<string[]>;
  /** Leaves the screen so the next one starts from the lead list. */
  hide?: (page: Page) => Promise<void>;
};

/** The demo lead the workspace screens show: inbound, New York time, a phone number. */
export const FOCUS_LEAD = 'Avery Chen (demo)';
/** A demo lead outside their calling window at the tests' clock (23:00 in Shanghai). */
export const ASLEEP_LEAD = '李强 (demo)';
/** The demo lead whose time zone is unknown. */
export const UNKNOWN_ZONE_LEAD = 'Sam Taylor (demo)';

const MAPPING_CSV = [
  // Headers as a CRM export writes them: the file's own words, not the interface's.
  'contact_name,org,job_title,mobile,e_mail,tz',
  'Mia Lang,Kite Labs,Head of Sales,+1 202 555 0143,mia@kite.example,America/New_York',
  '陈晓明,顺达物流,采购经理,+86 138 0013 8001,chen@shunda.example,Asia/Shanghai',
  '박서연,한빛물류,영업 본부장,+82 10 1234 5678,park@hanbit.example,Asia/Seoul',
].join('\n');

/** Confirms two BANT criteria on the focus lead so the hand-off dialog can open. */
export const seedHandoffReady = async (core: Core): Promise<void> => {
  const id = core.db.prepare('SELECT id FROM leads WHERE name = ?').pluck().get(FOCUS_LEAD) as string;
  await core.handlers['qualification.setBant']({ leadId: id, criterion: 'budget', confirmed: true });
  await core.handlers['qualification.setBant']({ leadId: id, criterion: 'need', confirmed: true });
};

/**
 * What the Tasks view and the do-not-contact list show: three new leads (English, Chinese, Korean) on
 * an email-then-LinkedIn cadence, so an email step is due today, and two do-not-contact entries that
 * cover none of the demo leads. Call after `seedHandoffReady`; the workspace screens are unchanged.
 */
export const seedTasksReady = async (core: Core): Promise<void> => {
  const lead = (name: string, company: string, email: string, e164: string, timeZone: string) =>
    core.leads.create({
      name,
      title: null,
      company,
      email,
      phones: [{ e164, ext: null, label: null, raw: e164 }],
      timeZone,
      country: null,
      region: null,
      city: null,
      sourceChannel: 'web_form',
      sourceDetail: null,
      direction: 'inbound',
      status: 'new',
    }).id;
  const leadIds = [
    lead('Mia Lang', 'Kite Labs', 'mia@kite.example', '+12025550143', 'America/New_York'),
    lead('陈晓明', '顺达物流', 'chen@shunda.example', '+8613800138001', 'Asia/Shanghai'),
    lead('박서연', '한빛물류', 'park@hanbit.example', '+821012345678', 'Asia/Seoul'),
  ];
  // Through the contract, so the steps get their default waits and attempts.
  const saved = await dispatch(core.handlers, 'cadences.save', {
    cadence: {
      name: 'Email first',
      rule: null,
      steps: [
        { id: 'email-1', kind: 'email', title: 'Send the intro email' },
        { id: 'linkedin-1', kind: 'linkedin', title: 'Connect on LinkedIn' },
        { id: 'call-1', kind: 'call', title: 'Call' },
      ],
    },
  });
  if (!saved.ok) throw new Error(`cadences.save: ${saved.error.code} ${saved.error.message}`);
  await core.handlers['enrollments.enroll']({ leadIds, cadenceId: (saved.value as { id: string }).id });
  await core.handlers['dnc.add']({
    entries: [{ kind: 'phone', value: '+14155550199' }],
    reason: 'Asked not to be called',
  });
  await core.handlers['dnc.add']({ entries: [{ kind: 'domain', value: 'blocked.example' }] });
};

const openLead = async (page: Page, name: string): Promise<Locator> => {
  await page.locator(OPTION).filter({ hasText: name }).first().click();
  const detail = page.getByTestId('lead-detail');
  await waitForText(detail.locator('.detail__name'), name.replace(' (demo)', ''));
  // Every screen starts from the top of the panel; the one before may have scrolled it.
  await detail.evaluate((panel) => panel.scrollTo(0, 0));
  return detail;
};

const closeDialog = async (page: Page): Promise<void> => {
  await page.keyboard.press('Escape');
  await page.locator('[role="dialog"]').first().waitFor({ state: 'detached' });
};

const backToList = async (page: Page): Promise<void> => {
  if ((await page.getByTestId('view-leads').getAttribute('aria-pressed')) !== 'true') {
    await page.getByTestId('view-leads').click();
  }
  await page.locator(OPTION).first().waitFor();
};

/** Opens the Tasks view with its steps (not the do-not-contact list) in front. */
const openTasks = async (page: Page): Promise<Locator> => {
  // The screen before may have left a button focused (the view switch); the view opens from the page.
  await page.locator(':focus').evaluateAll((els) => {
    for (const el of els) if (el instanceof HTMLElement) el.blur();
  });
  await page.keyboard.press('Shift+T');
  const view = page.getByTestId('tasks-view');
  await view.waitFor();
  if ((await page.getByTestId('tasks-tab-dnc').getAttribute('aria-pressed')) === 'true') {
    await page.keyboard.press('l');
  }
  await page.getByTestId('task-row').first().waitFor();
  return view;
};

const closeTasks = async (page: Page): Promise<void> => {
  await page.locator('body').focus();
  if ((await page.getByTestId('tasks-tab-dnc').getAttribute('aria-pressed')) === 'true') {
    await page.keyboard.press('l');
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('tasks-view').waitFor({ state: 'detached' });
  await page.locator(OPTION).first().waitFor();
};

export const SCREENS: readonly Screen[] = [
  {
    // The call workspace: the lead list and the lead panel with its outcome card.
    name: 'workspace',
    show: async (page) => {
      await openLead(page, FOCUS_LEAD);
      await page.getByTestId('outcome-card').waitFor();
      return page.locator('body');
    },
  },
  {
    name: 'unknown-zone',
    show: async (page) => {
      await openLead(page, UNKNOWN_ZONE_LEAD);
      const warning = page.getByTestId('time-zone-unknown');
      await warning.scrollIntoViewIfNeeded();
      return warning;
    },
  },
  {
    // The lead's status funnel and why they became a lead, with the direction badge.
    name: 'lead-status',
    show: async (page) => {
      await openLead(page, FOCUS_LEAD);
      const funnel = page.locator('.funnel');
      await funnel.scrollIntoViewIfNeeded();
      return funnel;
    },
    // Every status name whole ("Opportunity" was cut), and no two side by side touching.
    check: (funnel) =>
      funnel.locator('.funnel__label').evaluateAll((labels) =>
        labels.flatMap((label, i) => {
          const problems: string[] = [];
          const box = label.getBoundingClientRect();
          const range = label.ownerDocument.createRange();
          range.selectNodeContents(label);
          const text = range.getBoundingClientRect();
          if (text.width > box.width + 0.5) problems.push(`"${label.textContent}" is wider than its step`);
          const next = labels[i + 1];
          if (next && text.right + 4 > next.getBoundingClientRect().left) {
            problems.push(`"${label.textContent}" runs into "${next.textContent}"`);
          }
          return problems;
        }),
      ),
  },
  {
    name: 'scripts',
    show: async (page) => {
      await openLead(page, FOCUS_LEAD);
      const panel = page.getByTestId('scripts-panel');
      await panel.locator('.script__text').first().waitFor();
      await panel.scrollIntoViewIfNeeded();
      return panel;
    },
  },
  {
    name: 'queue-why',
    show: async (page) => {
      await page.getByTestId('view-queue').click();
      await page.getByTestId('queue-entry').first().click();
      await page.getByTestId('why-ask').click();
      await page.locator('.why__body').waitFor();
      return page.getByTestId('queue-view');
    },
    // The cadence step and the reasons are never cut short.
    check: (queue) =>
      queue
        .locator('.queue-entry__sub, .queue-entry__reasons')
        .evaluateAll((lines) =>
          lines
            .filter(
              (line) => line.scrollWidth > line.clientWidth + 1 || line.scrollHeight > line.clientHeight + 1,
            )
            .map((line) => `"${line.textContent}" is cut`),
        ),
    hide: backToList,
  },
  {
    // The explainer for a lead asleep in Shanghai: its answer must be on screen once asked.
    name: 'why-blocked',
    show: async (page) => {
      const detail = await openLead(page, ASLEEP_LEAD);
      await detail.getByTestId('why-ask').click();
      const answer = detail.locator('.why__body');
      await answer.waitFor();
      return answer;
    },
  },
  {
    name: 'handoff',
    show: async (page) => {
      await openLead(page, FOCUS_LEAD);
      await page.getByTestId('handoff-open').click();
      const dialog = page.getByTestId('handoff-dialog');
      await dialog.waitFor();
      return dialog;
    },
    hide: closeDialog,
  },
  {
    // A calling session started with G: the strip with today's figures, the queue and the lead on screen.
    name: 'session',
    show: async (page) => {
      await page.locator('body').focus();
      await page.keyboard.press('g');
      await page.locator('[data-testid="session-strip"][data-state="running"]').waitFor();
      await page.getByTestId('outcome-card').locator('[data-outcome]:not([disabled])').first().waitFor();
      // The session may open the lead the screen before left scrolled down; show it from the top.
      await page.getByTestId('lead-detail').evaluate((panel) => panel.scrollTo(0, 0));
      return page.locator('body');
    },
    hide: async (page) => {
      await page.locator('body').focus();
      await page.keyboard.press('x');
      await page
        .locator('[data-testid="session-strip"][data-state="running"]')
        .waitFor({ state: 'detached' });
      await backToList(page);
    },
  },
  {
    // The day's email, LinkedIn and other steps, grouped by kind.
    name: 'tasks',
    show: openTasks,
    hide: closeTasks,
  },
  {
    name: 'dnc',
    show: async (page) => {
      await openTasks(page);
      await page.keyboard.press('l');
      const panel = page.getByTestId('dnc-panel');
      await panel.getByTestId('dnc-row').first().waitFor();
      return panel;
    },
    hide: closeTasks,
  },
  {
    name: 'settings',
    show: async (page) => {
      await page.getByTestId('open-settings').click();
      const dialog = page.locator('[role="dialog"]');
      await dialog.waitFor();
      return dialog;
    },
    hide: closeDialog,
  },
  {
    name: 'import',
    show: async (page) => {
      await page.getByTestId('open-import').click();
      const dialog = page.locator('[role="dialog"]');
      await dialog.waitFor();
      return dialog;
    },
    hide: closeDialog,
  },
  {
    // The import's mapping step, with a file whose rows are in three scripts.
    name: 'import-mapping',
    show: async (page) => {
      await page.getByTestId('open-import').click();
      await page.getByTestId('import-file-input').setInputFiles({
        name: 'fair-leads.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(MAPPING_CSV, 'utf8'),
      });
      await page.getByTestId('import-run').waitFor();
      return page.getByTestId('import-wizard');
    },
    hide: closeDialog,
  },
];

/** Sets the interface language and theme the way a rep does (stored settings), then reloads. */
export const applyLook = async (core: Core, page: Page, url: string, lang: Lang, theme: Theme) => {
  await core.handlers['settings.update']({ locale: lang, theme });
  await page.goto(url);
  await page.locator(`html[lang="${lang}"][data-theme="${theme}"]`).waitFor();
  await page.locator(OPTION).first().waitFor();
};

/** Waits for web fonts and ends running animations (a dialog's fade-in), so what is measured is final. */
export const settle = async (page: Page): Promise<void> => {
  await page.locator('html').evaluate(async (root) => {
    const doc = root.ownerDocument;
    await doc.fonts.ready;
    for (const animation of doc.getAnimations()) animation.finish();
  });
};
