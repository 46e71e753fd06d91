import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSummary } from '@shared/api/imports';
import type { Lead } from '@shared/domain/lead';
import { afterAll, describe, expect, it } from 'vitest';
import { CRM_SOURCE_VALUES } from '../../../src/main/core/imports/normalize/crmSources';
import { dialdeck, tempDir } from './helpers';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Each row's lead: channel and direction, keyed by the source value its row carried. */
const importSources = async (
  header: string,
  values: readonly string[],
  ...flags: string[]
): Promise<Map<string, Lead>> => {
  const dir = tempDir('crm-sources');
  dirs.push(dir);
  const file = join(dir, 'export.csv');
  const rows = values.map((value, i) => `Lead ${i},lead${i}@example.com,"${value}"`);
  writeFileSync(file, [`Name,Email,${header}`, ...rows].join('\n'));
  const data = join(dir, 'data');
  const run = await dialdeck(['--data-dir', data, '--json', 'import', file, ...flags]);
  expect(run.stderr).toBe('');
  expect((JSON.parse(run.stdout) as ImportSummary).imported).toBe(values.length);
  const listed = await dialdeck(['--data-dir', data, '--json', 'leads']);
  const leads = JSON.parse(listed.stdout) as Lead[];
  return new Map(values.map((value, i) => [value, leads.find((lead) => lead.name === `Lead ${i}`) as Lead]));
};

// Each test runs the real CLI several times, a few seconds each.
describe('CRM source picklists give a lead its channel and who reached out first', {
  timeout: 120_000,
}, () => {
  it("HubSpot's Original Source: only a visit that converted is inbound; Offline Sources is a list", async () => {
    const expected: Record<string, [string, string]> = {
      'Organic Search': ['web_form', 'inbound'],
      'Paid Search': ['ads', 'inbound'],
      'Email Marketing': ['other', 'inbound'],
      'Social Media': ['other', 'inbound'],
      Referrals: ['referral', 'inbound'],
      'Other Campaigns': ['other', 'inbound'],
      'Direct Traffic': ['web_form', 'inbound'],
      'Offline Sources': ['outbound_list', 'outbound'],
      'Paid Social': ['ads', 'inbound'],
      'AI Referrals': ['web_form', 'inbound'],
    };
    const leads = await importSources('Original Source', Object.keys(expected));
    for (const [value, [channel, direction]] of Object.entries(expected)) {
      expect(leads.get(value), value).toMatchObject({ sourceChannel: channel, direction });
    }
  });

  it("Salesforce's Lead Source: a purchased list is outbound and Other takes the import's direction", async () => {
    const expected: Record<string, [string, string]> = {
      Web: ['web_form', 'inbound'],
      'Phone Inquiry': ['hotline', 'inbound'],
      'Partner Referral': ['partner', 'inbound'],
      'Purchased List': ['outbound_list', 'outbound'],
      Other: ['other', 'outbound'],
      Advertisement: ['ads', 'inbound'],
      'Employee Referral': ['referral', 'inbound'],
      'Trade Show': ['event', 'inbound'],
      'Seminar - Partner': ['event', 'inbound'],
      'Word of mouth': ['referral', 'inbound'],
    };
    const leads = await importSources('Lead Source', Object.keys(expected));
    for (const [value, [channel, direction]] of Object.entries(expected)) {
      expect(leads.get(value), value).toMatchObject({ sourceChannel: channel, direction });
    }
    // Told the list is inbound, a value that says nothing follows the import; one that says, does not.
    const told = await importSources('Lead Source', ['Other', 'Purchased List'], '--direction', 'inbound');
    expect(told.get('Other')).toMatchObject({ sourceChannel: 'other', direction: 'inbound' });
    expect(told.get('Purchased List')).toMatchObject({ direction: 'outbound' });
  });

  it("every known CRM value, Pipedrive's included, lands as its table says, in any case", async () => {
    const values = Object.keys(CRM_SOURCE_VALUES);
    const leads = await importSources(
      'Source origin',
      values.map((value) => value.toUpperCase()),
    );
    for (const value of values) {
      const { channel, direction } = CRM_SOURCE_VALUES[value] as (typeof CRM_SOURCE_VALUES)[string];
      expect(leads.get(value.toUpperCase()), value).toMatchObject({
        sourceChannel: channel,
        direction: direction ?? 'outbound',
      });
    }
    // The ones that matter most for speed-to-lead: never inbound.
    for (const value of ['Prospector', 'Import', 'Manually created', 'Web visitors', 'API']) {
      expect(leads.get(value.toUpperCase())?.direction, value).toBe('outbound');
    }
  });
});
