import type { TalkMetrics } from '@shared/talk/metrics';
import { type Command, Option } from 'commander';
import { toAppError } from '../../core/guard';
import { analyzeCallRecording, type RepChannel } from '../../core/talk/analyze';
import { type GlobalOptions, placeOf } from '../context';
import { fail, print } from '../output';

const seconds = (value: number) => `${value.toFixed(1)} s`;

const minutes = (value: number) => {
  const whole = Math.round(value);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

/** The human form: one line a figure, with the PLAYBOOK's targets beside them. */
const summary = (metrics: TalkMetrics): string =>
  [
    `Call length:        ${minutes(metrics.durationSeconds)}`,
    `Rep talked:         ${seconds(metrics.repTalkSeconds)}`,
    `Prospect talked:    ${seconds(metrics.prospectTalkSeconds)}`,
    `Rep talk share:     ${metrics.repTalkShare === null ? 'nobody spoke' : `${Math.round(metrics.repTalkShare * 100)}% (target 30%)`}`,
    `Longest monologue:  ${seconds(metrics.longestRepMonologueSeconds)}`,
    `Mean patience:      ${metrics.meanPatienceSeconds === null ? 'no turn changes' : `${seconds(metrics.meanPatienceSeconds)} (target 3 s)`}`,
    `Interruptions:      ${metrics.interruptions}`,
  ].join('\n');

/**
 * `dialdeck analyze-call FILE.wav [--rep-channel left|right]`: the talk/listen metrics of a dual-channel
 * call recording (one speaker a channel, as Twilio's dual-channel recordings are), from the same meter
 * as the live call. JSON: `{durationSeconds, repTalkSeconds, prospectTalkSeconds, repTalkShare,
 * longestRepMonologueSeconds, meanPatienceSeconds, interruptions}`. A missing file exits 1 with
 * `file_not_found`; bad input exits 2: a mono, empty, damaged or non-WAV file with
 * `talk_wav_not_stereo` / `talk_wav_invalid` / `talk_wav_unsupported`, an unknown `--rep-channel`
 * with `invalid_input`. Needs no data folder.
 */
export const registerAnalyzeCall = (program: Command, globals: () => GlobalOptions) => {
  program
    .command('analyze-call <file>')
    .description('talk/listen metrics of a dual-channel call recording (WAV)')
    .addOption(
      new Option('--rep-channel <channel>', 'the channel that carries the rep')
        .choices(['left', 'right'])
        .default('left'),
    )
    .action((file: string, options: { repChannel: RepChannel }) => {
      const opts = globals();
      try {
        const metrics = analyzeCallRecording(file, options.repChannel);
        print(opts.json ?? false, metrics, () => summary(metrics));
      } catch (error) {
        fail(opts.json ?? false, toAppError(error, 'analyzing the recording', placeOf(opts)));
      }
    });
};
