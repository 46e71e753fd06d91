import { AddUserOutput, CreateTeamOutput, MeOutput, TeamUsersOutput } from '@shared/server/admin';
import { expect } from 'vitest';
import { request } from './server-process';

const created = async (url: string, token: string, name: string) => {
  const answer = await request(url, 'POST', '/v1/teams', token, { name });
  expect(answer.status).toBe(201);
  return CreateTeamOutput.parse(answer.body);
};

const addUser = async (url: string, token: string, teamId: string, email: string, role: string) => {
  const answer = await request(url, 'POST', `/v1/teams/${teamId}/users`, token, { email, role });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return AddUserOutput.parse(answer.body);
};

const expectError = (answer: { status: number; body: unknown }, status: number, code: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({ error: { code, message: expect.any(String) } });
};

/**
 * Who may do what on a running server: a team's token never reaches another team, a rep never
 * reaches admin routes, and unknown, missing or revoked tokens are 401 while known callers without
 * the right are 403.
 */
export const checkAuthorization = async (url: string, adminToken: string): Promise<void> => {
  const teamA = await created(url, adminToken, 'Team A');
  const teamB = await created(url, adminToken, 'Team B');
  const managerA = await addUser(url, adminToken, teamA.teamId, 'Manager@A.example', 'manager');
  const repA = await addUser(url, adminToken, teamA.teamId, 'rep@a.example', 'rep');
  const repB = await addUser(url, adminToken, teamB.teamId, 'rep@b.example', 'rep');

  // Who am I: the token's user, team and role; the email as stored (lower case).
  const me = await request(url, 'GET', '/v1/me', repA.token);
  expect(MeOutput.parse(me.body)).toEqual({
    kind: 'user',
    userId: repA.userId,
    teamId: teamA.teamId,
    teamName: 'Team A',
    email: 'rep@a.example',
    role: 'rep',
  });
  expect((await request(url, 'GET', '/v1/me', adminToken)).body).toEqual({ kind: 'admin' });

  // A manager runs their own team: adds a user and lists the team.
  const aeA = await addUser(url, managerA.token, teamA.teamId, 'ae@a.example', 'ae');
  const listed = TeamUsersOutput.parse(
    (await request(url, 'GET', `/v1/teams/${teamA.teamId}/users`, managerA.token)).body,
  );
  expect(listed.users.map((u) => [u.email, u.role])).toEqual([
    ['manager@a.example', 'manager'],
    ['rep@a.example', 'rep'],
    ['ae@a.example', 'ae'],
  ]);
  expect(listed.users.map((u) => u.userId)).toContain(aeA.userId);

  // …but never another team's.
  expectError(await request(url, 'GET', `/v1/teams/${teamB.teamId}/users`, managerA.token), 403, 'forbidden');
  expectError(
    await request(url, 'POST', `/v1/teams/${teamB.teamId}/users`, managerA.token, {
      email: 'x@b.example',
      role: 'manager',
    }),
    403,
    'forbidden',
  );
  const teamBUsers = TeamUsersOutput.parse(
    (await request(url, 'GET', `/v1/teams/${teamB.teamId}/users`, adminToken)).body,
  );
  expect(teamBUsers.users.map((u) => u.email)).toEqual(['rep@b.example']);

  // A rep (of either team) reaches no admin or manager route.
  expectError(await request(url, 'POST', '/v1/teams', repA.token, { name: 'Mine' }), 403, 'forbidden');
  expectError(await request(url, 'GET', `/v1/teams/${teamA.teamId}/users`, repA.token), 403, 'forbidden');
  expectError(
    await request(url, 'POST', `/v1/teams/${teamA.teamId}/users`, repB.token, {
      email: 'y@a.example',
      role: 'rep',
    }),
    403,
    'forbidden',
  );
  // A manager is not the administrator.
  expectError(await request(url, 'POST', '/v1/teams', managerA.token, { name: 'Another' }), 403, 'forbidden');

  // No token, a malformed header, an unknown token: 401.
  expectError(await request(url, 'GET', '/v1/me'), 401, 'unauthorized');
  expectError(await request(url, 'POST', '/v1/teams', undefined, { name: 'X' }), 401, 'unauthorized');
  expectError(await request(url, 'GET', '/v1/me', `${repA.token.slice(0, -2)}xx`), 401, 'unauthorized');

  // Signing out revokes the token for good; the user's other callers are unaffected.
  expect((await request(url, 'GET', '/v1/me', repB.token)).status).toBe(200);
  expect((await request(url, 'DELETE', '/v1/me/token', repB.token)).status).toBe(204);
  expectError(await request(url, 'GET', '/v1/me', repB.token), 401, 'unauthorized');
  expect((await request(url, 'GET', '/v1/me', repA.token)).status).toBe(200);

  // Bad input: clear 400s and 409s with stable codes.
  expectError(await request(url, 'POST', '/v1/teams', adminToken, { name: '  ' }), 400, 'invalid_input');
  expectError(
    await request(url, 'POST', `/v1/teams/${teamA.teamId}/users`, adminToken, {
      email: 'REP@a.example',
      role: 'rep',
    }),
    409,
    'user_email_taken',
  );
  expectError(
    await request(url, 'POST', `/v1/teams/${teamA.teamId}/users`, adminToken, {
      email: 'z@a.example',
      role: 'boss',
    }),
    400,
    'invalid_input',
  );
  expectError(await request(url, 'GET', '/v1/teams/not-a-uuid/users', adminToken), 400, 'invalid_input');
  expectError(
    await request(url, 'POST', '/v1/teams/01900000-0000-7000-8000-000000000000/users', adminToken, {
      email: 'z@a.example',
      role: 'rep',
    }),
    404,
    'not_found',
  );
  expectError(await request(url, 'GET', '/v1/nothing-here', adminToken), 404, 'not_found');
};
