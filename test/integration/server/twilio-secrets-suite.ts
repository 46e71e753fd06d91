import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { TwilioSettingsOutput, TwilioTokenOutput } from '@shared/server/twilio';
import pg from 'pg';
import twilio from 'twilio';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { request, runCli, startServerProcess, stopServer, tempDir } from './server-process';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const PUBLIC_BASE = 'https://dialer.example.com';

/** A fresh server key as `DIALDECK_SECRET_KEY` takes it. */
export const newSecretKey = (): string => randomBytes(32).toString('base64');

const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const run = await runCli(['--json', ...args], env);
  const err = run.stderr.trim().split('\n').at(-1) ?? '';
  return {
    code: run.code,
    stdout: run.stdout,
    json: run.stdout.trim() ? (JSON.parse(run.stdout) as unknown) : null,
    error: err.startsWith('{')
      ? (JSON.parse(err) as { error: { code: string; message: string } }).error
      : null,
  };
};

type Member = { userId: string; token: string };

/** A rep's access token from `url`; checks its signature against `apiKeySecret` when it is issued. */
const mint = async (url: string, rep: Member, apiKeySecret: string) => {
  const answer = await request(url, 'POST', '/v1/twilio/token', rep.token);
  if (answer.status !== 200) return answer;
  const { token } = TwilioTokenOutput.parse(answer.body);
  const [head = '', payload = '', signature = ''] = token.split('.');
  expect(createHmac('sha256', apiKeySecret).update(`${head}.${payload}`).digest('base64url')).toBe(signature);
  return answer;
};

/**
 * The voice webhook for `rep`, signed with `authToken` the way Twilio signs it: a lead the rep does
 * not own, so a request whose signature the server accepts ends `forbidden`, one it refuses
 * `twilio_signature_invalid`. Returns the error code.
 */
const voiceWebhook = async (url: string, rep: Member, accountSid: string, authToken: string) => {
  const params = {
    AccountSid: accountSid,
    CallSid: `CA${hex(16)}`,
    From: `client:${rep.userId}`,
    LeadId: uuidv7(),
  };
  const response = await fetch(new URL('/v1/twilio/voice', url), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(
        authToken,
        `${PUBLIC_BASE}/v1/twilio/voice`,
        params,
      ),
    },
    body: new URLSearchParams(params).toString(),
  });
  return ((await response.json()) as { error?: { code: string } }).error?.code;
};

/** Where the server under test keeps its key: a key file in its data folder, or `DIALDECK_SECRET_KEY`. */
export type KeyAt = { file: string } | { env: string };

/**
 * Twilio secrets at rest, on the running server `url` over `databaseUrl` whose key is `keyAt`: a
 * manager's set-up stores both secrets encrypted (no plain text in the database; the key file made
 * 0600), and the server still signs access tokens and checks webhook signatures with them; a row
 * written before encryption is read as it is and encrypted on the next set-up; a secret copied to
 * another team does not decrypt there; a second server process over the same database with another
 * key, or with none, answers `secret_key_mismatch` (503) and says what to do, and a manager giving
 * both secrets again through it replaces them; a malformed `DIALDECK_SECRET_KEY` stops the server at
 * start with that code.
 */
export const checkTwilioSecrets = async (
  url: string,
  adminToken: string,
  databaseUrl: string,
  keyAt: KeyAt,
): Promise<void> => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string): Promise<Member> =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const a = await team('Secrets A');
  const b = await team('Secrets B');
  const managerA = await user(a.teamId, 'manager@sec-a.example', 'manager');
  const repA = await user(a.teamId, 'rep@sec-a.example', 'rep');
  const managerB = await user(b.teamId, 'manager@sec-b.example', 'manager');
  const repB = await user(b.teamId, 'rep@sec-b.example', 'rep');
  const accountSid = `AC${hex(16)}`;
  const authToken = hex(16);
  const apiKeySecret = hex(16);
  const setArgs = (teamId: string, server: string, token: string, callerId = '+13125550100') => [
    'admin',
    'twilio',
    'set',
    '--team',
    teamId,
    '--account-sid',
    accountSid,
    '--api-key-sid',
    `SK${hex(16)}`,
    '--twiml-app-sid',
    `AP${hex(16)}`,
    '--caller-id',
    callerId,
    '--webhook-base-url',
    PUBLIC_BASE,
    '--server',
    server,
    '--token',
    token,
  ];
  const secrets = { DIALDECK_TWILIO_AUTH_TOKEN: authToken, DIALDECK_TWILIO_API_KEY_SECRET: apiKeySecret };
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const stored = async (teamId: string) =>
    (
      await db.query<{ auth_token: string; api_key_secret: string }>(
        'SELECT auth_token, api_key_secret FROM twilio_secrets WHERE team_id = $1',
        [teamId],
      )
    ).rows[0];
  const others: Awaited<ReturnType<typeof startServerProcess>>[] = [];
  try {
    if ('file' in keyAt) expect(existsSync(keyAt.file)).toBe(false);
    const set = await cli(setArgs(a.teamId, url, managerA.token), secrets);
    expect(set.error).toBeNull();
    expect(TwilioSettingsOutput.parse(set.json)).toMatchObject({ authTokenSet: true, apiKeySecretSet: true });
    // Stored encrypted: versioned, no plain text; the key file (when no key is given) is the owner's only.
    const sealed = await stored(a.teamId);
    expect(sealed?.auth_token).toMatch(/^enc:v1:[0-9a-f]{16}:/);
    expect(sealed?.api_key_secret).toMatch(/^enc:v1:[0-9a-f]{16}:/);
    expect(JSON.stringify(sealed)).not.toContain(authToken);
    expect(JSON.stringify(sealed)).not.toContain(apiKeySecret);
    if ('file' in keyAt) expect(statSync(keyAt.file).mode & 0o777).toBe(0o600);
    // The server still uses them: tokens signed with the API key secret, webhooks checked with the auth token.
    expect((await mint(url, repA, apiKeySecret)).status).toBe(200);
    expect(await voiceWebhook(url, repA, accountSid, authToken)).toBe('forbidden');
    expect(await voiceWebhook(url, repA, accountSid, hex(16))).toBe('twilio_signature_invalid');

    // A secret copied to another team's row does not decrypt there (it is bound to team and column).
    await db.query(
      `INSERT INTO twilio_settings (team_id, account_sid, api_key_sid, twiml_app_sid, caller_id, local_presence,
         recording, webhook_base_url, updated_at)
       SELECT $2, account_sid, api_key_sid, twiml_app_sid, caller_id, local_presence, recording, webhook_base_url,
              updated_at FROM twilio_settings WHERE team_id = $1`,
      [a.teamId, b.teamId],
    );
    await db.query(
      `INSERT INTO twilio_secrets (team_id, auth_token, api_key_secret, updated_at)
       SELECT $2, auth_token, api_key_secret, updated_at FROM twilio_secrets WHERE team_id = $1`,
      [a.teamId, b.teamId],
    );
    expect(await mint(url, repB, apiKeySecret)).toMatchObject({
      status: 503,
      body: { error: { code: 'secret_key_mismatch' } },
    });

    // A row written before encryption: read as it is, then encrypted by the next set-up (no secrets given).
    await db.query('UPDATE twilio_secrets SET auth_token = $2, api_key_secret = $3 WHERE team_id = $1', [
      b.teamId,
      authToken,
      apiKeySecret,
    ]);
    expect((await mint(url, repB, apiKeySecret)).status).toBe(200);
    expect(await voiceWebhook(url, repB, accountSid, authToken)).toBe('forbidden');
    const again = await cli(setArgs(b.teamId, url, managerB.token, '+13125550199'));
    expect(again.error).toBeNull();
    const resealed = await stored(b.teamId);
    expect(resealed?.auth_token).toMatch(/^enc:v1:/);
    expect(resealed?.api_key_secret).toMatch(/^enc:v1:/);
    expect(resealed?.auth_token.split(':')[2]).toBe(sealed?.auth_token.split(':')[2]);
    expect((await mint(url, repB, apiKeySecret)).status).toBe(200);
    expect(await voiceWebhook(url, repB, accountSid, authToken)).toBe('forbidden');

    // Another process over the same database with another key: a named error that says what to do.
    const otherKey = await startServerProcess(['--database-url', databaseUrl], {
      DIALDECK_SECRET_KEY: newSecretKey(),
      DIALDECK_SERVER_DATA_DIR: join(tempDir('dialdeck-secrets-other-'), 'server'),
    });
    others.push(otherKey);
    const wrong = await mint(otherKey.url, repA, apiKeySecret);
    expect(wrong).toMatchObject({ status: 503, body: { error: { code: 'secret_key_mismatch' } } });
    expect((wrong.body as { error: { message: string } }).error.message).toMatch(/DIALDECK_SECRET_KEY/);
    expect(await voiceWebhook(otherKey.url, repA, accountSid, authToken)).toBe('secret_key_mismatch');
    // A set-up that keeps the stored secrets cannot; one that gives both again replaces them.
    const kept = await cli(setArgs(a.teamId, otherKey.url, managerA.token));
    expect(kept.code).not.toBe(0);
    expect(kept.error?.code).toBe('secret_key_mismatch');
    expect((await stored(a.teamId))?.auth_token).toBe(sealed?.auth_token);
    expect((await cli(setArgs(a.teamId, otherKey.url, managerA.token), secrets)).error).toBeNull();
    expect((await mint(otherKey.url, repA, apiKeySecret)).status).toBe(200);
    expect(await mint(url, repA, apiKeySecret)).toMatchObject({
      status: 503,
      body: { error: { code: 'secret_key_mismatch' } },
    });

    // A process with no key at all (no variable, no key file) reads no encrypted secret.
    const noKey = await startServerProcess(['--database-url', databaseUrl], {
      DIALDECK_SECRET_KEY: '',
      DIALDECK_SERVER_DATA_DIR: join(tempDir('dialdeck-secrets-none-'), 'server'),
    });
    others.push(noKey);
    expect(await mint(noKey.url, repB, apiKeySecret)).toMatchObject({
      status: 503,
      body: { error: { code: 'secret_key_mismatch' } },
    });

    // A malformed key stops the server at start, with the code and how to make one.
    const malformed = await cli(['server', 'start', '--port', '0', '--database-url', databaseUrl], {
      DIALDECK_SECRET_KEY: 'not-a-32-byte-key',
      DATABASE_URL: '',
    });
    expect(malformed.code).not.toBe(0);
    expect(malformed.error?.code).toBe('secret_key_mismatch');
    expect(malformed.error?.message).toMatch(/openssl rand -base64 32/);
  } finally {
    for (const server of others) await stopServer(server);
    await db.end();
  }
};
