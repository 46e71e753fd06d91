import type { TalkLiveState } from '../../../../../shared/talk/meter';
import type { TalkMetrics } from '../../../../../shared/talk/metrics';

/** The name the talk-meter AudioWorkletProcessor registers under. */
export const TALK_METER_PROCESSOR = 'dialdeck-talk-meter';

/** What the call screen receives a few times a second, and once more (final) when the meter stops. */
export type MeterUpdate = { metrics: TalkMetrics; live: TalkLiveState; final: boolean };

/** Main thread → processor. */
export type ToProcessor = { type: 'finish' };

/** Processor → main thread. */
export type FromProcessor = { type: 'update'; update: MeterUpdate };

/** The processor's options (`processorOptions`): how often it reports, in ms of audio. */
export type ProcessorOptions = { reportEveryMs: number };
