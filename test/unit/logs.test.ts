import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLog, logFile } from '../../src/main/core/logs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-logs-'));
  dirs.push(dir);
  return dir;
};

describe('appendLog', () => {
  it('writes timestamped entries to DATA_DIR/logs/dialdeck.log', () => {
    const dir = dataDir();
    expect(appendLog(dir, 'first', { now: Date.UTC(2026, 0, 2, 3, 4, 5) })).toBe(logFile(dir));
    appendLog(dir, 'second\n', { now: Date.UTC(2026, 0, 2, 3, 4, 6) });
    expect(readFileSync(logFile(dir), 'utf8')).toBe(
      '2026-01-02T03:04:05.000Z first\n2026-01-02T03:04:06.000Z second\n',
    );
  });

  it('rotates by size, keeping one older log', () => {
    const dir = dataDir();
    const entry = 'x'.repeat(60);
    for (let i = 0; i < 5; i++) appendLog(dir, `${i} ${entry}`, { maxBytes: 200 });
    const current = readFileSync(logFile(dir), 'utf8');
    const older = readFileSync(`${logFile(dir)}.1`, 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(200);
    expect(current).toContain(' 4 ');
    expect(older).toContain(' 2 ');
    expect(older).not.toContain(' 0 ');
  });

  it('gives null rather than throwing when the log cannot be written', () => {
    const dir = dataDir();
    appendLog(dir, 'x');
    // A data dir inside a file: the logs folder cannot be made.
    const inFile = join(logFile(dir), 'data');
    expect(appendLog(inFile, 'y')).toBeNull();
    expect(existsSync(logFile(inFile))).toBe(false);
  });
});
