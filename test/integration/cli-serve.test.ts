import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core';
import { DEMO_LEADS } from '../../src/main/core/leads/demo';
import { storeFile } from '../../src/main/core/paths';

const root = resolve(import.meta.dirname, '..', '..');

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-serve-'));
  dirs.push(dir);
  return dir;
};

type Started = { child: ChildProcess; url: URL; dataDir: string; stderr: () => string };

/** Spawns a serving process and waits for the `--json` line with its address. */
const startServing = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> => {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      const { url, dataDir } = JSON.parse(line) as { url: string; dataDir: string };
      resolvePromise({ child, url: new URL(url), dataDir, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before serving:\n${stderr}`)));
  });
};

const stop = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolvePromise) => {
    child.once('exit', (code, signal) => resolvePromise({ code, signal }));
    child.kill('SIGTERM');
  });

const expectServing = async (url: URL) => {
  expect(url.protocol).toBe('http:');
  expect(url.hostname).toBe('127.0.0.1');
  expect(url.searchParams.get('token')?.length ?? 0).toBeGreaterThanOrEqual(32);
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(await page.text()).toContain('<div id="root">');
};

const demoLeadsIn = (dataDir: string): number => {
  const core = openCore({ dataDir });
  try {
    return core.leads.list({}).filter((lead) => lead.isDemo).length;
  } finally {
    core.close();
  }
};

describe('dialdeck serve', () => {
  it('serves on 127.0.0.1 with a token, stops cleanly on SIGTERM, and leaves the demo call list', async () => {
    const dataDir = join(tempDir(), 'data');
    const served = await startServing([
      '--import',
      'tsx',
      'src/main/cli/index.ts',
      '--data-dir',
      dataDir,
      'serve',
      '--json',
    ]);
    expect(served.dataDir).toBe(dataDir);
    await expectServing(served.url);

    expect(await stop(served.child)).toEqual({ code: 0, signal: null });
    expect(existsSync(storeFile(dataDir))).toBe(true);
    expect(existsSync(`${storeFile(dataDir)}-wal`)).toBe(false);
    expect(demoLeadsIn(dataDir)).toBe(DEMO_LEADS.length);
  });
});

describe('npm start without an Electron runtime', () => {
  // Points Electron's own lookup at an empty folder, so this holds on machines that have the runtime too.
  const noElectron = (dir: string) => ({ ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron') });

  it('says so in one line and serves the workspace to the browser', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const served = await startServing(
      ['scripts/start.mjs', '--data-dir', dataDir, '--json'],
      noElectron(dir),
    );
    const notices = served
      .stderr()
      .split('\n')
      .filter((line) => /Electron/.test(line));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/Electron's runtime is not installed here.*browser/);
    expect(served.dataDir).toBe(dataDir);
    await expectServing(served.url);

    expect(await stop(served.child)).toEqual({ code: 0, signal: null });
    expect(demoLeadsIn(dataDir)).toBe(DEMO_LEADS.length);
  });

  it('takes a relative --data-dir from the folder npm was started in', async () => {
    const dir = tempDir();
    const served = await startServing(['scripts/start.mjs', '--data-dir', 'rel-data', '--json'], {
      ...noElectron(dir),
      INIT_CWD: dir,
    });
    expect(served.dataDir).toBe(join(dir, 'rel-data'));
    expect(await stop(served.child)).toEqual({ code: 0, signal: null });
  });
});
