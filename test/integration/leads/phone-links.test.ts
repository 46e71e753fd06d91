import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { MutationEnvelope } from '../../../src/shared/sync';
import { tempDir } from '../cadence/helpers';
import { dialdeck, errorOf, outboundLead } from '../cli-run';

type Target = {
  e164: string;
  ext: string | null;
  leadId: string | null;
  leadName: string | null;
  matches: number;
};

/** A store with two leads: one on a switchboard number with extension 12, one on a direct US number. */
const seed = () => {
  const dataDir = tempDir('dialdeck-phone-links-');
  const core = openCore({ dataDir });
  core.handlers['settings.update']({ defaultRegion: 'US' });
  const ids = core.db.transaction(() => ({
    ext: core.leads.create(
      outboundLead('Ines Ortega', '+12015550123', {
        phones: [{ e164: '+12015550123', ext: '12', label: null, raw: '+1 201 555 0123 x12' }],
      }),
    ).id,
    plain: core.leads.create(outboundLead('Noah Berg', '+12125550101')).id,
  }))();
  core.close();
  return { dataDir, ids };
};

describe('dialdeck open-url: a tel: or callto: link to the lead with that number', () => {
  it('finds the lead by E.164 and extension, reads local numbers in the default region, and says when none has it', () => {
    const { dataDir, ids } = seed();
    const open = (url: string): Target => {
      const run = dialdeck(dataDir, 'open-url', url);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return run.json as Target;
    };
    expect(open('tel:+1-201-555-0123;ext=12')).toMatchObject({
      e164: '+12015550123',
      ext: '12',
      leadId: ids.ext,
    });
    expect(open('callto://+1 (212) 555-0101')).toMatchObject({
      e164: '+12125550101',
      ext: null,
      leadId: ids.plain,
      leadName: 'Noah Berg',
      matches: 1,
    });
    // A local number: under its "+" context (RFC 3966 5.1.5), else in the default region.
    expect(open('tel:555-0101;phone-context=+1-212').leadId).toBe(ids.plain);
    expect(open('tel:(212)%20555-0101').leadId).toBe(ids.plain);
    expect(open('tel:+1-415-555-0199')).toEqual({
      e164: '+14155550199',
      ext: null,
      leadId: null,
      leadName: null,
      matches: 0,
    });
  });

  it('refuses a link that holds no dialable number, by code, naming the link', () => {
    const { dataDir } = seed();
    for (const url of ['callto:jane.doe', 'tel:+1-999', 'mailto:a@example.com', 'tel:+1 800 PW12345']) {
      const run = dialdeck(dataDir, 'open-url', url);
      // Bad input, as README's CLI section says.
      expect(run.status).toBe(2);
      expect(errorOf(run).code).toBe('phone_link_invalid');
      expect(errorOf(run).message).toContain(url);
    }
  });

  it('says why each link fails: the domain of a domain context, the number a +context forms', () => {
    const { dataDir } = seed();
    const failure = (url: string) => {
      const run = dialdeck(dataDir, 'open-url', url);
      expect(run.status).toBe(2);
      return errorOf(run) as ReturnType<typeof errorOf> & { params?: Record<string, string> };
    };
    // RFC 3966 5.1.5: the local number follows the global-number prefix of its context.
    const formed = failure('tel:863-1234;phone-context=+1-914-555');
    expect(formed.params).toMatchObject({ kind: 'context_number_invalid', number: '+19145558631234' });
    expect(formed.message).toContain('+19145558631234');
    const domain = failure('tel:7042;phone-context=example.com');
    expect(domain.params).toMatchObject({ kind: 'domain_context', domain: 'example.com', region: 'US' });
    expect(domain.message).toContain('example.com');
    // A global number is checked on its own country code, never blamed on the default region.
    const global = failure('tel:+999999999999999999');
    expect(global.params).toMatchObject({ kind: 'global_number_invalid', number: '+999999999999999999' });
    expect(global.message).not.toContain('default country');
    expect(failure('callto:jane.doe').params).toMatchObject({ kind: 'not_a_number' });
    expect(failure('javascript:alert(1)').params).toMatchObject({ kind: 'not_a_phone_link' });
    expect(failure('tel:').params).toMatchObject({ kind: 'no_digits' });
    // A domain context whose digits make a number in the default region is read there.
    expect(dialdeck(dataDir, 'open-url', 'tel:212-555-0101;phone-context=example.com').status).toBe(0);
  });

  it('a number no lead has becomes a lead with `lead add`, synced as one lead.create, then the link finds it', () => {
    const { dataDir } = seed();
    const added = dialdeck(
      dataDir,
      'lead',
      'add',
      '--name',
      'Mara Quist',
      '--phone',
      '(415) 555-0199',
      '--company',
      'Quist AB',
    );
    expect(added.stderr).toBe('');
    const lead = added.json as {
      id: string;
      phones: { e164: string }[];
      timeZone: string | null;
      direction: string;
    };
    expect(lead.phones.map((p) => p.e164)).toEqual(['+14155550199']);
    expect(lead.timeZone).toBe('America/Los_Angeles');
    expect(lead.direction).toBe('outbound');
    expect((dialdeck(dataDir, 'open-url', 'tel:+14155550199').json as Target).leadId).toBe(lead.id);

    const core = openCore({ dataDir });
    const rows = core.db.prepare('SELECT id, name, args, hlc FROM outbox').all() as {
      id: string;
      name: string;
      args: string;
      hlc: string;
    }[];
    const creates = rows.filter((r) => r.name === 'lead.create');
    expect(creates.map((r) => (JSON.parse(r.args) as { id: string }).id)).toContain(lead.id);
    for (const row of rows) {
      expect(MutationEnvelope.safeParse({ ...row, args: JSON.parse(row.args) }).success, row.name).toBe(true);
    }
    // On the queue: the new lead is enrolled on a cadence like an imported one.
    expect(core.handlers['enrollments.get']({ leadId: lead.id })).not.toBeNull();
    core.close();

    const bad = dialdeck(dataDir, 'lead', 'add', '--name', 'X', '--phone', '12');
    expect(errorOf(bad).code).toBe('lead_phone_invalid');
  });
});
