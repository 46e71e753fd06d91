import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const KAMAILIO_CFG = resolve('test/fixtures/kamailio/kamailio.cfg');

export type Kamailio = {
  port: number;
  websocketUrl: string;
  password: string;
  log: () => string;
  stop: () => Promise<void>;
};

/** A TCP port nobody listens on right now, chosen by the OS. */
export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

/**
 * Starts Debian's Kamailio with the test registrar/proxy config on a free loopback port, every test
 * user sharing `password`; resolves once the port accepts connections. `stop` ends it (SIGTERM, then
 * SIGKILL after 5 s) and removes its run folder.
 */
export const startKamailio = async (password: string): Promise<Kamailio> => {
  const port = await freePort();
  const runDir = mkdtempSync(join(tmpdir(), 'dialdeck-kamailio-'));
  let output = '';
  const child: ChildProcess = spawn(
    '/usr/sbin/kamailio',
    [
      '-f',
      KAMAILIO_CFG,
      '-DD',
      '-E',
      '-m',
      '32',
      '-M',
      '8',
      '-Y',
      runDir,
      '-A',
      `WS_PORT=${port}`,
      '-A',
      `SIP_PASSWORD="${password}"`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(runDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Kamailio did not start on port ${port}:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { port, websocketUrl: `ws://127.0.0.1:${port}`, password, log: () => output, stop };
};
