import { InboundLeadOutput } from '@shared/server/inbound';
import { BulkAssignOutput, ImportLeadsOutput, TeamLeadsOutput } from '@shared/server/leads';
import {
  RemoveShiftOutput,
  RotationMember,
  TeamRotationOutput,
  TeamShiftsOutput,
} from '@shared/server/shifts';
import { expect } from 'vitest';
import { codeOf, consoleCall, newBrowser } from './console-client';
import { signedPost } from './inbound-suite';
import { request, teamMaker } from './server-process';

/** `HH:MM` in UTC, `hours` from now (wrapping past midnight). */
const utcClock = (hours: number): string => {
  const date = new Date(Date.now() + hours * 3_600_000);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
};

/** A lead as the import route takes it, with a distinct number and email per `i`. */
export const importLead = (i: number, company: string) => ({
  row: i + 1,
  name: `Lead ${String(i).padStart(3, '0')} ${i % 2 === 0 ? 'Alvarez' : 'Brandt'}`,
  title: null,
  company,
  email: `lead${i}@assign.example`,
  phones: [{ e164: `+1312555${String(3000 + i).padStart(4, '0')}`, ext: null, label: null, raw: '' }],
  timeZone: 'America/Chicago',
  country: 'US',
  region: null,
  city: null,
  sourceChannel: 'outbound_list',
  sourceDetail: null,
  direction: 'outbound',
  status: i % 5 === 0 ? 'working' : 'new',
  research: null,
});

const refused = (answer: { status: number; body: unknown }, status: number, code: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect((answer.body as { error: { message: string } }).error.message.length).toBeGreaterThan(20);
};

/**
 * A manager's assignment tools on a running server, over HTTP: the lead list searched (name, company,
 * email, digits of a number), filtered (owner, unassigned, status) and paged with a total; one and
 * many leads reassigned (a bulk naming an unknown lead moves none); round-robin membership (an
 * out-of-rotation rep on shift gets no inbound lead and no share of a round-robin import; nobody in
 * rotation: inbound goes unassigned and an import is refused by name); a shift removed; and every new
 * route refused to a rep, an AE and another team's manager (bearer token and console session), and
 * to a console change without its CSRF token.
 */
export const checkAssignment = async (url: string, adminToken: string): Promise<void> => {
  const { team, user } = teamMaker(url, adminToken);
  const teamA = await team('Assign A');
  const teamB = await team('Assign B');
  const manager = await user(teamA.teamId, 'lead@assign-a.example', 'manager');
  const ana = await user(teamA.teamId, 'ana@assign-a.example', 'rep');
  const bo = await user(teamA.teamId, 'bo@assign-a.example', 'rep');
  const ae = await user(teamA.teamId, 'ae@assign-a.example', 'ae');
  const managerB = await user(teamB.teamId, 'lead@assign-b.example', 'manager');
  const base = `/v1/teams/${teamA.teamId}`;
  const asManager = (method: string, path: string, body?: unknown) =>
    request(url, method, `${base}${path}`, manager.token, body);

  // 120 leads round-robin over Ana and Bo, both in rotation.
  const imported = ImportLeadsOutput.parse(
    (
      await asManager('POST', '/leads/import', {
        leads: Array.from({ length: 120 }, (_, i) => importLead(i, i < 40 ? 'Acme Freight' : 'Globex')),
        assign: { mode: 'round-robin', offset: 0 },
      })
    ).body,
  );
  expect(imported.assigned).toEqual({ [ana.userId]: 60, [bo.userId]: 60 });

  // Paging: 50 a page, the total counted, pages in creation order without overlap.
  const list = async (query: string) => {
    const answer = await asManager('GET', `/leads?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return TeamLeadsOutput.parse(answer.body);
  };
  const page1 = await list('limit=50&offset=0');
  const page3 = await list('limit=50&offset=100');
  expect(page1.total).toBe(120);
  expect(page1.leads).toHaveLength(50);
  expect(page3.leads).toHaveLength(20);
  expect(page3.leads.at(-1)?.name).toBe('Lead 119 Brandt');
  expect((await list('limit=50&offset=500')).leads).toEqual([]);
  expect((await list('limit=50&offset=500')).total).toBe(120);
  // Without a limit, every lead and no total (the CLI's `admin leads list`).
  const all = await list('');
  expect(all.leads).toHaveLength(120);
  expect(all.total).toBeUndefined();

  // Search: name words (all must match), company, email, digits of a number in any notation.
  expect((await list('q=alvarez&limit=500')).total).toBe(60);
  expect((await list('q=lead%20007%20brandt&limit=500')).leads.map((l) => l.name)).toEqual([
    'Lead 007 Brandt',
  ]);
  expect((await list('q=ACME&limit=500')).total).toBe(40);
  expect((await list('q=lead42%40assign&limit=500')).leads.map((l) => l.name)).toEqual(['Lead 042 Alvarez']);
  for (const typed of ['(312) 555-3042', '5553042', '+13125553042']) {
    expect((await list(`q=${encodeURIComponent(typed)}&limit=500`)).leads.map((l) => l.phone)).toEqual([
      '+13125553042',
    ]);
  }
  // `%` and `_` are taken literally, not as patterns.
  expect((await list('q=50%25off&limit=500')).total).toBe(0);
  expect((await list('q=_&limit=500')).total).toBe(0);
  // Filters: owner (email or id), status, and both with a search.
  expect((await list('owner=ana@assign-a.example&limit=500')).total).toBe(60);
  expect((await list(`owner=${bo.userId}&status=working&limit=500`)).total).toBe(12);
  expect((await list('status=working&q=globex&limit=500')).total).toBe(16);
  refused(await asManager('GET', '/leads?status=sleeping'), 400, 'invalid_input');
  refused(await asManager('GET', '/leads?limit=100000'), 400, 'invalid_input');
  refused(await asManager('GET', '/leads?owner=ana@assign-a.example&unassigned=true'), 400, 'invalid_input');
  refused(await asManager('GET', '/leads?owner=nobody@assign-a.example'), 404, 'not_found');

  // Bulk reassignment: three of Ana's leads to Bo, in one request; then the lists agree.
  const anas = (await list('owner=ana@assign-a.example&limit=3')).leads.map((l) => l.leadId);
  const moved = BulkAssignOutput.parse(
    (await asManager('POST', '/leads/assign', { leadIds: anas, to: 'bo@assign-a.example' })).body,
  );
  expect(moved.assigned).toEqual(anas.map((leadId) => ({ leadId, from: ana.userId, to: bo.userId })));
  expect((await list('owner=bo@assign-a.example&limit=1')).total).toBe(63);
  // Unassigning two of them: the unassigned filter finds exactly those.
  const released = anas.slice(0, 2);
  expect((await asManager('POST', '/leads/assign', { leadIds: released, to: null })).status).toBe(200);
  expect((await list('unassigned=true&limit=500')).leads.map((l) => l.leadId)).toEqual(released);
  // A bulk naming a lead the team does not hold moves none of them.
  const stranger = '0190b5a0-0000-7000-8000-000000000001';
  refused(
    await asManager('POST', '/leads/assign', { leadIds: [anas[2], stranger], to: 'ana@assign-a.example' }),
    404,
    'not_found',
  );
  expect((await list('owner=bo@assign-a.example&limit=1')).total).toBe(61);
  refused(
    await asManager('POST', '/leads/assign', { leadIds: [anas[2], anas[2]], to: null }),
    400,
    'invalid_input',
  );
  refused(await asManager('POST', '/leads/assign', { leadIds: [], to: null }), 400, 'invalid_input');
  refused(
    await asManager('POST', '/leads/assign', { leadIds: [anas[2]], to: 'nobody@assign-a.example' }),
    404,
    'not_found',
  );

  // Rotation: both reps in by default, with their shifts (Ana and Bo on shift now).
  for (const rep of [ana, bo]) {
    const set = await asManager('POST', '/shifts', {
      email: rep.email,
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      from: utcClock(-2),
      to: utcClock(2),
      timeZone: 'UTC',
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
  }
  const rotation = async () => TeamRotationOutput.parse((await asManager('GET', '/rotation')).body);
  const before = await rotation();
  expect(before.members.map((m) => [m.email, m.inRotation, m.shift?.onShift])).toEqual(
    [ana, bo].sort((a, b) => (a.userId < b.userId ? -1 : 1)).map((rep) => [rep.email, true, true]),
  );
  expect(before.onShiftNow).toBe(2);

  // Bo out: every inbound lead goes to Ana though Bo is on shift.
  const out = await asManager('PUT', `/rotation/${bo.userId}`, { inRotation: false });
  expect(RotationMember.parse(out.body)).toMatchObject({ userId: bo.userId, inRotation: false });
  expect((await rotation()).onShiftNow).toBe(1);
  const inbound = async (i: number) => {
    const signed = await signedPost(url, teamA.teamId, teamA.inboundSecret, {
      name: `Inbound ${i}`,
      email: `inbound${i}@assign.example`,
    });
    const answer = await signed.send();
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return InboundLeadOutput.parse(answer.body);
  };
  const owners = [];
  for (let i = 0; i < 4; i++) owners.push((await inbound(i)).ownerId);
  expect(owners).toEqual([ana.userId, ana.userId, ana.userId, ana.userId]);
  // A round-robin import skips Bo too.
  const second = ImportLeadsOutput.parse(
    (
      await asManager('POST', '/leads/import', {
        leads: Array.from({ length: 4 }, (_, i) => importLead(200 + i, 'Initech')),
        assign: { mode: 'round-robin', offset: 0 },
      })
    ).body,
  );
  expect(second.assigned).toEqual({ [ana.userId]: 4 });

  // Nobody in rotation: inbound leads wait unassigned (as with no shifts), an import says why it cannot.
  expect((await asManager('PUT', '/rotation/ana@assign-a.example', { inRotation: false })).status).toBe(200);
  expect((await rotation()).onShiftNow).toBe(0);
  expect(await inbound(10)).toMatchObject({ ownerId: null, routed: 'unassigned' });
  const none = await asManager('POST', '/leads/import', {
    leads: [importLead(300, 'Hooli')],
    assign: { mode: 'round-robin', offset: 0 },
  });
  refused(none, 400, 'invalid_input');
  expect((none.body as { error: { message: string } }).error.message).toContain(
    'out of round-robin rotation',
  );
  // Back in: Bo takes leads again.
  expect((await asManager('PUT', `/rotation/${bo.userId}`, { inRotation: true })).status).toBe(200);
  expect((await inbound(11)).ownerId).toBe(bo.userId);
  refused(await asManager('PUT', `/rotation/${ae.userId}`, { inRotation: false }), 400, 'invalid_input');
  refused(await asManager('PUT', `/rotation/${bo.userId}`, { inRotation: 'no' }), 400, 'invalid_input');
  refused(
    await asManager('PUT', '/rotation/nobody@assign-a.example', { inRotation: true }),
    404,
    'not_found',
  );

  // Removing Bo's shift: he stays in rotation without a shift; Ana's shift stays.
  const removed = await asManager('DELETE', `/shifts/${bo.userId}`);
  expect(RemoveShiftOutput.parse(removed.body)).toEqual({ userId: bo.userId, removed: true });
  const shifts = TeamShiftsOutput.parse((await asManager('GET', '/shifts')).body).shifts;
  expect(shifts.map((s) => s.email)).toEqual(['ana@assign-a.example']);
  expect((await rotation()).members.find((m) => m.userId === bo.userId)?.shift).toBeNull();
  refused(await asManager('DELETE', `/shifts/${bo.userId}`), 404, 'not_found');
  refused(await asManager('DELETE', '/shifts/nobody@assign-a.example'), 404, 'not_found');

  // Access, request by request: a rep, an AE, another team's manager (token), and no token.
  const someLead = anas[2] as string;
  const newRoutes: [string, string, unknown?][] = [
    ['GET', '/leads?limit=10'],
    ['POST', '/leads/assign', { leadIds: [someLead], to: null }],
    ['POST', `/leads/${someLead}/assign`, { to: null }],
    ['GET', '/rotation'],
    ['PUT', `/rotation/${ana.userId}`, { inRotation: true }],
    ['DELETE', `/shifts/${ana.userId}`],
    ['GET', '/shifts'],
    ['GET', '/users'],
    ['POST', '/console/invitations', { email: 'new@assign-a.example', role: 'rep' }],
    ['POST', '/console/password-resets', { email: 'ana@assign-a.example' }],
    ['POST', `/users/${ana.userId}/remove`, { reassignTo: null }],
  ];
  for (const [method, path, body] of newRoutes) {
    for (const caller of [ana, ae, managerB]) {
      const answer = await request(url, method, `${base}${path}`, caller.token, body);
      refused(answer, 403, 'forbidden');
    }
    refused(await request(url, method, `${base}${path}`, undefined, body), 401, 'unauthorized');
  }
  // The same refusals for console sessions (cookie), and a change without the CSRF token.
  for (const caller of [ana, ae, managerB]) {
    const browser = newBrowser();
    expect(
      (await consoleCall(url, 'POST', '/v1/console/sign-in', browser, { body: { token: caller.token } }))
        .status,
    ).toBe(200);
    for (const [method, path, body] of newRoutes) {
      const answer = await consoleCall(url, method, `${base}${path}`, browser, { body });
      expect([answer.status, codeOf(answer)], `${caller.email} ${method} ${path}`).toEqual([
        403,
        'forbidden',
      ]);
    }
  }
  const managerBrowser = newBrowser();
  await consoleCall(url, 'POST', '/v1/console/sign-in', managerBrowser, { body: { token: manager.token } });
  const noCsrf = await consoleCall(url, 'PUT', `${base}/rotation/${ana.userId}`, managerBrowser, {
    body: { inRotation: true },
    csrf: false,
  });
  expect([noCsrf.status, codeOf(noCsrf)]).toEqual([403, 'console_csrf_invalid']);
  const withCsrf = await consoleCall(url, 'PUT', `${base}/rotation/${ana.userId}`, managerBrowser, {
    body: { inRotation: true },
  });
  expect(withCsrf.status, JSON.stringify(withCsrf.body)).toBe(200);
  // Everything the refusals tried left the team as it was: Ana's shift and leads are hers.
  expect(TeamShiftsOutput.parse((await asManager('GET', '/shifts')).body).shifts).toHaveLength(1);
  expect((await list('owner=ana@assign-a.example&limit=1')).total).toBe(57 + 4 + 4);
};
