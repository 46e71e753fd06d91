import { AddTeamDncOutput } from '@shared/server/definitions';
import { ImportLeadsOutput, TeamLeadsOutput } from '@shared/server/leads';
import { RotationMember } from '@shared/server/shifts';
import { dncDomainMessage } from '@shared/tasks/dncInput';
import { expect } from 'vitest';
import { importLead } from './assignment-suite';
import { changes, follow } from './events-suite';
import { request, teamMaker } from './server-process';
import { dialdeck, ok } from './sync-suite';

/** A refusal of the built CLI: its exit status, stable code, and the words that say what to fix. */
const refused = (run: Awaited<ReturnType<typeof dialdeck>>, exit: number, code: string, words: string) => {
  expect(run.code, JSON.stringify(run.error)).toBe(exit);
  expect(run.error?.code).toBe(code);
  expect(run.error?.message).toContain(words);
};

/**
 * A manager's team tools on a running server: `dialdeck admin leads list` searched, filtered by
 * status, owner and unassigned, and paged with its total, each bad flag refused by name (exit 2) and
 * another team's token refused; a do-not-contact entry added twice (201, then 200 `alreadyListed`), a
 * domain written in Unicode kept as punycode and a malformed one refused in the desktop's words; and
 * rotation and shift changes announced on the team's live stream (and on no other team's), while
 * another team's manager cannot change them.
 */
export const checkTeamAdmin = async (url: string, adminToken: string): Promise<void> => {
  const { team, user } = teamMaker(url, adminToken);
  const teamA = await team('Admin tools A');
  const teamB = await team('Admin tools B');
  const manager = await user(teamA.teamId, 'lead@admin-a.example', 'manager');
  const ana = await user(teamA.teamId, 'ana@admin-a.example', 'rep');
  const bo = await user(teamA.teamId, 'bo@admin-a.example', 'rep');
  const managerB = await user(teamB.teamId, 'lead@admin-b.example', 'manager');
  const base = `/v1/teams/${teamA.teamId}`;
  const asManager = (method: string, path: string, body?: unknown) =>
    request(url, method, `${base}${path}`, manager.token, body);

  // Twelve leads: 0–7 to Ana, 8–11 to Bo; 0, 5 and 10 are `working`; 0–3 at Acme Freight.
  const batch = async (from: number, to: number, email: string) =>
    ImportLeadsOutput.parse(
      (
        await asManager('POST', '/leads/import', {
          leads: Array.from({ length: to - from }, (_, k) =>
            importLead(from + k, from + k < 4 ? 'Acme Freight' : 'Globex'),
          ),
          assign: { mode: 'user', email },
        })
      ).body,
    );
  expect((await batch(0, 8, ana.email)).imported).toBe(8);
  expect((await batch(8, 12, bo.email)).imported).toBe(4);
  const target = ['--team', teamA.teamId, '--server', url, '--token', manager.token];
  const list = async (...flags: string[]) =>
    TeamLeadsOutput.parse(ok(await dialdeck(['admin', 'leads', 'list', ...target, ...flags])));
  const names = (output: TeamLeadsOutput) => output.leads.map((lead) => lead.name.slice(0, 8));

  const all = await list();
  expect(all.leads).toHaveLength(12);
  expect(all).not.toHaveProperty('total');
  const last = all.leads[11]?.leadId ?? '';
  expect((await asManager('POST', `/leads/${last}/assign`, { to: null })).status).toBe(200);

  expect(names(await list('--search', 'globex brandt'))).toEqual([
    'Lead 005',
    'Lead 007',
    'Lead 009',
    'Lead 011',
  ]);
  expect(names(await list('--search', '312-555-3006'))).toEqual(['Lead 006']);
  expect(names(await list('--status', 'working'))).toEqual(['Lead 000', 'Lead 005', 'Lead 010']);
  expect(names(await list('--owner', bo.email, '--status', 'new'))).toEqual(['Lead 008', 'Lead 009']);
  const unassigned = await list('--unassigned');
  expect(unassigned.leads.map((lead) => [lead.name.slice(0, 8), lead.ownerEmail])).toEqual([
    ['Lead 011', null],
  ]);
  const second = await list('--page', '2', '--page-size', '5');
  expect([names(second), second.total]).toEqual([
    ['Lead 005', 'Lead 006', 'Lead 007', 'Lead 008', 'Lead 009'],
    12,
  ]);
  const lastPage = await list('--page', '3', '--page-size', '5', '--owner', ana.email);
  expect([names(lastPage), lastPage.total]).toEqual([[], 8]);
  const firstPage = await list('--page', '1', '--search', 'acme');
  expect([firstPage.leads.length, firstPage.total]).toEqual([4, 4]);

  const flags = ['admin', 'leads', 'list', ...target];
  refused(await dialdeck([...flags, '--status', 'hot']), 2, 'invalid_input', '--status takes one of');
  refused(await dialdeck([...flags, '--page', '0']), 2, 'invalid_input', '--page takes a whole number');
  refused(await dialdeck([...flags, '--page', '1', '--page-size', '501']), 2, 'invalid_input', '--page-size');
  refused(await dialdeck([...flags, '--page-size', '5']), 2, 'invalid_input', '--page-size goes with --page');
  refused(await dialdeck([...flags, '--owner', ana.email, '--unassigned']), 2, 'invalid_input', 'not both');
  refused(
    await dialdeck([
      'admin',
      'leads',
      'list',
      '--team',
      teamA.teamId,
      '--server',
      url,
      '--token',
      managerB.token,
    ]),
    1,
    'forbidden',
    '',
  );

  // The do-not-contact list: a value added twice is added once, and the second answer says so.
  const addDnc = async (body: unknown) => {
    const answer = await asManager('POST', '/dnc', body);
    return { status: answer.status, entry: AddTeamDncOutput.parse(answer.body) };
  };
  const idn = await addDnc({ kind: 'domain', value: 'Bücher.de', reason: 'Asked by the buyer' });
  expect([idn.status, idn.entry.value, idn.entry.alreadyListed]).toEqual([201, 'xn--bcher-kva.de', false]);
  const again = await addDnc({ kind: 'domain', value: '@XN--BCHER-KVA.de' });
  expect([again.status, again.entry.id, again.entry.alreadyListed]).toEqual([200, idn.entry.id, true]);
  const phone = await addDnc({ kind: 'phone', value: '(312) 555-3001', region: 'US' });
  expect([phone.status, phone.entry.value, phone.entry.alreadyListed]).toEqual([201, '+13125553001', false]);
  const phoneAgain = await addDnc({ kind: 'phone', value: '+1 312 555 3001' });
  expect([phoneAgain.status, phoneAgain.entry.alreadyListed]).toEqual([200, true]);
  for (const bad of ['exa mple.com', '-bad.com', 'a..b', 'http://x.com/']) {
    const answer = await asManager('POST', '/dnc', { kind: 'domain', value: bad });
    expect(answer.status, bad).toBe(400);
    expect(answer.body).toMatchObject({
      error: { code: 'dnc_invalid_value', message: dncDomainMessage(bad) },
    });
  }
  const listed = (await asManager('GET', '/dnc')).body as { total: number };
  expect(listed.total).toBe(2);

  // Rotation and shift changes wake the team's live streams, and no other team's.
  const ours = follow(url, manager.token);
  const theirs = follow(url, managerB.token);
  try {
    await expect.poll(() => ours.events[0]?.kind, { timeout: 5_000 }).toBe('ready');
    await expect.poll(() => theirs.events[0]?.kind, { timeout: 5_000 }).toBe('ready');
    const woken = async (change: () => Promise<{ status: number }>) => {
      const before = changes(ours).length;
      expect((await change()).status).toBe(200);
      await expect.poll(() => changes(ours).length, { timeout: 5_000 }).toBeGreaterThan(before);
      expect(changes(ours).at(-1)?.teamId).toBe(teamA.teamId);
    };
    await woken(async () => {
      const answer = await asManager('PUT', `/rotation/${ana.email}`, { inRotation: false });
      expect(RotationMember.parse(answer.body).inRotation).toBe(false);
      return answer;
    });
    await woken(() =>
      asManager('POST', '/shifts', {
        email: bo.email,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        from: '09:00',
        to: '17:00',
        timeZone: 'America/Chicago',
      }),
    );
    await woken(() => asManager('DELETE', `/shifts/${bo.userId}`));
    // Another team's manager can neither change this team's rotation nor hear of its changes.
    const foreign = await request(url, 'PUT', `${base}/rotation/${bo.email}`, managerB.token, {
      inRotation: false,
    });
    expect(foreign.status).toBe(403);
    expect(changes(theirs)).toEqual([]);
  } finally {
    ours.stop();
    theirs.stop();
    await Promise.allSettled([ours.ended, theirs.ended]);
  }
};
