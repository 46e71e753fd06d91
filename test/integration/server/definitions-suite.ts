import { DEFAULT_OUTCOMES } from '@shared/domain/outcome';
import { formatHlc } from '@shared/hlc';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import {
  TeamCadence,
  TeamCadencesOutput,
  TeamDncEntry,
  TeamDncOutput,
  TeamOutcomesOutput,
  TeamScript,
  TeamScriptsOutput,
} from '@shared/server/definitions';
import { PushResponse, SYNC_PROTOCOL_VERSION } from '@shared/sync';
import { type PulledChange, PullResponse } from '@shared/sync/pull';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { followTeamChanges, type LiveEvent } from '../../../src/main/core/sync/live';
import { request } from './server-process';

type Answer = { status: number; body: unknown };

const codeOf = (answer: Answer): string | undefined =>
  (answer.body as { error?: { code?: string } } | null)?.error?.code;

const expectCode = (answer: Answer, status: number, code: string): void => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(codeOf(answer)).toBe(code);
};

const setUp = async (url: string, adminToken: string) => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const user = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const teamA = await team('Definitions A');
  const teamB = await team('Definitions B');
  return {
    teamA: teamA.teamId,
    teamB: teamB.teamId,
    manager: await user(teamA.teamId, 'mia@defs-a.example', 'manager'),
    rep: await user(teamA.teamId, 'ana@defs-a.example', 'rep'),
    ae: await user(teamA.teamId, 'eli@defs-a.example', 'ae'),
    otherManager: await user(teamB.teamId, 'max@defs-b.example', 'manager'),
    otherRep: await user(teamB.teamId, 'xi@defs-b.example', 'rep'),
  };
};

/** Every change `token` may pull, from the start, through `POST /v1/sync/pull`. */
const pullAll = async (url: string, token: string): Promise<PulledChange[]> => {
  const changes: PulledChange[] = [];
  let cursor = 0;
  for (;;) {
    const answer = await request(url, 'POST', '/v1/sync/pull', token, {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      cursor,
      limit: 50,
    });
    expect(answer.status).toBe(200);
    const page = PullResponse.parse(answer.body);
    changes.push(...(page.changes as PulledChange[]));
    cursor = page.nextCursor;
    if (!page.hasMore) return changes;
  }
};

/** Pushes one mutation through `POST /v1/sync/push`, stamped `ms` from now; returns its result. */
const pushOne = async (url: string, token: string, name: string, args: unknown, ms = 0) => {
  const hlc = formatHlc({ wall: Date.now() + ms, counter: 0 }, 'ffffffffffffff07');
  const answer = await request(url, 'POST', '/v1/sync/push', token, {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    mutations: [{ id: uuidv7(), name, args, hlc }],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return PushResponse.parse(answer.body).results[0];
};

const scriptBody = (name: string, body: string) => ({ kind: 'opener', name, body, language: 'en' });

const cadence = (name: string) => ({
  name,
  priority: 5,
  steps: [
    { id: 'call-1', kind: 'call', title: 'First call', wait: { amount: 0, unit: 'minutes' }, maxAttempts: 2 },
    {
      id: 'email-1',
      kind: 'email',
      title: 'Follow-up email',
      wait: { amount: 1, unit: 'business_days' },
      on: { skipped: { action: 'goto', step: 'call-1' } },
    },
  ],
});

/**
 * The team's definitions over REST and sync, request by request: who may read and write them, how a
 * bad script, cadence, outcome set or do-not-contact value is refused, that a push stamped before a
 * console edit does not undo it while a later one does, which pushed edits apply by role, and that a
 * rep's pull brings all four kinds (deletions included) while another team's pull brings none.
 */
export const checkTeamDefinitions = async (url: string, adminToken: string): Promise<void> => {
  const { teamA, teamB, manager, rep, ae, otherManager, otherRep } = await setUp(url, adminToken);
  const base = `/v1/teams/${teamA}`;
  const scriptId = uuidv7();
  const cadenceId = uuidv7();

  // Reads: every member of the team; never another team's members.
  for (const token of [rep.token, ae.token, manager.token, adminToken]) {
    for (const what of ['scripts', 'cadences', 'outcomes', 'dnc']) {
      expect((await request(url, 'GET', `${base}/${what}`, token)).status).toBe(200);
    }
  }
  for (const token of [otherManager.token, otherRep.token]) {
    for (const what of ['scripts', 'cadences', 'outcomes', 'dnc']) {
      expectCode(await request(url, 'GET', `${base}/${what}`, token), 403, 'forbidden');
    }
  }
  expectCode(await request(url, 'GET', `/v1/teams/${uuidv7()}/scripts`, adminToken), 404, 'not_found');
  expectCode(await request(url, 'GET', `${base}/scripts`), 401, 'unauthorized');

  // Writes: a rep, an AE and another team's manager are refused, and nothing is written.
  const good = scriptBody(
    'Cold opener',
    'Hi {{firstName}}, {{repName}} from Dialdeck — is {{ company }} hiring?',
  );
  for (const token of [rep.token, ae.token, otherManager.token]) {
    expectCode(await request(url, 'PUT', `${base}/scripts/${scriptId}`, token, good), 403, 'forbidden');
    expectCode(
      await request(url, 'PUT', `${base}/cadences/${cadenceId}`, token, { definition: cadence('X') }),
      403,
      'forbidden',
    );
    expectCode(
      await request(url, 'PUT', `${base}/outcomes`, token, { outcomes: DEFAULT_OUTCOMES }),
      403,
      'forbidden',
    );
    expectCode(
      await request(url, 'POST', `${base}/dnc`, token, { kind: 'email', value: 'no@example.com' }),
      403,
      'forbidden',
    );
  }
  expect(
    TeamScriptsOutput.parse((await request(url, 'GET', `${base}/scripts`, rep.token)).body).scripts,
  ).toEqual([]);

  // The rep's desktop follows the live channel: nothing refused wakes it; the first console save does.
  const live: LiveEvent[] = [];
  const stopFollowing = new AbortController();
  followTeamChanges(
    { server: url, token: rep.token },
    { signal: stopFollowing.signal, onEvent: (event) => live.push(event) },
  ).catch(() => {});
  await expect.poll(() => live[0]?.kind, { timeout: 5_000 }).toBe('ready');
  const woken = () => live.filter((event) => event.kind === 'change');

  // Scripts: placeholders are checked as on the desktop; a good one is saved and listed for the rep.
  const bad = await request(url, 'PUT', `${base}/scripts/${scriptId}`, manager.token, {
    ...good,
    body: 'Hi {{compnay}}, about {{firstName',
  });
  expectCode(bad, 400, 'script_unknown_variable');
  expect((bad.body as { error: { details: { problems: string[] } } }).error.details.problems).toEqual([
    '{{compnay}}',
    '{{',
  ]);
  expectCode(
    await request(url, 'PUT', `${base}/scripts/${scriptId}`, manager.token, { ...good, kind: 'pitch' }),
    400,
    'invalid_input',
  );
  expectCode(
    await request(url, 'PUT', `${base}/scripts/not-an-id`, manager.token, good),
    400,
    'invalid_input',
  );
  expect(woken()).toEqual([]);
  const saved = await request(url, 'PUT', `${base}/scripts/${scriptId}`, manager.token, good);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(TeamScript.parse(saved.body)).toMatchObject({
    id: scriptId,
    name: 'Cold opener',
    updatedBy: manager.userId,
  });
  await expect.poll(() => woken().length, { timeout: 5_000 }).toBeGreaterThan(0);
  stopFollowing.abort();
  const listed = TeamScriptsOutput.parse((await request(url, 'GET', `${base}/scripts`, rep.token)).body);
  expect(listed.scripts.map((s) => [s.id, s.body])).toEqual([[scriptId, good.body]]);

  // Last writer wins: a manager's desktop push stamped a minute before the console edit does not undo
  // it; one stamped after it does.
  const put = (body: string) => ({
    id: scriptId,
    kind: 'opener',
    scope: 'team',
    name: 'Cold opener',
    body,
    language: 'en',
    updatedAt: Date.now(),
  });
  expect((await pushOne(url, manager.token, 'script.put', put('An older draft'), -60_000))?.status).toBe(
    'applied',
  );
  const afterOld = TeamScript.parse(
    (await request(url, 'GET', `${base}/scripts/${scriptId}`, rep.token)).body,
  );
  expect(afterOld.body).toBe(good.body);
  expect(
    (await pushOne(url, manager.token, 'script.put', put('A newer edit, {{firstName}}'), 2_000))?.status,
  ).toBe('applied');
  const afterNew = TeamScript.parse(
    (await request(url, 'GET', `${base}/scripts/${scriptId}`, rep.token)).body,
  );
  expect(afterNew.body).toBe('A newer edit, {{firstName}}');
  // A console edit made now, while the stored stamp is ahead (a fast desktop clock), still wins.
  expect((await request(url, 'PUT', `${base}/scripts/${scriptId}`, manager.token, good)).status).toBe(200);
  expect(
    TeamScript.parse((await request(url, 'GET', `${base}/scripts/${scriptId}`, rep.token)).body).body,
  ).toBe(good.body);

  // A rep's push of a team script is kept as received and not applied; their personal script never
  // becomes the team's.
  const repScript = uuidv7();
  expect(
    (await pushOne(url, rep.token, 'script.put', { ...put('Rep rewrite'), id: repScript }))?.status,
  ).toBe('applied');
  expect(
    (await pushOne(url, rep.token, 'script.put', { ...put('Rep rewrite'), id: scriptId }, 5_000))?.status,
  ).toBe('applied');
  const afterRep = TeamScriptsOutput.parse((await request(url, 'GET', `${base}/scripts`, rep.token)).body);
  expect(afterRep.scripts.map((s) => [s.id, s.body])).toEqual([[scriptId, good.body]]);

  // A second script, deleted from the console: gone from the list, 404 on a second delete.
  const doomed = uuidv7();
  expect(
    (await request(url, 'PUT', `${base}/scripts/${doomed}`, manager.token, scriptBody('Old', 'Hello there')))
      .status,
  ).toBe(200);
  expectCode(await request(url, 'DELETE', `${base}/scripts/${doomed}`, rep.token), 403, 'forbidden');
  expect((await request(url, 'DELETE', `${base}/scripts/${doomed}`, manager.token)).status).toBe(204);
  expectCode(await request(url, 'DELETE', `${base}/scripts/${doomed}`, manager.token), 404, 'not_found');
  expectCode(await request(url, 'GET', `${base}/scripts/${doomed}`, rep.token), 404, 'not_found');

  // Cadences: the body's id must be the address's; steps are checked as on the desktop.
  expectCode(
    await request(url, 'PUT', `${base}/cadences/${cadenceId}`, manager.token, {
      definition: { ...cadence('Outbound'), id: uuidv7() },
    }),
    400,
    'invalid_input',
  );
  const broken = cadence('Outbound');
  broken.steps[1] = { ...broken.steps[1], on: { skipped: { action: 'goto', step: 'nowhere' } } } as never;
  const refused = await request(url, 'PUT', `${base}/cadences/${cadenceId}`, manager.token, {
    definition: broken,
  });
  expectCode(refused, 400, 'invalid_input');
  expect(JSON.stringify(refused.body)).toContain('no step \\"nowhere\\"');
  const savedCadence = await request(url, 'PUT', `${base}/cadences/${cadenceId}`, manager.token, {
    definition: cadence('Outbound'),
  });
  expect(savedCadence.status, JSON.stringify(savedCadence.body)).toBe(200);
  expect(TeamCadence.parse(savedCadence.body).definition).toMatchObject({ id: cadenceId, name: 'Outbound' });
  const cadences = TeamCadencesOutput.parse((await request(url, 'GET', `${base}/cadences`, ae.token)).body);
  expect(cadences.cadences.map((c) => c.definition.id)).toEqual([cadenceId]);
  expect(cadences.cadences[0]?.definition.steps[1]?.wait).toEqual({ amount: 1, unit: 'business_days' });

  // Outcome set: the defaults until saved; built-ins stay, ids are unique; a relabel is kept.
  const initial = TeamOutcomesOutput.parse((await request(url, 'GET', `${base}/outcomes`, rep.token)).body);
  expect(initial.edited).toBe(false);
  expect(initial.outcomes.map((o) => o.id)).toEqual(DEFAULT_OUTCOMES.map((o) => o.id));
  const missing = await request(url, 'PUT', `${base}/outcomes`, manager.token, {
    outcomes: DEFAULT_OUTCOMES.filter((o) => o.id !== 'busy'),
  });
  expectCode(missing, 400, 'invalid_input');
  expect((missing.body as { error: { details: { missing: string[] } } }).error.details.missing).toEqual([
    'busy',
  ]);
  const extra = { ...DEFAULT_OUTCOMES[0], id: 'demo_scheduled', label: 'Demo scheduled', builtin: false };
  expectCode(
    await request(url, 'PUT', `${base}/outcomes`, manager.token, {
      outcomes: [...DEFAULT_OUTCOMES, extra, extra],
    }),
    400,
    'invalid_input',
  );
  const relabelled = DEFAULT_OUTCOMES.map((o) =>
    o.id === 'no_answer' ? { ...o, label: 'Rang out' } : o.id === 'busy' ? { ...o, active: false } : o,
  );
  const savedOutcomes = await request(url, 'PUT', `${base}/outcomes`, manager.token, {
    outcomes: [relabelled[1], relabelled[0], ...relabelled.slice(2), extra],
  });
  expect(savedOutcomes.status, JSON.stringify(savedOutcomes.body)).toBe(200);
  const outcomes = TeamOutcomesOutput.parse((await request(url, 'GET', `${base}/outcomes`, rep.token)).body);
  expect(outcomes.edited).toBe(true);
  expect(outcomes.outcomes.slice(0, 2).map((o) => [o.id, o.position])).toEqual([
    ['qualified', 0],
    ['meeting_booked', 1],
  ]);
  expect(outcomes.outcomes.find((o) => o.id === 'no_answer')?.label).toBe('Rang out');
  expect(outcomes.outcomes.find((o) => o.id === 'busy')?.active).toBe(false);
  expect(outcomes.outcomes.at(-1)?.id).toBe('demo_scheduled');

  // Do-not-contact: values normalised; a value listed twice is one entry; bad values named.
  const add = (body: unknown) => request(url, 'POST', `${base}/dnc`, manager.token, body);
  const phone = await add({
    kind: 'phone',
    value: '(415) 555-0100',
    reason: 'Asked on the call',
    region: 'US',
  });
  expect(phone.status, JSON.stringify(phone.body)).toBe(201);
  const phoneEntry = TeamDncEntry.parse(phone.body);
  expect(phoneEntry).toMatchObject({ kind: 'phone', value: '+14155550100', reason: 'Asked on the call' });
  expect(phoneEntry.addedBy).toBe(manager.userId);
  const again = await add({ kind: 'phone', value: '+1 415 555 0100' });
  expect(again.status).toBe(200);
  expect(TeamDncEntry.parse(again.body).id).toBe(phoneEntry.id);
  expect(TeamDncEntry.parse((await add({ kind: 'email', value: ' Jo@Example.COM ' })).body).value).toBe(
    'jo@example.com',
  );
  expect(TeamDncEntry.parse((await add({ kind: 'domain', value: '@Acme.COM' })).body).value).toBe('acme.com');
  expectCode(await add({ kind: 'phone', value: 'hello', region: 'US' }), 400, 'dnc_invalid_value');
  expectCode(await add({ kind: 'phone', value: '415 555 0100' }), 400, 'dnc_invalid_value');
  expectCode(await add({ kind: 'email', value: 'acme.com' }), 400, 'dnc_invalid_value');
  expectCode(await add({ kind: 'domain', value: 'jo@acme.com' }), 400, 'dnc_invalid_value');
  expectCode(await add({ kind: 'fax', value: '1' }), 400, 'invalid_input');

  const search = TeamDncOutput.parse((await request(url, 'GET', `${base}/dnc?q=415`, rep.token)).body);
  expect(search.entries.map((e) => e.value)).toEqual(['+14155550100']);
  expect(search.total).toBe(1);
  const written = TeamDncOutput.parse(
    (await request(url, 'GET', `${base}/dnc?q=${encodeURIComponent('(415) 555-01')}`, rep.token)).body,
  );
  expect(written.entries.map((e) => e.value)).toEqual(['+14155550100']);
  const first = TeamDncOutput.parse((await request(url, 'GET', `${base}/dnc?limit=2`, rep.token)).body);
  expect(first.total).toBe(3);
  expect(first.entries.map((e) => e.value)).toEqual(['acme.com', 'jo@example.com']);
  expect(first.next).not.toBeNull();
  const second = TeamDncOutput.parse(
    (await request(url, 'GET', `${base}/dnc?limit=2&after=${first.next}`, rep.token)).body,
  );
  expect(second.entries.map((e) => e.value)).toEqual(['+14155550100']);
  expect(second.next).toBeNull();
  expectCode(await request(url, 'GET', `${base}/dnc?limit=0`, rep.token), 400, 'invalid_input');

  // Pushed DNC changes: a rep's addition applies; a rep's removal does not; a manager's does.
  const pushed = {
    id: uuidv7(),
    kind: 'email',
    value: 'stop@example.org',
    reason: 'Replied STOP',
    leadId: null,
    createdAt: Date.now(),
  };
  expect((await pushOne(url, rep.token, 'dnc.add', pushed))?.status).toBe('applied');
  const withPushed = TeamDncOutput.parse(
    (await request(url, 'GET', `${base}/dnc?q=stop@`, manager.token)).body,
  );
  expect(withPushed.entries.map((e) => [e.id, e.addedBy])).toEqual([[pushed.id, rep.userId]]);
  const removal = { id: pushed.id, kind: 'email', value: 'stop@example.org' };
  expect((await pushOne(url, rep.token, 'dnc.remove', removal, 1_000))?.status).toBe('applied');
  expect(TeamDncOutput.parse((await request(url, 'GET', `${base}/dnc?q=stop@`, rep.token)).body).total).toBe(
    1,
  );
  expect((await pushOne(url, manager.token, 'dnc.remove', removal, 2_000))?.status).toBe('applied');
  expect(TeamDncOutput.parse((await request(url, 'GET', `${base}/dnc?q=stop@`, rep.token)).body).total).toBe(
    0,
  );

  // Console removal: a rep may not; the manager may, once.
  expectCode(await request(url, 'DELETE', `${base}/dnc/${phoneEntry.id}`, rep.token), 403, 'forbidden');
  expectCode(
    await request(url, 'DELETE', `${base}/dnc/${phoneEntry.id}`, otherManager.token),
    403,
    'forbidden',
  );
  expect((await request(url, 'DELETE', `${base}/dnc/${phoneEntry.id}`, manager.token)).status).toBe(204);
  expectCode(await request(url, 'DELETE', `${base}/dnc/${phoneEntry.id}`, manager.token), 404, 'not_found');

  // A rep's pull brings the four kinds, deletions included; another team's pull brings none of them.
  const pulled = await pullAll(url, rep.token);
  const latest = new Map<string, PulledChange>();
  for (const change of pulled) {
    const key =
      change.kind === 'script'
        ? change.data.id
        : change.kind === 'cadence'
          ? (change.data.definition.id ?? '')
          : change.kind === 'dnc'
            ? change.data.entry.id
            : change.kind;
    latest.set(`${change.kind}:${key}`, change);
  }
  expect(latest.get(`script:${scriptId}`)).toMatchObject({ data: { body: good.body, deleted: false } });
  expect(latest.get(`script:${doomed}`)).toMatchObject({ data: { deleted: true } });
  expect(latest.has(`script:${repScript}`)).toBe(false);
  expect(latest.get(`cadence:${cadenceId}`)).toMatchObject({ data: { deleted: false } });
  const pulledSet = latest.get('outcomeSet:outcomeSet');
  expect(
    pulledSet?.kind === 'outcomeSet' && pulledSet.data.outcomes.find((o) => o.id === 'no_answer')?.label,
  ).toBe('Rang out');
  expect(latest.get(`dnc:${phoneEntry.id}`)).toMatchObject({ data: { removed: true } });
  expect(latest.get(`dnc:${pushed.id}`)).toMatchObject({ data: { removed: true } });
  const kinds = new Set(pulled.map((c) => c.kind));
  for (const kind of ['script', 'cadence', 'outcomeSet', 'dnc']) expect(kinds).toContain(kind);
  const versions = pulled.map((c) => c.version);
  expect(versions).toEqual([...versions].sort((a, b) => a - b));

  const elsewhere = await pullAll(url, otherRep.token);
  expect(elsewhere.filter((c) => ['script', 'cadence', 'outcomeSet', 'dnc'].includes(c.kind))).toEqual([]);
  expect(
    TeamScriptsOutput.parse((await request(url, 'GET', `/v1/teams/${teamB}/scripts`, otherRep.token)).body),
  ).toEqual({ scripts: [] });
};

/**
 * Rules a new user's trial found open: the built-in opt-out cannot be made a no-op and some other
 * outcome stays loggable; text PostgreSQL cannot store is a 400, never a 500; an email signs in to one
 * team only; cadences name known outcomes; DNC domains and regions are real; removed users leave the
 * shift list; role words read right; an over-long id in the address answers in the server's shape.
 */
export const checkTrialRules = async (url: string, adminToken: string): Promise<void> => {
  const team = async (name: string) =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body);
  const addUser = (teamId: string, email: string, role: string, token = adminToken) =>
    request(url, 'POST', `/v1/teams/${teamId}/users`, token, { email, role });
  const teamA = (await team('Trial A')).teamId;
  const teamB = (await team('Trial B')).teamId;
  const manager = AddUserOutput.parse((await addUser(teamA, 'lee@trial-a.example', 'manager')).body);
  const ae = AddUserOutput.parse((await addUser(teamA, 'ari@trial-a.example', 'ae')).body);
  const otherManager = AddUserOutput.parse((await addUser(teamB, 'kim@trial-b.example', 'manager')).body);
  const base = `/v1/teams/${teamA}`;
  const put = (outcomes: unknown) => request(url, 'PUT', `${base}/outcomes`, manager.token, { outcomes });
  const withChange = (id: string, change: Record<string, unknown>) =>
    DEFAULT_OUTCOMES.map((o) => (o.id === id ? { ...o, ...change } : o));
  const messageOf = (answer: Answer): string =>
    (answer.body as { error?: { message?: string } } | null)?.error?.message ?? '';

  // 1. The opt-out outcome keeps its effect, status and transition and stays active; one other outcome
  // stays loggable. Nothing is saved from a refused set.
  for (const change of [
    { effect: 'none' },
    { status: 'working' },
    { transition: { action: 'next' } },
    { active: false },
  ]) {
    const refused = await put(withChange('do_not_contact', change));
    expectCode(refused, 400, 'invalid_input');
    expect(messageOf(refused)).toContain('"do_not_contact"');
  }
  expectCode(await put(withChange('no_answer', { status: 'nurture' })), 400, 'invalid_input');
  expectCode(
    await put(DEFAULT_OUTCOMES.map((o) => ({ ...o, active: o.id === 'do_not_contact' }))),
    400,
    'invalid_input',
  );
  expectCode(await put(DEFAULT_OUTCOMES.map((o) => ({ ...o, active: false }))), 400, 'invalid_input');
  expectCode(
    await put([{ ...DEFAULT_OUTCOMES[0], efect: 'none' }, ...DEFAULT_OUTCOMES.slice(1)]),
    400,
    'invalid_input',
  );
  const stored = TeamOutcomesOutput.parse(
    (await request(url, 'GET', `${base}/outcomes`, manager.token)).body,
  );
  expect(stored.edited).toBe(false);
  const allowed = await put(
    withChange('do_not_contact', { label: 'Opted out', connected: false, position: 0 }).map((o) =>
      o.id === 'busy' ? { ...o, active: false } : o,
    ),
  );
  expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);

  // 2. A NUL or a lone surrogate anywhere in a body: 400 at the schema, never a 500.
  const NUL = String.fromCharCode(0);
  const LONE = String.fromCharCode(0xd800);
  for (const [path, body] of [
    [`${base}/scripts/${uuidv7()}`, scriptBody(`Open${NUL}er`, 'Hi {{firstName}}')],
    [`${base}/scripts/${uuidv7()}`, scriptBody('Opener', `Hi ${LONE}{{firstName}}`)],
    [`${base}/cadences/${uuidv7()}`, { definition: { ...cadence(`Loop${LONE}`) } }],
  ] as const) {
    const answer = await request(url, 'PUT', path, manager.token, body);
    expectCode(answer, 400, 'invalid_input');
    expect(messageOf(answer)).toContain('cannot be stored');
  }
  const dncReason = await request(url, 'POST', `${base}/dnc`, manager.token, {
    kind: 'email',
    value: 'nul@example.com',
    reason: `said${NUL}stop`,
  });
  expectCode(dncReason, 400, 'invalid_input');
  // A desktop's push carrying one is refused for that mutation alone.
  const pushedNul = await pushOne(url, manager.token, 'dnc.add', {
    id: uuidv7(),
    kind: 'email',
    value: 'pushed@example.com',
    reason: `said${NUL}stop`,
    leadId: null,
    createdAt: Date.now(),
  });
  expect(pushedNul?.status).toBe('rejected');
  // Text that reaches PostgreSQL unchecked (here a member named in the address) is invalid_input
  // through the error handler, not internal.
  const nulMember = await request(
    url,
    'POST',
    `${base}/users/nul%00x@trial-a.example/remove`,
    adminToken,
    {},
  );
  expectCode(nulMember, 400, 'invalid_input');
  expect(messageOf(nulMember)).toContain('cannot be stored');

  // 3. One email, one team: refused on the other team by the admin, a manager and a console invite.
  const taken = await addUser(teamB, 'lee@trial-a.example', 'rep');
  expectCode(taken, 409, 'user_email_taken');
  expect(messageOf(taken)).toContain('another Dialdeck team');
  expectCode(await addUser(teamB, 'LEE@trial-a.example', 'rep', otherManager.token), 409, 'user_email_taken');
  expectCode(
    await request(url, 'POST', `/v1/teams/${teamB}/console/invitations`, otherManager.token, {
      email: 'lee@trial-a.example',
      role: 'ae',
    }),
    409,
    'user_email_taken',
  );
  const usersOf = async (teamId: string) =>
    (
      (await request(url, 'GET', `/v1/teams/${teamId}/users`, adminToken)).body as {
        users: { email: string }[];
      }
    ).users.map((u) => u.email);
  expect(await usersOf(teamB)).not.toContain('lee@trial-a.example');
  expect(await usersOf(teamA)).toContain('lee@trial-a.example');
  // Once removed from team A, the address may join team B.
  const leaver = AddUserOutput.parse((await addUser(teamA, 'leaver@trial-a.example', 'rep')).body);
  expectCode(await addUser(teamB, 'leaver@trial-a.example', 'rep'), 409, 'user_email_taken');
  expect((await request(url, 'POST', `${base}/users/${leaver.userId}/remove`, adminToken, {})).status).toBe(
    200,
  );
  expect((await addUser(teamB, 'leaver@trial-a.example', 'rep')).status).toBe(201);

  // 4. Cadences name outcomes the team has and never loop without a wait; DNC values are real.
  const unknownOutcome = await request(url, 'PUT', `${base}/cadences/${uuidv7()}`, manager.token, {
    definition: {
      ...cadence('Typo'),
      steps: [{ id: 'call-1', kind: 'call', title: 'Call', on: { no_anwser: { action: 'exit' } } }],
    },
  });
  expectCode(unknownOutcome, 400, 'invalid_input');
  expect(messageOf(unknownOutcome)).toContain('no_anwser');
  const instantLoop = await request(url, 'PUT', `${base}/cadences/${uuidv7()}`, manager.token, {
    definition: {
      name: 'Spin',
      steps: [
        { id: 'a', kind: 'task', title: 'A' },
        { id: 'b', kind: 'task', title: 'B', on: { done: { action: 'goto', step: 'a' } } },
      ],
    },
  });
  expectCode(instantLoop, 400, 'invalid_input');
  for (const value of ['<script>.com', '-bad-.com', 'a..b.com', 'localhost']) {
    expectCode(
      await request(url, 'POST', `${base}/dnc`, manager.token, { kind: 'domain', value }),
      400,
      'dnc_invalid_value',
    );
  }
  const idn = await request(url, 'POST', `${base}/dnc`, manager.token, {
    kind: 'domain',
    value: 'bücher.de',
  });
  expect(idn.status, JSON.stringify(idn.body)).toBe(201);
  expect(TeamDncEntry.parse(idn.body).value).toBe('xn--bcher-kva.de');
  const region = await request(url, 'POST', `${base}/dnc`, manager.token, {
    kind: 'phone',
    value: '415 555 0100',
    region: 'ZZ',
  });
  expectCode(region, 400, 'dnc_invalid_value');
  expect(messageOf(region)).toContain('unknown');

  // 5. Role words, removed users' shifts, over-long ids.
  const forbidden = await request(url, 'PUT', `${base}/outcomes`, ae.token, { outcomes: DEFAULT_OUTCOMES });
  expectCode(forbidden, 403, 'forbidden');
  expect(messageOf(forbidden)).toMatch(/^An AE may not do this/);
  const shiftRep = AddUserOutput.parse((await addUser(teamA, 'sam@trial-a.example', 'rep')).body);
  const shift = await request(url, 'POST', `${base}/shifts`, manager.token, {
    email: 'sam@trial-a.example',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    from: '09:00',
    to: '17:00',
    timeZone: 'UTC',
  });
  expect(shift.status, JSON.stringify(shift.body)).toBe(200);
  const shiftEmails = async () =>
    (
      (await request(url, 'GET', `${base}/shifts`, manager.token)).body as { shifts: { email: string }[] }
    ).shifts.map((s) => s.email);
  expect(await shiftEmails()).toContain('sam@trial-a.example');
  expect((await request(url, 'POST', `${base}/users/${shiftRep.userId}/remove`, adminToken, {})).status).toBe(
    200,
  );
  expect(await shiftEmails()).not.toContain('sam@trial-a.example');
  const longId = await request(url, 'GET', `${base}/scripts/${'a'.repeat(300)}`, manager.token);
  expectCode(longId, 400, 'invalid_input');
  expect(messageOf(longId)).toContain('too long');
};
