import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TalkMetrics } from '../../../src/shared/talk/metrics';
import { type Fixture, makeFixture } from '../../fixtures/talk/generate';
import { conversation, phoneLine } from '../../fixtures/talk/plan';
import { dialdeck, errorOf } from '../cli-run';

// `dialdeck analyze-call` as a user runs it: the built CLI on generated dual-channel recordings.
const BIN = resolve(import.meta.dirname, '..', '..', '..', 'bin', 'dialdeck.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dialdeck-analyze-'));
let call: Fixture;

const analyze = (...args: string[]) => dialdeck(dir, 'analyze-call', ...args);

beforeAll(() => {
  call = makeFixture(conversation('cli-en-10db', 11, 'en', phoneLine(10)));
}, 300_000);

describe('dialdeck analyze-call', () => {
  it('prints exactly the issue’s JSON fields, within the accuracy bounds of the truth', () => {
    const run = analyze(call.wav);
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(run.json as object)).toEqual([
      'durationSeconds',
      'repTalkSeconds',
      'prospectTalkSeconds',
      'repTalkShare',
      'longestRepMonologueSeconds',
      'meanPatienceSeconds',
      'interruptions',
    ]);
    const metrics = TalkMetrics.parse(run.json);
    const truth = call.truth.metrics;
    expect(Math.abs((metrics.repTalkShare ?? 0) - (truth.repTalkShare ?? 0))).toBeLessThanOrEqual(0.03);
    expect(
      Math.abs(metrics.longestRepMonologueSeconds - truth.longestRepMonologueSeconds),
    ).toBeLessThanOrEqual(1);
    expect(
      Math.abs((metrics.meanPatienceSeconds ?? 0) - (truth.meanPatienceSeconds ?? 0)),
    ).toBeLessThanOrEqual(0.3);
  });

  it('takes the rep from the right channel with --rep-channel right', () => {
    const left = TalkMetrics.parse(analyze(call.wav).json);
    const right = TalkMetrics.parse(analyze(call.wav, '--rep-channel', 'right').json);
    expect(right.repTalkSeconds).toBeCloseTo(left.prospectTalkSeconds, 1);
    expect(right.prospectTalkSeconds).toBeCloseTo(left.repTalkSeconds, 1);
    expect(right.repTalkShare).toBeCloseTo(1 - (left.repTalkShare ?? 0), 2);
  });

  it('reads 8-, 16-, 24- and 32-bit PCM and 32-bit float at other rates alike', { timeout: 180_000 }, () => {
    const reference = TalkMetrics.parse(analyze(call.wav).json);
    for (const [name, format] of [
      ['u8-8k', ['-e', 'unsigned-integer', '-b', '8', '-r', '8000']],
      ['s24-44k', ['-e', 'signed-integer', '-b', '24', '-r', '44100']],
      ['s32-22k', ['-e', 'signed-integer', '-b', '32', '-r', '22050']],
      ['f32-48k', ['-e', 'floating-point', '-b', '32', '-r', '48000']],
    ] as const) {
      const file = join(dir, `${name}.wav`);
      execFileSync('sox', ['-D', call.wav, ...format, file]);
      const run = analyze(file);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      const metrics = TalkMetrics.parse(run.json);
      expect(Math.abs((metrics.repTalkShare ?? 0) - (reference.repTalkShare ?? 0)), name).toBeLessThanOrEqual(
        0.02,
      );
      expect(Math.abs(metrics.durationSeconds - reference.durationSeconds), name).toBeLessThan(0.01);
    }
  });

  it('prints a readable summary without --json', () => {
    const run = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'analyze-call', call.wav], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Rep talk share: +\d+% \(target 30%\)/);
    expect(run.stdout).toMatch(/Mean patience: +\d+\.\d s \(target 3 s\)/);
  });

  it('takes a test tone on the prospect’s side before the call for neither talk nor the noise floor', () => {
    // Made with sox from the call itself: 1 s of its line noise, then 4 s of the 1004 Hz test tone
    // (−10 dBFS) over that noise on the prospect's channel, then the call.
    const part = (name: string) => join(dir, `tone-${name}.wav`);
    const rate = ['-r', '16000', '-b', '16', '-e', 'signed-integer'];
    execFileSync('sox', [call.wav, part('line'), 'trim', '-1.0']);
    execFileSync('sox', [part('line'), part('line-l'), 'remix', '1', 'repeat', '3']);
    execFileSync('sox', [part('line'), part('line-r'), 'remix', '2', 'repeat', '3']);
    execFileSync('sox', [
      '-n',
      ...rate,
      '-c',
      '1',
      part('tone'),
      'synth',
      '4',
      'sine',
      '1004',
      'gain',
      '-10',
    ]);
    execFileSync('sox', ['-m', part('line-r'), part('tone'), part('tone-r')]);
    execFileSync('sox', ['-M', part('line-l'), part('tone-r'), part('intro')]);
    const withTone = join(dir, 'test-tone-first.wav');
    execFileSync('sox', [part('line'), part('intro'), call.wav, withTone]);
    const plain = TalkMetrics.parse(analyze(call.wav).json);
    const run = analyze(withTone);
    expect(run.status, run.stderr).toBe(0);
    const toned = TalkMetrics.parse(run.json);
    expect(toned.durationSeconds).toBeCloseTo(plain.durationSeconds + 5, 1);
    expect(Math.abs(toned.prospectTalkSeconds - plain.prospectTalkSeconds)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(toned.repTalkSeconds - plain.repTalkSeconds)).toBeLessThanOrEqual(0.2);
    expect(Math.abs((toned.repTalkShare ?? 0) - (plain.repTalkShare ?? 0))).toBeLessThanOrEqual(0.005);
    expect(Math.abs((toned.meanPatienceSeconds ?? 0) - (plain.meanPatienceSeconds ?? 0))).toBeLessThanOrEqual(
      0.05,
    );
  });

  it('refuses a mono recording, saying it needs one speaker a channel', () => {
    const mono = join(dir, 'mono.wav');
    execFileSync('sox', [call.wav, '-c', '1', mono]);
    const run = analyze(mono);
    expect(run.status).toBe(2);
    expect(errorOf(run)).toMatchObject({ code: 'talk_wav_not_stereo', params: { path: mono, channels: 1 } });
    expect(errorOf(run).message).toMatch(/dual channel/);
  });

  it('names a missing file (exit 1), and a text file, an empty file and a cut-off WAV as bad input (exit 2)', () => {
    const missing = join(dir, 'nowhere.wav');
    const missingRun = analyze(missing);
    expect(missingRun.status).toBe(1);
    expect(errorOf(missingRun)).toMatchObject({ code: 'file_not_found', params: { path: missing } });
    const text = join(dir, 'notes.wav');
    writeFileSync(text, 'not audio at all');
    const notWav = analyze(text);
    expect(notWav.status).toBe(2);
    expect(errorOf(notWav).code).toBe('talk_wav_invalid');
    expect(errorOf(notWav).message).toMatch(/it is a text file, not audio/);
    expect(errorOf(notWav).message).toMatch(/Export the call as a WAV file/);
    const empty = join(dir, 'empty.wav');
    writeFileSync(empty, '');
    const emptyRun = analyze(empty);
    expect(emptyRun.status).toBe(2);
    expect(errorOf(emptyRun).message).toMatch(/the file is empty, 0 bytes/);
    const mp3 = join(dir, 'call.mp3.wav');
    writeFileSync(mp3, Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0xff, 0xfb]));
    expect(errorOf(analyze(mp3)).message).toMatch(/another audio format, such as MP3/);
    for (const run of [notWav, emptyRun]) expect(errorOf(run).message).not.toMatch(/Not a supported format/);
    const cut = join(dir, 'cut.wav');
    writeFileSync(cut, readFileSync(call.wav).subarray(0, 50_000));
    const cutRun = analyze(cut);
    expect(cutRun.status).toBe(2);
    expect(errorOf(cutRun)).toMatchObject({ code: 'talk_wav_invalid' });
    expect(errorOf(cutRun).message).toMatch(/stops after 49956 of the/);
  });

  it('refuses an unknown channel name as bad input (exit 2)', () => {
    const run = analyze(call.wav, '--rep-channel', 'middle');
    expect(run.status).toBe(2);
    expect(errorOf(run).code).toBe('invalid_input');
    // Without --json too: a usage error is bad input.
    const human = spawnSync(
      process.execPath,
      [BIN, '--data-dir', dir, 'analyze-call', call.wav, '--rep-channel', 'middle'],
      { encoding: 'utf8' },
    );
    expect(human.status).toBe(2);
    expect(human.stderr).toMatch(/middle/);
  });
});
