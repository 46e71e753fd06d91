import { createHmac } from 'node:crypto';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { InboundLeadOutput } from '@shared/server/inbound';
import { TeamShift, TeamShiftsOutput } from '@shared/server/shifts';
import { expect } from 'vitest';
import { request, runCli } from './server-process';

type Cli = {
  code: number | null;
  json: unknown;
  error: { code: string; message: string; details?: unknown } | null;
};

/** The built CLI with `--json`: exit code, parsed stdout, and the error object from stderr. */
const dialdeck = async (args: string[], input?: string): Promise<Cli> => {
  const run = await runCli(['--json', ...args], {}, input);
  const out = run.stdout.trim();
  const err = run.stderr.trim().split('\n').at(-1) ?? '';
  return {
    code: run.code,
    json: out ? JSON.parse(out) : null,
    error: err.startsWith('{') ? (JSON.parse(err) as { error: Cli['error'] }).error : null,
  };
};

const ok = (run: Cli): unknown => {
  expect(run.error, JSON.stringify(run.error)).toBeNull();
  expect(run.code).toBe(0);
  return run.json;
};

/** `HH:MM` in UTC, `hours` from now (wrapping past midnight). */
const utcClock = (hours: number): string => {
  const date = new Date(Date.now() + hours * 3_600_000);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
};

/** A request signed as docs/server.md describes, with the timestamp and secret a test chooses. */
export const signedPost = async (
  url: string,
  teamId: string,
  secret: string,
  lead: unknown,
  options: { timestamp?: number; rawBody?: string } = {},
) => {
  const body = options.rawBody ?? JSON.stringify(lead);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const send = async () => {
    const response = await fetch(new URL('/v1/leads/inbound', url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dialdeck-team': teamId,
        'x-dialdeck-timestamp': timestamp,
        'x-dialdeck-signature': `v1=${signature}`,
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { send };
};

const expectRefused = (answer: { status: number; body: unknown }, status: number, code: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({ error: { code, message: expect.any(String) } });
};

/**
 * The inbound-lead webhook end to end on a running server, through the built CLI and raw HTTP:
 * shifts set by a manager, round-robin over the two reps on shift (also under concurrent posts), a
 * rep off shift never routed to, duplicates by phone and by email kept as one lead with a "came
 * back" activity, field-level 400s, forged, stale, replayed and wrong-team posts refused by name with
 * nothing stored, nobody on shift → the next shift's rep, no shifts → unassigned, and access to shifts.
 */
export const checkInbound = async (url: string, adminToken: string): Promise<void> => {
  const admin = ['--server', url, '--token', adminToken];
  // Set-up over HTTP (the admin commands have their own tests); the commands under test run the CLI.
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const teamA = await team('Inbound A');
  const teamB = await team('Inbound B');
  const manager = await user(teamA.teamId, 'lead@inbound-a.example', 'manager');
  const ana = await user(teamA.teamId, 'ana@inbound-a.example', 'rep');
  const bo = await user(teamA.teamId, 'bo@inbound-a.example', 'rep');
  const cy = await user(teamA.teamId, 'cy@inbound-a.example', 'rep');
  const ae = await user(teamA.teamId, 'ae@inbound-a.example', 'ae');
  const managerTarget = ['--server', url, '--token', manager.token];

  // Ana and Bo are on shift now (Berlin and Seoul clocks, around now); Cy's shift starts in 3 h.
  const setShift = (email: string, from: string, to: string, zone: string, days = 'daily') =>
    dialdeck([
      'admin',
      'shifts',
      'set',
      '--team',
      teamA.teamId,
      '--email',
      email,
      '--days',
      days,
      '--from',
      from,
      '--to',
      to,
      '--time-zone',
      zone,
      ...managerTarget,
    ]);
  const berlin = (hours: number) =>
    new Date(Date.now() + hours * 3_600_000).toLocaleTimeString('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  const seoul = (hours: number) =>
    new Date(Date.now() + hours * 3_600_000).toLocaleTimeString('en-GB', {
      timeZone: 'Asia/Seoul',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  const anaShift = TeamShift.parse(
    ok(await setShift('ana@inbound-a.example', berlin(-2), berlin(2), 'Europe/Berlin')),
  );
  expect(anaShift).toMatchObject({
    userId: ana.userId,
    onShift: true,
    nextStartAt: null,
    timeZone: 'Europe/Berlin',
  });
  ok(await setShift('bo@inbound-a.example', seoul(-2), seoul(2), 'Asia/Seoul'));
  const cyShift = TeamShift.parse(
    ok(await setShift('cy@inbound-a.example', utcClock(3), utcClock(5), 'UTC')),
  );
  expect(cyShift.onShift).toBe(false);
  expect(cyShift.nextStartAt).toBeGreaterThan(Date.now() + 2.9 * 3_600_000);
  // Only reps have shifts; a bad day set or zone names the flag; an unknown email is not_found.
  const aeShift = await setShift('ae@inbound-a.example', '09:00', '17:00', 'UTC');
  expect([aeShift.code, aeShift.error?.code]).toEqual([2, 'invalid_input']);
  expect(aeShift.error?.message).toContain('only reps');
  expect(
    (await setShift('ana@inbound-a.example', '09:00', '17:00', 'UTC', 'mon-funday')).error?.message,
  ).toContain('--days');
  expect(
    (await setShift('ana@inbound-a.example', '09:00', '17:00', 'Mars/Olympus')).error?.message,
  ).toContain('--time-zone');
  expect((await setShift('nobody@inbound-a.example', '09:00', '17:00', 'UTC')).error?.code).toBe('not_found');
  const listed = TeamShiftsOutput.parse(
    ok(await dialdeck(['admin', 'shifts', '--team', teamA.teamId, ...managerTarget])),
  );
  expect(Object.fromEntries(listed.shifts.map((s) => [s.email, s.onShift]))).toEqual({
    'ana@inbound-a.example': true,
    'bo@inbound-a.example': true,
    'cy@inbound-a.example': false,
  });
  void ae;

  // A rep may not set shifts; another team's manager may not read these.
  const rep = await request(url, 'GET', `/v1/teams/${teamA.teamId}/shifts`, ana.token);
  expectRefused(rep, 403, 'forbidden');
  const managerB = await user(teamB.teamId, 'lead@inbound-b.example', 'manager');
  expectRefused(
    await request(url, 'GET', `/v1/teams/${teamA.teamId}/shifts`, managerB.token),
    403,
    'forbidden',
  );

  // Signed posts through the CLI helper: one from a JSON file on stdin, the rest from flags.
  const post = (flags: string[], input?: string, secret = teamA.inboundSecret) =>
    dialdeck(
      ['admin', 'inbound', 'post', '--team', teamA.teamId, '--secret', secret, '--server', url, ...flags],
      input,
    );
  const first = InboundLeadOutput.parse(
    ok(
      await post(
        [],
        JSON.stringify({
          firstName: 'Jo',
          lastName: 'Park',
          phone: '(212) 555-0143',
          country: 'US',
          email: 'Jo.Park@Acme.example',
          company: 'Acme',
          title: 'VP Sales',
          sourceDetail: 'pricing page form',
        }),
      ),
    ),
  );
  expect(first).toMatchObject({ duplicate: false, routed: 'on_shift' });
  const owners = [first.ownerId];
  for (const [name, phone] of [
    ['Li Wei', '+86 138 0013 8000'],
    ['Kim Minsu', '+82 10-1234-5678'],
    ['Sara Jones', '+44 20 7946 0958'],
  ] as const) {
    const answer = InboundLeadOutput.parse(
      ok(await post(['--name', name, '--phone', phone, '--source-detail', 'ebook'])),
    );
    expect(answer.duplicate).toBe(false);
    owners.push(answer.ownerId);
  }
  // Round-robin over the two reps on shift; the rep off shift never gets one.
  expect(new Set(owners.slice(0, 2))).toEqual(new Set([ana.userId, bo.userId]));
  expect(owners).toEqual([owners[0], owners[1], owners[0], owners[1]]);
  expect(owners).not.toContain(cy.userId);

  // Six posts at once still take turns: three each.
  const burst = await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      const signed = await signedPost(url, teamA.teamId, teamA.inboundSecret, {
        name: `Burst ${i}`,
        email: `burst${i}@leads.example`,
      });
      const answer = await signed.send();
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return InboundLeadOutput.parse(answer.body).ownerId;
    }),
  );
  expect(burst.filter((o) => o === ana.userId)).toHaveLength(3);
  expect(burst.filter((o) => o === bo.userId)).toHaveLength(3);

  // The same person again, by phone (another way of writing it) and by email (other case): no copy;
  // the lead keeps its rep and gets a "came back" activity.
  const byPhone = InboundLeadOutput.parse(
    ok(await post(['--name', 'J. Park', '--phone', '+1 212-555-0143', '--source-detail', 'webinar'])),
  );
  expect(byPhone).toEqual({ leadId: first.leadId, ownerId: first.ownerId, duplicate: true, routed: 'kept' });
  const byEmail = InboundLeadOutput.parse(
    ok(await post(['--name', 'Jo', '--email', 'JO.PARK@acme.example'])),
  );
  expect(byEmail).toMatchObject({ leadId: first.leadId, duplicate: true });
  const { activities } = TeamActivitiesOutput.parse(
    ok(await dialdeck(['admin', 'activities', '--team', teamA.teamId, ...admin])),
  );
  const cameBack = activities.filter((a) => a.kind === 'inbound');
  expect(cameBack.map((a) => [a.leadId, a.userId])).toEqual([
    [first.leadId, first.ownerId],
    [first.leadId, first.ownerId],
  ]);
  expect(cameBack[0]?.note).toContain('webinar');

  // Bad input: 400 naming the field; nothing stored.
  const badPhone = await post([
    '--name',
    'Bad Number',
    '--phone',
    '+1 212 555',
    '--email',
    'bad.number@leads.example',
  ]);
  expect(badPhone.code).toBe(2);
  expect(badPhone.error?.code).toBe('invalid_input');
  expect(badPhone.error?.details).toMatchObject({ issues: [{ path: 'phone', code: 'invalid_phone' }] });
  const noName = await signedPost(url, teamA.teamId, teamA.inboundSecret, { email: 'x@leads.example' });
  const noNameAnswer = await noName.send();
  expectRefused(noNameAnswer, 400, 'invalid_input');
  expect(noNameAnswer.body).toMatchObject({
    error: { details: { issues: [{ path: 'name', code: 'missing_name' }] } },
  });
  const unknownField = await (
    await signedPost(url, teamA.teamId, teamA.inboundSecret, { name: 'X', mail: 'x@y.example' })
  ).send();
  expectRefused(unknownField, 400, 'invalid_input');
  const notJson = await (
    await signedPost(url, teamA.teamId, teamA.inboundSecret, null, { rawBody: '{name' })
  ).send();
  expectRefused(notJson, 400, 'invalid_input');

  // Forged, stale, replayed, wrong team: refused by name, nothing stored.
  const probe = { name: 'Probe Lead', email: 'probe@leads.example' };
  expectRefused(
    await (await signedPost(url, teamA.teamId, 'not-the-secret', probe)).send(),
    401,
    'inbound_signature_invalid',
  );
  const forgedCli = await post(
    ['--name', 'Probe Lead', '--email', 'probe@leads.example'],
    undefined,
    teamB.inboundSecret,
  );
  expect([forgedCli.code, forgedCli.error?.code]).toEqual([1, 'inbound_signature_invalid']);
  const stale = await signedPost(url, teamA.teamId, teamA.inboundSecret, probe, {
    timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
  });
  expectRefused(await stale.send(), 401, 'inbound_timestamp_stale');
  const early = await signedPost(url, teamA.teamId, teamA.inboundSecret, probe, {
    timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
  });
  expectRefused(await early.send(), 401, 'inbound_timestamp_stale');
  // Team A's secret cannot post into team B, and an unknown team is refused the same way.
  expectRefused(
    await (await signedPost(url, teamB.teamId, teamA.inboundSecret, probe)).send(),
    401,
    'inbound_signature_invalid',
  );
  expectRefused(
    await (await signedPost(url, '01900000-0000-7000-8000-000000000000', teamA.inboundSecret, probe)).send(),
    401,
    'inbound_signature_invalid',
  );
  // None of those stored the probe: its first real post is a new lead.
  const replayable = await signedPost(url, teamA.teamId, teamA.inboundSecret, probe);
  const once = await replayable.send();
  expect(once.status, JSON.stringify(once.body)).toBe(201);
  expect(InboundLeadOutput.parse(once.body).duplicate).toBe(false);
  expectRefused(await replayable.send(), 409, 'inbound_replayed');
  // Team B holds none of team A's leads: the same person is new there.
  const unassigned = await (await signedPost(url, teamB.teamId, teamB.inboundSecret, probe)).send();
  expect(unassigned.status).toBe(201);
  expect(InboundLeadOutput.parse(unassigned.body)).toMatchObject({
    duplicate: false,
    ownerId: null,
    routed: 'unassigned',
  });

  // Nobody on shift in team B: the rep whose shift starts soonest takes it.
  const dee = await user(teamB.teamId, 'dee@inbound-b.example', 'rep');
  const eli = await user(teamB.teamId, 'eli@inbound-b.example', 'rep');
  const shiftB = (email: string, from: string, to: string) =>
    dialdeck([
      'admin',
      'shifts',
      'set',
      '--team',
      teamB.teamId,
      '--email',
      email,
      '--days',
      'daily',
      '--from',
      from,
      '--to',
      to,
      '--time-zone',
      'UTC',
      '--server',
      url,
      '--token',
      managerB.token,
    ]);
  ok(await shiftB('dee@inbound-b.example', utcClock(6), utcClock(8)));
  ok(await shiftB('eli@inbound-b.example', utcClock(2), utcClock(4)));
  const later = await (
    await signedPost(url, teamB.teamId, teamB.inboundSecret, { name: 'Night Owl', phone: '+61 2 9374 4000' })
  ).send();
  expect(InboundLeadOutput.parse(later.body)).toMatchObject({ ownerId: eli.userId, routed: 'next_shift' });
  void dee;
  // The unassigned lead that comes back now has reps to go to: it is routed, not copied.
  // Posted again as a form resubmits it: the same lead in another body (the same body signed within
  // the same second would be a replay, refused by design).
  const back = await (
    await signedPost(url, teamB.teamId, teamB.inboundSecret, probe, { rawBody: `${JSON.stringify(probe)}\n` })
  ).send();
  expect(back.status).toBe(200);
  expect(InboundLeadOutput.parse(back.body)).toMatchObject({
    leadId: InboundLeadOutput.parse(unassigned.body).leadId,
    duplicate: true,
    ownerId: eli.userId,
    routed: 'next_shift',
  });
};
