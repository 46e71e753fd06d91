import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { dataDir, dialdeck, ok, storeWithLead } from './helpers';

const TRIGGER_VOICEMAIL = '0190a000-0000-7000-8000-00000000d001';

describe('dialdeck script (the built CLI)', () => {
  it('estimates a text as spoken, per language', () => {
    const dir = dataDir();
    // 21 words at 183 a minute: the phone number digit by digit, the address read out.
    const en = dialdeck(dir, 'script', 'estimate', '--text', 'Call me at +1 415 555 0100 or jane@acme.com.');
    expect(en).toMatchObject({ status: 0, json: { seconds: 6.9, language: 'en' } });
    // 你好我是王伟 + 二零二六年: 11 syllables at 5.18 a second.
    const zh = dialdeck(dir, 'script', 'estimate', '--text', '你好，我是王伟。2026年', '--language', 'zh-CN');
    expect(zh).toMatchObject({ status: 0, json: { seconds: 2.1, language: 'zh-CN' } });
  });

  it('refuses empty text and an unknown language with a code and a non-zero exit', () => {
    const dir = dataDir();
    const empty = dialdeck(dir, 'script', 'estimate', '--text', '  ');
    expect(empty.status).not.toBe(0);
    expect(empty.error?.code).toBe('script_empty_text');
    const french = dialdeck(dir, 'script', 'estimate', '--text', 'Bonjour', '--language', 'fr');
    expect(french.status).toBe(2);
    expect(french.error).toMatchObject({ code: 'invalid_input' });
    expect(french.error?.message).toContain('en, zh-CN or ko');
  });

  it('renders a script from the lead, its research and the rep, listing what is missing', async () => {
    const dir = dataDir();
    const { core, leadId } = storeWithLead(dir);
    await ok(core, 'settings.update', { repName: 'Sam Lee' });
    await ok(core, 'research.setFacts', { leadId, facts: { triggerEvent: 'your Series B news' } });
    core.close();

    const run = dialdeck(dir, 'script', 'render', TRIGGER_VOICEMAIL, leadId);
    expect(run.status).toBe(0);
    const rendered = run.json as { text: string; missing: string[]; seconds: number };
    expect(rendered.text).toBe(
      "Hi Jane, it's Sam Lee. I saw your Series B news and have one idea for Acme. Call me at [repPhone]. Again, [repPhone].",
    );
    expect(rendered.missing).toEqual(['repPhone']);
    expect(rendered.text).not.toMatch(/[{}]/);
    expect(rendered.seconds).toBeGreaterThan(0);
    expect(rendered.seconds).toBeLessThan(20);

    // With the phone set, nothing is missing and the two read-outs of the number lengthen it.
    const again = openCore({ dataDir: dir });
    await ok(again, 'settings.update', { repPhone: '+1 415 555 0199' });
    again.close();
    const filled = dialdeck(dir, 'script', 'render', TRIGGER_VOICEMAIL, leadId).json as typeof rendered;
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain('Call me at +1 415 555 0199.');
    expect(filled.seconds).toBeGreaterThan(rendered.seconds);
  });

  it('names an unknown script or lead with not_found and exits non-zero', async () => {
    const dir = dataDir();
    const { core, leadId } = storeWithLead(dir);
    core.close();
    const noScript = dialdeck(dir, 'script', 'render', '0190a000-0000-7000-8000-0000000000ff', leadId);
    expect(noScript.status).toBe(1);
    expect(noScript.error?.code).toBe('not_found');
    expect(noScript.error?.message).toContain('script');
    const noLead = dialdeck(
      dir,
      'script',
      'render',
      TRIGGER_VOICEMAIL,
      '0190a000-0000-7000-8000-0000000000ff',
    );
    expect(noLead.status).toBe(1);
    expect(noLead.error?.code).toBe('not_found');
    const badId = dialdeck(dir, 'script', 'render', 'nope', leadId);
    expect(badId.status).toBe(2);
    expect(badId.error?.code).toBe('invalid_input');
  });
});
