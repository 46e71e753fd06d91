import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { TwilioSettingsOutput, TwilioTokenOutput } from '@shared/server/twilio';
import pg from 'pg';
import twilio from 'twilio';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { request, runCli } from './server-process';

/*
 * Twilio's cloud cannot be reached from the test machines. These tests stand in for it: they call the
 * server's webhooks the way Twilio does (form-encoded, signed with the twilio helper library's own
 * `getExpectedTwilioSignature` over the exact public address), and a local HTTP server stands in for
 * Twilio's REST API, receiving what the helper library's own REST client sends.
 */

/** What the stand-in for Twilio's REST API received: method, path, form fields, basic-auth user. */
export type RestCall = { method: string; path: string; form: Record<string, string>; user: string };

/** A local HTTP server standing in for Twilio's REST API (api.twilio.com): answers every call 200. */
export type TwilioRestStandIn = { origin: string; calls: RestCall[]; close: () => Promise<void> };

export const startTwilioRestStandIn = async (): Promise<TwilioRestStandIn> => {
  const calls: RestCall[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        form: Object.fromEntries(new URLSearchParams(body)),
        user: auth.split(':')[0] ?? '',
      });
      const sid = /Calls\/(CA[0-9a-f]+)\.json/.exec(req.url ?? '')?.[1] ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid, status: 'in-progress' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((done) => server.close(() => done())),
  };
};

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const sid = (prefix: string) => `${prefix}${hex(16)}`;

/** The public address the team tells Twilio (no such host exists: requests go to the server directly). */
const PUBLIC_BASE = 'https://dialer.example.com';

/**
 * Posts a webhook as Twilio would: form fields, `X-Twilio-Signature` computed by the helper library
 * over `PUBLIC_BASE + path` (query included) with `authToken` — or the given `signature`.
 */
const webhook = async (
  server: string,
  path: string,
  params: Record<string, string>,
  signWith: { authToken: string; base?: string } | { signature: string | null },
): Promise<{ status: number; text: string }> => {
  const signature =
    'signature' in signWith
      ? signWith.signature
      : twilio.getExpectedTwilioSignature(
          signWith.authToken,
          `${signWith.base ?? PUBLIC_BASE}${path}`,
          params,
        );
  const response = await fetch(new URL(path, server), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, text: await response.text() };
};

/** The attributes of the first `<tag …>` in a TwiML document. */
const attributes = (twiml: string, tag: string): Record<string, string> | null => {
  const match = new RegExp(`<${tag}(\\s[^>]*)?>`).exec(twiml);
  if (!match) return null;
  return Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
};

const decodeXml = (text: string) => text.replace(/&amp;/g, '&');

const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const run = await runCli(['--json', ...args], env);
  const err = run.stderr.trim().split('\n').at(-1) ?? '';
  return {
    code: run.code,
    stdout: run.stdout,
    json: run.stdout.trim() ? (JSON.parse(run.stdout) as unknown) : null,
    error: err.startsWith('{') ? (JSON.parse(err) as { error: { code: string } }).error : null,
  };
};

/** A lead row as the server's `leads` table holds it (migration 3), written straight to the database. */
const insertLead = async (
  db: pg.Client,
  teamId: string,
  ownerId: string,
  lead: { name: string; phone: string; country: string | null; region: string | null },
): Promise<string> => {
  const id = uuidv7();
  const now = Date.now();
  await db.query(
    `INSERT INTO leads (team_id, id, owner_id, status, fields, phones_e164, created_at, updated_at, change_version)
     VALUES ($1, $2, $3, 'working', $4, $5, $6, $6, 0)`,
    [
      teamId,
      id,
      ownerId,
      JSON.stringify({
        name: lead.name,
        phones: [{ e164: lead.phone, ext: null, label: null, raw: lead.phone }],
        country: lead.country,
        region: lead.region,
      }),
      [lead.phone],
      now,
    ],
  );
  return id;
};

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

const base64urlJson = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Twilio on a running server, end to end: the manager's set-up (CLI), the rep's access token (claims
 * decoded and the signature checked), the voice webhook's TwiML (local presence, recording by the
 * consent rule, another rep's lead refused), status callbacks becoming one call activity however often
 * Twilio retries them, forged or missing signatures refused with nothing stored, and the voicemail
 * drop through the stand-in REST API. `databaseUrl` is the server's own database (leads are written
 * straight into it, as no route writes them yet); `rest` is the stand-in the server was started with.
 */
export const checkTwilio = async (
  server: string,
  adminToken: string,
  databaseUrl: string,
  rest: TwilioRestStandIn,
): Promise<void> => {
  const teamA = await created(server, adminToken, 'Twilio A');
  const teamB = await created(server, adminToken, 'Twilio B');
  const managerA = await addUser(server, adminToken, teamA.teamId, 'manager@a.example', 'manager');
  const ana = await addUser(server, adminToken, teamA.teamId, 'ana@a.example', 'rep');
  const ben = await addUser(server, adminToken, teamA.teamId, 'ben@a.example', 'rep');
  const managerB = await addUser(server, adminToken, teamB.teamId, 'manager@b.example', 'manager');
  const repB = await addUser(server, adminToken, teamB.teamId, 'rep@b.example', 'rep');

  // Before any set-up, a rep's token request says what is missing.
  const early = await request(server, 'POST', '/v1/twilio/token', ana.token);
  expect(early.status).toBe(409);
  expect(early.body).toMatchObject({ error: { code: 'twilio_not_configured' } });

  const accountSid = sid('AC');
  const apiKeySid = sid('SK');
  const apiKeySecret = hex(16);
  const authToken = hex(16);
  const twimlAppSid = sid('AP');
  const target = ['--server', server, '--token', managerA.token];
  const setArgs = [
    'admin',
    'twilio',
    'set',
    '--team',
    teamA.teamId,
    '--account-sid',
    accountSid,
    '--api-key-sid',
    apiKeySid,
    '--twiml-app-sid',
    twimlAppSid,
    '--caller-id',
    '+13125550100',
    '--local-presence',
    'US:415=+14155550100',
    '--local-presence',
    'US:212=+12125550100',
    '--recording',
    'on',
    '--webhook-base-url',
    `${PUBLIC_BASE}/`,
    ...target,
  ];

  // The first set-up without the secrets is refused and says which are missing.
  const noSecrets = await cli(setArgs);
  expect(noSecrets.code).toBe(2);
  expect(noSecrets.error?.code).toBe('invalid_input');
  // Bad input: a malformed SID, exit 2, nothing stored.
  const badSid = await cli(
    setArgs.map((arg) => (arg === accountSid ? 'AC123' : arg)),
    {
      DIALDECK_TWILIO_AUTH_TOKEN: authToken,
      DIALDECK_TWILIO_API_KEY_SECRET: apiKeySecret,
    },
  );
  expect(badSid.code).toBe(2);
  expect(badSid.error?.code).toBe('invalid_input');

  // The secrets from the environment (out of the shell history); never printed back.
  const set = await cli(setArgs, {
    DIALDECK_TWILIO_AUTH_TOKEN: authToken,
    DIALDECK_TWILIO_API_KEY_SECRET: apiKeySecret,
  });
  expect(set.error).toBeNull();
  expect(set.code).toBe(0);
  const settings = TwilioSettingsOutput.parse(set.json);
  expect(settings).toMatchObject({
    teamId: teamA.teamId,
    accountSid,
    callerId: '+13125550100',
    webhookBaseUrl: PUBLIC_BASE,
    authTokenSet: true,
    apiKeySecretSet: true,
    recording: { enabled: true, allPartyConsent: 'skip' },
  });
  expect(settings.recording.allPartyRegions).toContain('US-CA');
  expect(set.stdout).not.toContain(authToken);
  expect(set.stdout).not.toContain(apiKeySecret);
  const shown = await request(server, 'GET', `/v1/teams/${teamA.teamId}/twilio`, managerA.token);
  expect(shown.status).toBe(200);
  expect(JSON.stringify(shown.body)).not.toContain(authToken);
  expect(JSON.stringify(shown.body)).not.toContain(apiKeySecret);

  // Team boundaries and roles: nobody but team A's manager (or the administrator) touches its set-up.
  const body = {
    accountSid,
    apiKeySid,
    twimlAppSid,
    callerId: '+13125550100',
    webhookBaseUrl: 'https://attacker.example',
  };
  for (const [token, teamId] of [
    [managerB.token, teamA.teamId],
    [ana.token, teamA.teamId],
    [managerA.token, teamB.teamId],
  ] as const) {
    const refused = await request(server, 'PUT', `/v1/teams/${teamId}/twilio`, token, body);
    expect(refused.status).toBe(403);
    expect((await request(server, 'GET', `/v1/teams/${teamId}/twilio`, token)).status).toBe(403);
  }
  // Team B has no Twilio: its rep gets no token, and team A's set-up is not theirs.
  expect((await request(server, 'POST', '/v1/twilio/token', repB.token)).status).toBe(409);

  // The rep's access token: a JWT signed with the API key secret, VoiceGrant for the TwiML App, 1 h.
  const minted = await request(server, 'POST', '/v1/twilio/token', ana.token);
  expect(minted.status).toBe(200);
  const answer = TwilioTokenOutput.parse(minted.body);
  expect(answer.identity).toBe(ana.userId);
  expect(answer.ttl).toBe(3600);
  const [head = '', payload = '', signature = ''] = answer.token.split('.');
  expect(base64urlJson(head)).toMatchObject({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' });
  expect(createHmac('sha256', apiKeySecret).update(`${head}.${payload}`).digest('base64url')).toBe(signature);
  const claims = base64urlJson(payload);
  expect(claims).toMatchObject({
    iss: apiKeySid,
    sub: accountSid,
    grants: {
      identity: ana.userId,
      voice: { incoming: { allow: true }, outgoing: { application_sid: twimlAppSid } },
    },
  });
  expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  expect(Math.abs(Number(claims.iat) * 1000 - Date.now())).toBeLessThan(60_000);

  // Leads: the server's leads table, owned by Ana or Ben.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const leadNy = await insertLead(db, teamA.teamId, ana.userId, {
      name: 'Jo Park',
      phone: '+12125551234',
      country: 'US',
      region: 'NY',
    });
    const leadCa = await insertLead(db, teamA.teamId, ana.userId, {
      name: 'Sam Lee',
      phone: '+14155551234',
      country: 'US',
      region: 'CA',
    });
    const leadLondon = await insertLead(db, teamA.teamId, ana.userId, {
      name: 'Ada Moss',
      phone: '+442079460123',
      country: null,
      region: null,
    });
    const bensLead = await insertLead(db, teamA.teamId, ben.userId, {
      name: 'Bo Li',
      phone: '+12125559876',
      country: 'US',
      region: 'NY',
    });
    const callRows = async () => Number((await db.query('SELECT count(*) AS n FROM twilio_calls')).rows[0].n);
    const eventRows = async () =>
      Number((await db.query('SELECT count(*) AS n FROM twilio_call_events')).rows[0].n);

    const voiceParams = (callSid: string, leadId: string, from = ana.userId): Record<string, string> => ({
      AccountSid: accountSid,
      ApplicationSid: twimlAppSid,
      CallSid: callSid,
      CallStatus: 'ringing',
      Direction: 'inbound',
      From: `client:${from}`,
      Caller: `client:${from}`,
      LeadId: leadId,
    });
    const voice = (params: Record<string, string>, sign: Parameters<typeof webhook>[3] = { authToken }) =>
      webhook(server, '/v1/twilio/voice', params, sign);

    // New York lead (one-party consent): the 212 local-presence number, recorded on two channels.
    const nyCall = sid('CA');
    const ny = await voice(voiceParams(nyCall, leadNy));
    expect(ny.status, ny.text).toBe(200);
    expect(attributes(ny.text, 'Dial')).toEqual({
      answerOnBridge: 'true',
      callerId: '+12125550100',
      record: 'record-from-answer-dual',
      recordingStatusCallback: `${PUBLIC_BASE}/v1/twilio/recording?call=${nyCall}`,
      recordingStatusCallbackMethod: 'POST',
      recordingStatusCallbackEvent: 'completed',
    });
    const nyNumber = attributes(ny.text, 'Number');
    expect(decodeXml(nyNumber?.statusCallback ?? '')).toBe(`${PUBLIC_BASE}/v1/twilio/status?call=${nyCall}`);
    expect(nyNumber?.machineDetection).toBeUndefined(); // no recorded message yet: no AMD
    expect(ny.text).toContain('>+12125551234</Number>');

    // California lead (all-party consent) under the default rule `skip`: 415 number, not recorded.
    const ca = await voice(voiceParams(sid('CA'), leadCa));
    expect(ca.status, ca.text).toBe(200);
    expect(attributes(ca.text, 'Dial')).toEqual({ answerOnBridge: 'true', callerId: '+14155550100' });

    // A London lead: no local-presence number there, so the team's number; the UK is one-party.
    const london = await voice(voiceParams(sid('CA'), leadLondon));
    expect(attributes(london.text, 'Dial')).toMatchObject({
      answerOnBridge: 'true',
      callerId: '+13125550100',
      record: 'record-from-answer-dual',
    });

    // Ben's lead is not Ana's: refused, nothing stored.
    const before = await callRows();
    const stolen = await voice(voiceParams(sid('CA'), bensLead));
    expect(stolen.status).toBe(403);
    expect(JSON.parse(stolen.text)).toMatchObject({ error: { code: 'forbidden' } });
    expect(stolen.text).not.toContain('<Dial');
    // A number that is not the lead's is never dialled.
    const elsewhere = await voice({ ...voiceParams(sid('CA'), leadNy), To: '+19005550100' });
    expect(elsewhere.status).toBe(400);

    // Forged, missing or misaddressed signatures: 403, nothing stored.
    for (const sign of [
      { authToken: hex(16) },
      { signature: null },
      { signature: '' },
      { authToken, base: 'https://other.example.com' },
    ]) {
      const forged = await voice(voiceParams(sid('CA'), leadNy), sign);
      expect(forged.status).toBe(403);
      expect(JSON.parse(forged.text)).toMatchObject({ error: { code: 'twilio_signature_invalid' } });
    }
    // Signed right, but a field changed after signing.
    const params = voiceParams(sid('CA'), leadNy);
    const signed = twilio.getExpectedTwilioSignature(authToken, `${PUBLIC_BASE}/v1/twilio/voice`, params);
    expect((await voice({ ...params, LeadId: leadCa }, { signature: signed })).status).toBe(403);
    // Another team's rep cannot place calls through team A's Twilio.
    expect((await voice(voiceParams(sid('CA'), leadNy, repB.userId))).status).toBe(403);
    expect(await callRows()).toBe(before);

    // Status callbacks on the New York call's prospect leg, with a Twilio retry of `completed`.
    const prospectLeg = sid('CA');
    const statusPath = `/v1/twilio/status?call=${nyCall}`;
    const status = (callStatus: string, extra: Record<string, string> = {}) => ({
      AccountSid: accountSid,
      CallSid: prospectLeg,
      ParentCallSid: nyCall,
      CallStatus: callStatus,
      Direction: 'outbound-dial',
      ...extra,
    });
    for (const callStatus of ['initiated', 'ringing', 'in-progress']) {
      expect((await webhook(server, statusPath, status(callStatus), { authToken })).status).toBe(204);
    }
    const eventsBefore = await eventRows();
    // A forged `completed`, and one signed for another call's address: refused, nothing stored.
    const forgedDone = await webhook(server, statusPath, status('completed', { CallDuration: '5' }), {
      authToken: hex(16),
    });
    expect(forgedDone.status).toBe(403);
    const otherCall = `/v1/twilio/status?call=${sid('CA')}`;
    const moved = await webhook(server, statusPath, status('completed', { CallDuration: '5' }), {
      signature: twilio.getExpectedTwilioSignature(
        authToken,
        `${PUBLIC_BASE}${otherCall}`,
        status('completed', { CallDuration: '5' }),
      ),
    });
    expect(moved.status).toBe(403);
    expect(await eventRows()).toBe(eventsBefore);
    const teamActivities = async () =>
      TeamActivitiesOutput.parse(
        (await request(server, 'GET', `/v1/teams/${teamA.teamId}/activities`, managerA.token)).body,
      ).activities;
    expect(await teamActivities()).toEqual([]);

    // Twilio retries, some of them arriving at once: still one activity.
    const done = status('completed', { CallDuration: '42' });
    const deliveries = await Promise.all(
      Array.from({ length: 4 }, () => webhook(server, statusPath, done, { authToken })),
    );
    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204, 204]);
    expect((await webhook(server, statusPath, done, { authToken })).status).toBe(204);
    // The rep's own leg ends too (the TwiML App's status callback: no query, its own CallSid).
    const parentDone = {
      AccountSid: accountSid,
      CallSid: nyCall,
      CallStatus: 'completed',
      CallDuration: '47',
    };
    expect((await webhook(server, '/v1/twilio/status', parentDone, { authToken })).status).toBe(204);
    const afterCall = await teamActivities();
    expect(afterCall).toHaveLength(1);
    expect(afterCall[0]).toMatchObject({
      leadId: leadNy,
      userId: ana.userId,
      kind: 'call',
      outcome: null,
      data: {
        provider: 'twilio',
        callSid: nyCall,
        prospectCallSid: prospectLeg,
        status: 'completed',
        durationSeconds: 42,
        recorded: true,
        callerId: '+12125550100',
        to: '+12125551234',
        voicemailDropped: false,
      },
    });
    expect(afterCall[0]?.changeVersion).toBeGreaterThan(0);
    // The dual-channel recording lands: its place is kept on the call, once; a forged report is refused.
    const recordingPath = `/v1/twilio/recording?call=${nyCall}`;
    const recording = {
      AccountSid: accountSid,
      CallSid: nyCall,
      RecordingSid: sid('RE'),
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/x`,
      RecordingStatus: 'completed',
      RecordingDuration: '40',
      RecordingChannels: '2',
      RecordingSource: 'DialVerb',
    };
    const fake = { ...recording, RecordingSid: sid('RE'), RecordingUrl: 'https://attacker.example/r' };
    expect((await webhook(server, recordingPath, fake, { authToken: hex(16) })).status).toBe(403);
    expect((await webhook(server, recordingPath, recording, { authToken })).status).toBe(204);
    expect((await webhook(server, recordingPath, recording, { authToken })).status).toBe(204);
    const kept = await db.query(
      'SELECT recording_sid, recording_url, recording_duration_seconds, recording_channels FROM twilio_calls WHERE call_sid = $1',
      [nyCall],
    );
    expect(kept.rows).toEqual([
      {
        recording_sid: recording.RecordingSid,
        recording_url: recording.RecordingUrl,
        recording_duration_seconds: 40,
        recording_channels: 2,
      },
    ]);

    // Team B's manager sees none of it.
    expect(
      (await request(server, 'GET', `/v1/teams/${teamA.teamId}/activities`, managerB.token)).status,
    ).toBe(403);

    // A busy prospect: one call activity with outcome busy.
    const busyCall = sid('CA');
    await voice(voiceParams(busyCall, leadCa));
    const busyLeg = {
      AccountSid: accountSid,
      CallSid: sid('CA'),
      ParentCallSid: busyCall,
      CallStatus: 'busy',
    };
    expect((await webhook(server, `/v1/twilio/status?call=${busyCall}`, busyLeg, { authToken })).status).toBe(
      204,
    );
    expect(
      (await teamActivities()).find((a) => (a.data as { callSid?: string }).callSid === busyCall),
    ).toMatchObject({
      kind: 'call',
      outcome: 'busy',
      data: { status: 'busy', recorded: false },
    });

    // Announce instead of skip in all-party regions: the California call is recorded after the
    // prospect hears the announcement. The secrets are kept when left out.
    const announce = await cli([
      ...setArgs,
      '--all-party-consent',
      'announce',
      '--announcement',
      'This call is recorded.',
    ]);
    expect(announce.code, JSON.stringify(announce.error)).toBe(0);
    const caCall = sid('CA');
    const caAnnounced = await voice(voiceParams(caCall, leadCa));
    expect(attributes(caAnnounced.text, 'Dial')).toMatchObject({ record: 'record-from-answer-dual' });
    expect(decodeXml(attributes(caAnnounced.text, 'Number')?.url ?? '')).toBe(
      `${PUBLIC_BASE}/v1/twilio/announce?call=${caCall}`,
    );
    const heard = await webhook(
      server,
      `/v1/twilio/announce?call=${caCall}`,
      { AccountSid: accountSid, CallSid: sid('CA') },
      { authToken },
    );
    expect(heard.status).toBe(200);
    expect(heard.text).toContain('<Say>This call is recorded.</Say>');

    // Voicemail drop: Ana records her message; calls now carry answering-machine detection.
    const badUrl = await request(server, 'PUT', '/v1/twilio/voicemail-drop', ana.token, { url: 'ftp://x' });
    expect(badUrl.status).toBe(400);
    const message = 'https://cdn.example.com/ana-voicemail.mp3';
    expect(
      (await request(server, 'PUT', '/v1/twilio/voicemail-drop', ana.token, { url: message })).status,
    ).toBe(200);
    const vmCall = sid('CA');
    const vm = await voice(voiceParams(vmCall, leadNy));
    const vmNumber = attributes(vm.text, 'Number');
    expect(vmNumber?.machineDetection).toBe('DetectMessageEnd');
    expect(decodeXml(vmNumber?.amdStatusCallback ?? '')).toBe(`${PUBLIC_BASE}/v1/twilio/amd?call=${vmCall}`);

    // Ana asks to drop (armed: the greeting is still playing); Ben cannot act on her call.
    expect(
      (await request(server, 'POST', `/v1/twilio/calls/${vmCall}/voicemail-drop`, ben.token)).status,
    ).toBe(404);
    expect(
      (await request(server, 'POST', `/v1/twilio/calls/${vmCall}/voicemail-drop`, repB.token)).status,
    ).toBe(404);
    const armed = await request(server, 'POST', `/v1/twilio/calls/${vmCall}/voicemail-drop`, ana.token);
    expect(armed.body).toEqual({ callSid: vmCall, drop: 'armed' });

    const vmLeg = sid('CA');
    const amdPath = `/v1/twilio/amd?call=${vmCall}`;
    const amd = (answeredBy: string) => ({
      AccountSid: accountSid,
      CallSid: vmLeg,
      AnsweredBy: answeredBy,
      MachineDetectionDuration: '4100',
    });
    // A forged "greeting ended" plays nothing.
    expect((await webhook(server, amdPath, amd('machine_end_beep'), { authToken: hex(16) })).status).toBe(
      403,
    );
    expect((await webhook(server, amdPath, amd('machine_start'), { authToken })).status).toBe(204);
    expect(rest.calls).toEqual([]);
    // The greeting ends: the prospect's leg is redirected to Ana's message, once, however often Twilio retries.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await webhook(server, amdPath, amd('machine_end_beep'), { authToken })).status).toBe(204);
    }
    expect(rest.calls).toHaveLength(1);
    expect(rest.calls[0]).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${accountSid}/Calls/${vmLeg}.json`,
      user: apiKeySid,
    });
    expect(rest.calls[0]?.form.Twiml).toContain(`<Play>${message}</Play><Hangup/>`);
    const again = await request(server, 'POST', `/v1/twilio/calls/${vmCall}/voicemail-drop`, ana.token);
    expect(again.body).toEqual({ callSid: vmCall, drop: 'dropped' });
    expect(rest.calls).toHaveLength(1);
    // The leg ends after the message: the activity is a voicemail left.
    const vmDone = {
      AccountSid: accountSid,
      CallSid: vmLeg,
      ParentCallSid: vmCall,
      CallStatus: 'completed',
      CallDuration: '31',
    };
    expect((await webhook(server, `/v1/twilio/status?call=${vmCall}`, vmDone, { authToken })).status).toBe(
      204,
    );
    const left = (await teamActivities()).filter((a) => (a.data as { callSid?: string }).callSid === vmCall);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      kind: 'voicemail',
      outcome: 'voicemail',
      data: { answeredBy: 'machine_end_beep', voicemailDropped: true, durationSeconds: 31 },
    });

    // Asked after the greeting ended: the message plays at once.
    const lateCall = sid('CA');
    await voice(voiceParams(lateCall, leadNy));
    const lateLeg = sid('CA');
    const lateAmd = { AccountSid: accountSid, CallSid: lateLeg, AnsweredBy: 'machine_end_silence' };
    expect((await webhook(server, `/v1/twilio/amd?call=${lateCall}`, lateAmd, { authToken })).status).toBe(
      204,
    );
    expect(rest.calls).toHaveLength(1);
    const late = await request(server, 'POST', `/v1/twilio/calls/${lateCall}/voicemail-drop`, ana.token);
    expect(late.body).toEqual({ callSid: lateCall, drop: 'dropped' });
    expect(rest.calls).toHaveLength(2);
    expect(rest.calls[1]?.path).toBe(`/2010-04-01/Accounts/${accountSid}/Calls/${lateLeg}.json`);

    // The rep's ask and the verdict (twice) arriving at once: the message plays exactly once.
    const raceCall = sid('CA');
    await voice(voiceParams(raceCall, leadNy));
    const raceLeg = { AccountSid: accountSid, CallSid: sid('CA'), AnsweredBy: 'machine_end_beep' };
    const racePath = `/v1/twilio/amd?call=${raceCall}`;
    const [asked] = await Promise.all([
      request(server, 'POST', `/v1/twilio/calls/${raceCall}/voicemail-drop`, ana.token),
      webhook(server, racePath, raceLeg, { authToken }),
      webhook(server, racePath, raceLeg, { authToken }),
    ]);
    expect(asked.status).toBe(200);
    expect(rest.calls).toHaveLength(3);
    expect(rest.calls[2]?.path).toBe(`/2010-04-01/Accounts/${accountSid}/Calls/${raceLeg.CallSid}.json`);

    // A human answered: nothing is dropped even though the rep asked.
    const humanCall = sid('CA');
    await voice({ ...voiceParams(humanCall, leadNy), VoicemailDrop: 'true' });
    const human = { AccountSid: accountSid, CallSid: sid('CA'), AnsweredBy: 'human' };
    expect((await webhook(server, `/v1/twilio/amd?call=${humanCall}`, human, { authToken })).status).toBe(
      204,
    );
    expect(rest.calls).toHaveLength(3);

    // Armed at dial time (VoicemailDrop=true): the greeting's end plays the message with no further ask.
    const armedCall = sid('CA');
    await voice({ ...voiceParams(armedCall, leadNy), VoicemailDrop: 'true' });
    const armedLeg = { AccountSid: accountSid, CallSid: sid('CA'), AnsweredBy: 'machine_end_silence' };
    const armedAmd = await webhook(server, `/v1/twilio/amd?call=${armedCall}`, armedLeg, { authToken });
    expect(armedAmd.status).toBe(204);
    expect(rest.calls).toHaveLength(4);
    expect(rest.calls[3]?.path).toBe(`/2010-04-01/Accounts/${accountSid}/Calls/${armedLeg.CallSid}.json`);
  } finally {
    await db.end();
  }
};
