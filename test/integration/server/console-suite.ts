import { AddUserOutput, CreateTeamOutput, MeOutput } from '@shared/server/admin';
import { ConsoleLinkOutput, ConsoleSessionsOutput } from '@shared/server/console';
import { expect } from 'vitest';
import { type ConsoleBrowser, codeOf, consoleCall, newBrowser } from './console-client';
import { request, runCli } from './server-process';

/** The sign-in and link routes' limit per minute and address the suite's server runs with. */
export const CONSOLE_SUITE_ROUTE_LIMIT = 15;

const cli = async (args: string[]) => {
  const run = await runCli(['--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as unknown;
};

const secretOf = (link: string): string => link.split('/').at(-1) ?? '';

/** Signs `browser` in with `credentials`; returns the answer. */
const signIn = (url: string, browser: ConsoleBrowser, credentials: Record<string, string>) =>
  consoleCall(url, 'POST', '/v1/console/sign-in', browser, { body: credentials });

/** The first bytes of the live event stream opened with `browser`'s cookie. */
const firstEvents = async (
  url: string,
  browser: ConsoleBrowser,
): Promise<{ status: number; text: string }> => {
  const abort = new AbortController();
  const response = await fetch(new URL('/v1/events', url), {
    headers: { cookie: `dialdeck_console=${browser.cookie}` },
    signal: abort.signal,
  });
  if (response.status !== 200) return { status: response.status, text: await response.text() };
  const reader = response.body?.getReader();
  const chunk = await reader?.read();
  abort.abort();
  return { status: 200, text: new TextDecoder().decode(chunk?.value) };
};

/**
 * The console's front door and sessions against a running server (test routes on, the sign-in limit
 * `CONSOLE_SUITE_ROUTE_LIMIT`): the page is served with its CSP and cache headers and falls back to
 * itself; an invitation link (from the CLI) sets a password once; sign-in by password or token gives
 * an httpOnly SameSite=Strict cookie that resolves to the same principal as the token; a change
 * without the CSRF token is refused; sign-out, a manager's revocation and an expired or reused link
 * each end what they should; request by request, a rep's or AE's session opens neither a manager's
 * routes nor another team's; wrong sign-ins are rate-limited.
 */
export const checkConsoleSessions = async (url: string, adminToken: string): Promise<void> => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const a = await team('Console A');
  const b = await team('Console B');
  const managerA = await user(a.teamId, 'manager@console-a.example', 'manager');
  const repA = await user(a.teamId, 'rep@console-a.example', 'rep');
  const aeB = await user(b.teamId, 'ae@console-b.example', 'ae');
  const managerB = await user(b.teamId, 'manager@console-b.example', 'manager');

  // The page: its own CSP, no-cache for the page, immutable hashed assets, the page for its own routes.
  const page = await consoleCall(url, 'GET', '/console/', newBrowser());
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  const deep = await consoleCall(url, 'GET', '/console/inbox', newBrowser());
  expect(deep.status).toBe(200);
  expect(deep.body).toBe(page.body);
  const bare = await consoleCall(url, 'GET', '/console', newBrowser());
  expect(bare.status).toBe(308);
  expect(bare.headers.get('location')).toBe('/console/');
  const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(String(page.body))?.[1];
  expect(script).toBeDefined();
  const asset = await fetch(new URL(script ?? '', url));
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect((await consoleCall(url, 'GET', '/console/assets/missing-0000.js', newBrowser())).status).toBe(404);
  expect((await consoleCall(url, 'GET', '/console/..%2f..%2fpackage.json', newBrowser())).body).toBe(
    page.body,
  );

  // An invitation from the CLI (a manager's token): a link on this server's console.
  const invite = ConsoleLinkOutput.parse(
    await cli([
      'admin',
      'invite',
      'ae@console-a.example',
      '--team',
      a.teamId,
      '--role',
      'ae',
      '--server',
      url,
      '--token',
      managerA.token,
    ]),
  );
  expect(invite).toMatchObject({ email: 'ae@console-a.example', kind: 'invite' });
  expect(invite.link.startsWith(`${url}/console/link/`)).toBe(true);
  const inviteSecret = secretOf(invite.link);
  const ae = newBrowser();
  const info = await consoleCall(url, 'GET', `/v1/console/links/${inviteSecret}`, ae);
  expect(info.body).toMatchObject({ kind: 'invite', email: 'ae@console-a.example', teamName: 'Console A' });
  const short = await consoleCall(url, 'POST', `/v1/console/links/${inviteSecret}`, ae, {
    body: { password: 'short' },
  });
  expect([short.status, codeOf(short)]).toEqual([400, 'invalid_input']);
  expect(ae.cookie).toBeNull();
  const set = await consoleCall(url, 'POST', `/v1/console/links/${inviteSecret}`, ae, {
    body: { password: 'correct horse battery' },
  });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({
    me: { kind: 'user', email: 'ae@console-a.example', role: 'ae', teamId: a.teamId },
  });
  const cookie = set.setCookie.find((header) => header.startsWith('dialdeck_console=')) ?? '';
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  expect(cookie).toMatch(/Path=\//);
  expect(cookie).not.toMatch(/Secure/i);
  const reused = await consoleCall(url, 'POST', `/v1/console/links/${inviteSecret}`, newBrowser(), {
    body: { password: 'another good password' },
  });
  expect([reused.status, codeOf(reused)]).toEqual([410, 'console_link_used']);
  const unknownLink = await consoleCall(url, 'GET', `/v1/console/links/${'x'.repeat(43)}`, newBrowser());
  expect([unknownLink.status, codeOf(unknownLink)]).toEqual([404, 'not_found']);

  // The session is the same principal as a token; the event stream takes the cookie too.
  const me = MeOutput.parse((await consoleCall(url, 'GET', '/v1/me', ae)).body);
  expect(me).toMatchObject({ kind: 'user', email: 'ae@console-a.example', role: 'ae', teamId: a.teamId });
  const stream = await firstEvents(url, ae);
  expect(stream.status).toBe(200);
  expect(stream.text).toContain('event: ready');
  expect(stream.text).toContain(a.teamId);

  // CSRF: a change without the token is refused and changes nothing; with it, sign-out works.
  const forged = await consoleCall(url, 'DELETE', '/v1/console/session', ae, { csrf: false });
  expect([forged.status, codeOf(forged)]).toEqual([403, 'console_csrf_invalid']);
  const wrongToken = await consoleCall(url, 'DELETE', '/v1/console/session', { ...ae, csrf: 'x'.repeat(43) });
  expect(codeOf(wrongToken)).toBe('console_csrf_invalid');
  const forgedDecision = await consoleCall(url, 'POST', `/v1/handoffs/${a.teamId}/accept`, ae, {
    body: {},
    csrf: false,
  });
  expect(codeOf(forgedDecision)).toBe('console_csrf_invalid');
  expect((await consoleCall(url, 'GET', '/v1/me', ae)).status).toBe(200);
  const signedOutCookie = ae.cookie;
  expect((await consoleCall(url, 'DELETE', '/v1/console/session', ae)).status).toBe(204);
  const after = await consoleCall(url, 'GET', '/v1/me', { cookie: signedOutCookie, csrf: null });
  expect([after.status, codeOf(after)]).toEqual([401, 'console_session_ended']);

  // Sign-in: a wrong password and an unknown email answer alike; the right one signs in.
  const wrong = await signIn(url, newBrowser(), {
    email: 'ae@console-a.example',
    password: 'not the password',
  });
  expect([wrong.status, codeOf(wrong)]).toEqual([401, 'console_sign_in_failed']);
  const nobody = await signIn(url, newBrowser(), {
    email: 'nobody@console-a.example',
    password: 'not the password',
  });
  expect([nobody.status, codeOf(nobody)]).toEqual([401, 'console_sign_in_failed']);
  const aeSession = newBrowser();
  expect(
    (await signIn(url, aeSession, { email: 'AE@console-a.example', password: 'correct horse battery' }))
      .status,
  ).toBe(200);
  const admin = await signIn(url, newBrowser(), { token: adminToken });
  expect([admin.status, codeOf(admin)]).toEqual([403, 'forbidden']);

  // Request by request: a rep's and an AE's session open no manager's route and no other team's data.
  const rep = newBrowser();
  expect((await signIn(url, rep, { token: repA.token })).status).toBe(200);
  const otherTeamAe = newBrowser();
  expect((await signIn(url, otherTeamAe, { token: aeB.token })).status).toBe(200);
  const refused: [ConsoleBrowser, string, string][] = [
    [rep, 'GET', `/v1/teams/${a.teamId}/console/sessions`],
    [rep, 'GET', `/v1/teams/${a.teamId}/users`],
    [rep, 'POST', `/v1/teams/${a.teamId}/console/password-resets`],
    [rep, 'POST', `/v1/teams/${a.teamId}/console/invitations`],
    [rep, 'GET', '/v1/console/ae/record'],
    [aeSession, 'GET', `/v1/teams/${a.teamId}/console/sessions`],
    [aeSession, 'GET', `/v1/teams/${a.teamId}/users`],
    [aeSession, 'POST', `/v1/teams/${a.teamId}/console/password-resets`],
    [aeSession, 'GET', `/v1/teams/${b.teamId}/console/sessions`],
    [aeSession, 'GET', `/v1/teams/${b.teamId}/activities`],
    [otherTeamAe, 'GET', `/v1/teams/${a.teamId}/console/sessions`],
    [otherTeamAe, 'GET', `/v1/teams/${a.teamId}/activities`],
  ];
  for (const [browser, method, path] of refused) {
    const answer = await consoleCall(
      url,
      method,
      path,
      browser,
      method === 'POST' ? { body: { email: 'rep@console-a.example', role: 'rep' } } : {},
    );
    expect([path, answer.status, codeOf(answer)]).toEqual([path, 403, 'forbidden']);
  }
  const recordA = await consoleCall(url, 'GET', '/v1/console/ae/record', aeSession);
  expect(recordA.body).toMatchObject({
    open: 0,
    accepted: 0,
    rejected: 0,
    missesThisMonth: 0,
    outUntil: null,
  });
  const foreignHistory = await consoleCall(url, 'GET', `/v1/console/handoffs/${b.teamId}/history`, aeSession);
  expect([foreignHistory.status, codeOf(foreignHistory)]).toEqual([404, 'not_found']);
  expect((await consoleCall(url, 'GET', '/v1/handoffs', aeSession)).body).toEqual({ handoffs: [] });

  // The manager (signed in with their token) sees the team's sessions only and revokes the AE's.
  const manager = newBrowser();
  expect((await signIn(url, manager, { token: managerA.token })).status).toBe(200);
  const listed = ConsoleSessionsOutput.parse(
    (await consoleCall(url, 'GET', `/v1/teams/${a.teamId}/console/sessions`, manager)).body,
  ).sessions;
  expect(listed.map((s) => s.email).sort()).toEqual([
    'ae@console-a.example',
    'manager@console-a.example',
    'rep@console-a.example',
  ]);
  expect(listed.find((s) => s.current)?.email).toBe('manager@console-a.example');
  const aeRow = listed.find((s) => s.email === 'ae@console-a.example');
  expect(aeRow?.method).toBe('password');
  const managerBBrowser = newBrowser();
  expect((await signIn(url, managerBBrowser, { token: managerB.token })).status).toBe(200);
  const crossRevoke = await consoleCall(
    url,
    'DELETE',
    `/v1/teams/${b.teamId}/console/sessions/${aeRow?.id}`,
    managerBBrowser,
  );
  expect([crossRevoke.status, codeOf(crossRevoke)]).toEqual([404, 'not_found']);
  expect((await consoleCall(url, 'GET', '/v1/me', aeSession)).status).toBe(200);
  const revoke = await consoleCall(
    url,
    'DELETE',
    `/v1/teams/${a.teamId}/console/sessions/${aeRow?.id}`,
    manager,
    { csrf: false },
  );
  expect(codeOf(revoke)).toBe('console_csrf_invalid');
  expect(
    (await consoleCall(url, 'DELETE', `/v1/teams/${a.teamId}/console/sessions/${aeRow?.id}`, manager)).status,
  ).toBe(204);
  const revoked = await consoleCall(url, 'GET', '/v1/console/ae/record', aeSession);
  expect([revoked.status, codeOf(revoked)]).toEqual([401, 'console_session_ended']);

  // A reset link (CLI, a manager's token) works once; the old password stops working.
  const reset = ConsoleLinkOutput.parse(
    await cli([
      'admin',
      'password-reset',
      'ae@console-a.example',
      '--team',
      a.teamId,
      '--server',
      url,
      '--token',
      managerA.token,
    ]),
  );
  expect(reset.kind).toBe('reset');
  expect(reset.expiresAt - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
  const resetBrowser = newBrowser();
  const used = await consoleCall(url, 'POST', `/v1/console/links/${secretOf(reset.link)}`, resetBrowser, {
    body: { password: 'a brand new passphrase' },
  });
  expect(used.status).toBe(200);
  const again = await consoleCall(url, 'POST', `/v1/console/links/${secretOf(reset.link)}`, newBrowser(), {
    body: { password: 'a third passphrase here' },
  });
  expect([again.status, codeOf(again)]).toEqual([410, 'console_link_used']);
  const old = await signIn(url, newBrowser(), {
    email: 'ae@console-a.example',
    password: 'correct horse battery',
  });
  expect(codeOf(old)).toBe('console_sign_in_failed');
  expect(
    (await signIn(url, newBrowser(), { email: 'ae@console-a.example', password: 'a brand new passphrase' }))
      .status,
  ).toBe(200);

  // A reset link from the console (the manager's session) expires after an hour; a newer one replaces it.
  const fromConsole = await consoleCall(
    url,
    'POST',
    `/v1/teams/${a.teamId}/console/password-resets`,
    manager,
    {
      body: { email: 'rep@console-a.example' },
    },
  );
  expect(fromConsole.status).toBe(201);
  const expiring = ConsoleLinkOutput.parse(fromConsole.body);
  await request(url, 'POST', '/v1/test/clock', undefined, { offsetMs: 61 * 60 * 1000 });
  try {
    const expired = await consoleCall(
      url,
      'POST',
      `/v1/console/links/${secretOf(expiring.link)}`,
      newBrowser(),
      {
        body: { password: 'too late for this one' },
      },
    );
    expect([expired.status, codeOf(expired)]).toEqual([410, 'console_link_expired']);
  } finally {
    await request(url, 'POST', '/v1/test/clock', undefined, { offsetMs: 0 });
  }
  const first = ConsoleLinkOutput.parse(
    (
      await consoleCall(url, 'POST', `/v1/teams/${a.teamId}/console/password-resets`, manager, {
        body: { email: 'rep@console-a.example' },
      })
    ).body,
  );
  await consoleCall(url, 'POST', `/v1/teams/${a.teamId}/console/password-resets`, manager, {
    body: { email: 'rep@console-a.example' },
  });
  const replaced = await consoleCall(url, 'GET', `/v1/console/links/${secretOf(first.link)}`, newBrowser());
  expect(codeOf(replaced)).toBe('console_link_used');

  // Inviting an existing user with another role is refused; a manager of another team cannot invite here.
  const clash = await runCli([
    '--json',
    'admin',
    'invite',
    'rep@console-a.example',
    '--team',
    a.teamId,
    '--role',
    'manager',
    '--server',
    url,
    '--token',
    managerA.token,
  ]);
  expect(clash.code).not.toBe(0);
  const clashError = JSON.parse(clash.stderr).error as { code: string; message: string; details: unknown };
  expect(clashError.code).toBe('conflict');
  // The command line is told the flag to type; the server's own words name none.
  expect(clashError.message).toContain('already as a rep');
  expect(clashError.message).toContain('--role rep');
  expect(clashError.details).toMatchObject({ role: 'rep', requestedRole: 'manager' });
  const consoleClash = await consoleCall(url, 'POST', `/v1/teams/${a.teamId}/console/invitations`, manager, {
    body: { email: 'rep@console-a.example', role: 'ae' },
  });
  expect([consoleClash.status, codeOf(consoleClash)]).toEqual([409, 'conflict']);
  const consoleClashError = (consoleClash.body as { error: { message: string; details: unknown } }).error;
  expect(consoleClashError.message).toContain('rep@console-a.example is on this team already as a rep');
  expect(consoleClashError.message).not.toContain('--');
  expect(consoleClashError.details).toEqual({
    email: 'rep@console-a.example',
    role: 'rep',
    requestedRole: 'ae',
  });
  const foreign = await runCli([
    '--json',
    'admin',
    'invite',
    'x@console-a.example',
    '--team',
    a.teamId,
    '--server',
    url,
    '--token',
    managerB.token,
  ]);
  expect(foreign.stderr).toContain('forbidden');

  // Wrong sign-ins from one address are cut off by the rate limit (429 rate_limited).
  const codes: string[] = [];
  for (let attempt = 0; attempt < CONSOLE_SUITE_ROUTE_LIMIT + 1; attempt += 1) {
    codes.push(
      codeOf(
        await signIn(url, newBrowser(), { email: 'ae@console-a.example', password: `guess ${attempt}` }),
      ) ?? '',
    );
  }
  expect(codes).toContain('rate_limited');
  expect(
    codes.slice(0, codes.indexOf('rate_limited')).every((code) => code === 'console_sign_in_failed'),
  ).toBe(true);
};
