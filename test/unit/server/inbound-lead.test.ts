import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readInboundLead } from '../../../src/server/inbound/normalize';
import { checkTimestamp, verifySignature } from '../../../src/server/inbound/signature';

describe("an inbound lead read by the import's rules", () => {
  it('reads the phone into E.164, the country and the time zone, inbound from a web form by default', () => {
    const reading = readInboundLead({
      firstName: 'Jo',
      lastName: 'Park',
      phone: '(212) 555-0143',
      country: 'United States',
      email: 'Jo.Park@Acme.example',
      company: 'Acme',
      sourceDetail: 'pricing form',
      notes: 'Asked for a demo',
    });
    expect(reading).toMatchObject({
      ok: true,
      value: {
        lead: {
          name: 'Jo Park',
          phones: [{ e164: '+12125550143' }],
          country: 'US',
          timeZone: 'America/New_York',
          direction: 'inbound',
          sourceChannel: 'web_form',
          sourceDetail: 'pricing form',
          status: 'new',
          research: 'Asked for a demo',
        },
        phonesE164: ['+12125550143'],
        emailFolded: 'jo.park@acme.example',
      },
    });
  });

  it('keeps the channel the sender names and reads Korean names family name first', () => {
    const reading = readInboundLead({
      firstName: '민수',
      lastName: '김',
      phone: '010-1234-5678',
      country: 'KR',
      sourceChannel: 'event',
    });
    expect(reading).toMatchObject({
      ok: true,
      value: { lead: { name: '김민수', timeZone: 'Asia/Seoul', sourceChannel: 'event' } },
    });
  });

  it.each([
    [{ name: 'A', phone: '030 901820' }, 'phone', 'invalid_phone'],
    [{ name: 'A', phone: '+1 212 555' }, 'phone', 'invalid_phone'],
    [{ name: 'A', email: 'not-an-email' }, 'email', 'invalid_email'],
    [{ email: 'a@b.example' }, 'name', 'missing_name'],
    [{ name: 'A' }, 'phone', 'missing_contact'],
    [{ name: 'A', email: 'a@b.example', country: 'Narnia' }, 'country', 'unknown_country'],
    [{ name: 'A', email: 'a@b.example', timeZone: 'Mars/Olympus' }, 'timeZone', 'invalid_time_zone'],
  ])('refuses %j on the field at fault', (body, path, code) => {
    const reading = readInboundLead(body);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.issues[0]).toMatchObject({ path, code, message: expect.any(String) });
  });
});

describe('the inbound signature', () => {
  const secret = 'team-secret';
  const body = Buffer.from('{"name":"Jo"}');
  const sign = (timestamp: string, text: Buffer, key = secret) =>
    createHmac('sha256', key).update(`${timestamp}.`).update(text).digest('hex');

  it('accepts the HMAC of timestamp.body, also beside another v1 entry, and refuses any other', () => {
    expect(verifySignature(secret, '1700000000', body, `v1=${sign('1700000000', body)}`)).toHaveLength(32);
    expect(() =>
      verifySignature(secret, '1700000000', body, `v1=${'0'.repeat(64)}, v1=${sign('1700000000', body)}`),
    ).not.toThrow();
    for (const header of [
      undefined,
      `v1=${sign('1700000001', body)}`,
      `v1=${sign('1700000000', Buffer.from('{"name":"Jo "}'))}`,
      `v1=${sign('1700000000', body, 'other-secret')}`,
      `v0=${sign('1700000000', body)}`,
      'v1=zz',
    ]) {
      expect(() => verifySignature(secret, '1700000000', body, header)).toThrow(
        expect.objectContaining({ code: 'inbound_signature_invalid' }),
      );
    }
  });

  it('takes timestamps within five minutes either way', () => {
    const now = 1_700_000_000_000;
    expect(checkTimestamp('1700000299', now)).toBe(1_700_000_299_000);
    expect(checkTimestamp('1699999700', now)).toBe(1_699_999_700_000);
    for (const stale of ['1700000301', '1699999699', '', 'soon', '1700000000.5']) {
      expect(() => checkTimestamp(stale, now)).toThrow(
        expect.objectContaining({ code: 'inbound_timestamp_stale' }),
      );
    }
  });
});
