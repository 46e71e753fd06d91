import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { fileTokenStore } from '../../../src/main/core/sync/credentials';
import { tempDir } from '../cadence/helpers';
import { dialdeck, outboundLead } from '../cli-run';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  request,
  root,
  startServerProcess,
  stopServer,
} from './server-process';

// Debian's PostgreSQL when TEST_DATABASE_URL is set, else the built-in one.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
  removeDirs();
});

/** `dialdeck serve --json` on `dataDir` (the web host, which syncs in the background); resolves once it serves. */
const startHost = (dataDir: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'dialdeck.mjs'), '--data-dir', dataDir, '--json', 'serve'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.includes('"url"')) resolve(child);
    });
    child.once('close', (code) => reject(new Error(`dialdeck serve exited (${code}): ${stderr}`)));
  });

const stopHost = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    child.once('close', () => done());
    child.kill('SIGTERM');
  });

const outboxPending = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the web host syncs by itself', { timeout: 180_000 }, () => {
  it('an outcome logged while the server is out of reach stays pending; after the host restarts with the server back, it drains without a new local write', async () => {
    const server = await startServerProcess(
      adminUrl
        ? ['--database-url', await freshDatabase(adminUrl)]
        : ['--data-dir', join(tempDir('dialdeck-hs-'), 'server')],
    );
    try {
      const admin = server.adminToken ?? '';
      const team = CreateTeamOutput.parse(
        (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Host' })).body,
      );
      const rep = AddUserOutput.parse(
        (
          await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, {
            email: 'rep@host.example',
            role: 'rep',
          })
        ).body,
      );
      const manager = AddUserOutput.parse(
        (
          await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, {
            email: 'mgr@host.example',
            role: 'manager',
          })
        ).body,
      );

      const dataDir = tempDir('dialdeck-host-');
      const core = openCore({ dataDir });
      const at = Date.parse('2025-03-10T15:00:00Z');
      const leadId = core.leads.create(outboundLead('Jo Park', '+12025550143'), { at }).id;
      core.dialing.enrollNewLeads([leadId], at);
      core.close();
      expect(dialdeck(dataDir, 'login', '--server', server.url, '--token', rep.token).status).toBe(0);
      // The server is out of reach: the host's sync fails and keeps the outcome.
      const tokens = fileTokenStore(dataDir);
      const signedIn = tokens.read();
      if (!signedIn) throw new Error('not signed in');
      tokens.write({ ...signedIn, server: 'http://127.0.0.1:9' });
      const logged = dialdeck(dataDir, 'log', leadId, 'no_answer', '--note', 'Logged in the hotel');
      expect(logged.status, logged.stderr).toBe(0);
      const activityId = (logged.json as { activityId: string }).activityId;

      let host = await startHost(dataDir);
      await new Promise((done) => setTimeout(done, 1_500));
      expect(outboxPending(dataDir)).toBeGreaterThan(0);
      await stopHost(host);

      // The connection is back; the host starts again and drains with no new local write.
      tokens.write({ ...signedIn });
      host = await startHost(dataDir);
      try {
        await expect.poll(() => outboxPending(dataDir), { timeout: 20_000 }).toBe(0);
        const held = TeamActivitiesOutput.parse(
          (await request(server.url, 'GET', `/v1/teams/${team.teamId}/activities`, manager.token)).body,
        ).activities;
        expect(held.map((a) => [a.id, a.note])).toEqual([[activityId, 'Logged in the hotel']]);
      } finally {
        await stopHost(host);
      }
    } finally {
      await stopServer(server);
    }
  });
});
